using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Infrastructure.Email;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// Tells the author of a project when its feasibility is decided, and voters and authors when the results are
/// published. Voters are read from the register of who voted, a page at a time; a failing mail server is logged.
/// </summary>
public sealed class BudgetEmails(PartneraDbContext db, IEmailSender email, IStringLocalizer<PlanningStrings> t, ILogger<BudgetEmails> logger)
{
    private const int PageSize = 1_000;

    public async Task FeasibilityAsync(BudgetProject project, string link, CancellationToken ct)
    {
        var to = await db.Users.Where(u => u.Id == project.AuthorId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (to is null) return;
        await email.SendNoticeAsync(logger, to, t["Email_FeasibilitySubject", project.Title],
            t["Email_FeasibilityBody", Html(project.Title), t[$"Feasibility_{project.Feasibility}"], Html(project.FeasibilityReason ?? ""), Html(link)], ct);
    }

    public async Task ResultsAsync(BudgetVote vote, string community, string link, CancellationToken ct)
    {
        var subject = t["Email_ResultsSubject", community, vote.Year];
        var body = t["Email_ResultsBody", Html(community), vote.Year, Html(link)];
        var authors = db.BudgetProjects.Where(p => p.VoteId == vote.Id).Select(p => p.AuthorId);
        var people = db.VoterRecords.Where(r => r.VoteId == vote.Id).Select(r => r.UserId).Union(authors);
        for (var page = 0; ; page++)
        {
            var addresses = await db.Users.Where(u => people.Contains(u.Id) && u.Email != null).OrderBy(u => u.Id)
                .Skip(page * PageSize).Take(PageSize).Select(u => u.Email!).ToListAsync(ct);
            foreach (var to in addresses) await email.SendNoticeAsync(logger, to, subject, body, ct);
            if (addresses.Count < PageSize) return;
        }
    }

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
