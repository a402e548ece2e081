using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Infrastructure.Email;

namespace Partnera.Features.Planning.Consultation;

/// <summary>
/// Tells the people who commented on a plan when their comment or proposal is answered and when the plan moves to
/// another stage (in the language of the person acting: accounts keep no language of their own yet). A mail server
/// that fails is logged; the answer or the move is saved all the same.
/// </summary>
public sealed class ConsultationEmails(PartneraDbContext db, IEmailSender email, IStringLocalizer<PlanningStrings> t, ILogger<ConsultationEmails> logger)
{
    public async Task AnsweredAsync(PlanComment comment, string planTitle, string link, CancellationToken ct)
    {
        if (comment.HearingId is not null) return; // recorded by the authority itself
        var to = await db.Users.Where(u => u.Id == comment.AuthorId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (to is null) return;
        await SendAsync(to, t["Email_AnsweredSubject", planTitle],
            t["Email_AnsweredBody", Html(planTitle), Html(comment.Text), t[$"CommentDecision_{comment.Decision}"], Html(comment.Answer ?? ""), Html(link)], ct);
    }

    public async Task StageChangedAsync(CommunityPlan plan, string link, CancellationToken ct)
    {
        var authors = db.PlanComments.Where(c => c.PlanId == plan.Id && c.HearingId == null).Select(c => c.AuthorId).Distinct();
        var addresses = await db.Users.Where(u => authors.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        var title = plan.Title.Value;
        foreach (var to in addresses)
            await SendAsync(to, t["Email_StageSubject", title], t["Email_StageBody", Html(title), t[$"PlanStatus_{plan.Status}"], Html(link)], ct);
    }

    private Task SendAsync(string to, string subject, string body, CancellationToken ct) => email.SendNoticeAsync(logger, to, subject, body, ct);

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
