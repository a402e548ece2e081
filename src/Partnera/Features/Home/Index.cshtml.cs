using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    private const int OpenShown = 5;

    public int Organisations { get; private set; }
    public int Memoranda { get; private set; }
    public int Communities { get; private set; }
    /// <summary>Where residents can have their say now: plans in consultation and budget votes taking ballots, closing soonest first.</summary>
    public List<(string Kind, string Href, MultilingualText Title, int? Year, DateOnly Closes)> OpenNow { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.CountAsync(ct);
        Memoranda = await db.Memoranda.CountAsync(ct);
        Communities = await db.Territories.CountAsync(t => t.Level == TerritoryLevel.Community, ct);
        // Dates are days where each community is; a day either side of UTC's covers every time zone, the page shows the closing day.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var plans = await db.CommunityPlans.AsNoTracking()
            .Where(p => p.Status == Planning.PlanStatus.Consultation && p.ConsultationEnds >= today.AddDays(-1) && p.ConsultationStarts <= today.AddDays(1))
            .OrderBy(p => p.ConsultationEnds).Take(OpenShown).Select(p => new { p.Id, p.Title, p.ConsultationEnds }).ToListAsync(ct);
        var votes = await db.BudgetVotes.AsNoTracking()
            .Where(v => v.Announced && v.ResultsPublishedAt == null && v.VotingClose >= today.AddDays(-1) && v.VotingOpen <= today.AddDays(1))
            .OrderBy(v => v.VotingClose).Take(OpenShown)
            .Join(db.Territories, v => v.TerritoryId, t => t.Id, (v, t) => new { v.Id, t.Name, v.Year, v.VotingClose }).ToListAsync(ct);
        OpenNow = [.. plans.Select(p => ("Consultation", $"/Planning/Public/{p.Id}", p.Title, (int?)null, p.ConsultationEnds!.Value)),
            .. votes.Select(v => ("Vote", $"/Planning/Budgeting/Vote/{v.Id}", v.Name, (int?)v.Year, v.VotingClose))];
    }
}
