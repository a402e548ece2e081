using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Planning.Budgeting;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning;

/// <summary>
/// A community's public page: its published plans (and its district's) with their consultation and what they have
/// delivered so far, and its participatory budgets.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Name)]
public sealed class CommunityModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    private const int Shown = 10;

    public MultilingualText Name { get; private set; } = new();
    public MultilingualText? District { get; private set; }
    public List<PlanRow> Plans { get; private set; } = [];
    public List<(BudgetVote Vote, BudgetPhase Phase)> Budgets { get; private set; } = [];
    public string Currency { get; private set; } = "";

    public sealed record PlanRow(Guid Id, MultilingualText Title, PlanKind Kind, int FirstYear, int LastYear, PlanStatus Status,
        DateOnly? ConsultationStarts, DateOnly? ConsultationEnds, int Measures, int Reported, decimal Spent);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var place = await db.Territories.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Name, t.ParentId, Parent = t.Parent == null ? null : t.Parent.Name, t.TimeZone }).FirstOrDefaultAsync(ct);
        if (place is null) return NotFound();
        (Name, District) = (place.Name, place.Parent);
        Plans = await db.CommunityPlans.AsNoTracking()
            .Where(p => p.Status != PlanStatus.Draft && (p.TerritoryId == id || p.TerritoryId == place.ParentId))
            .OrderByDescending(p => p.FirstYear).ThenBy(p => p.Id).Take(Shown)
            .Select(p => new PlanRow(p.Id, p.Title, p.Kind, p.FirstYear, p.LastYear, p.Status, p.ConsultationStarts, p.ConsultationEnds,
                db.PlanMeasures.Count(m => m.PlanId == p.Id),
                db.MeasureProgress.Where(r => r.PlanId == p.Id).Select(r => r.MeasureId).Distinct().Count(),
                db.MeasureProgress.Where(r => r.PlanId == p.Id).Sum(r => (decimal?)r.Spent) ?? 0))
            .ToListAsync(ct);
        var today = Infrastructure.Time.LocalTime.Today(place.TimeZone, time.GetUtcNow());
        Budgets = (await db.BudgetVotes.AsNoTracking().Where(v => v.TerritoryId == id && v.Announced).OrderByDescending(v => v.Year).Take(Shown).ToListAsync(ct))
            .Select(v => (v, BudgetPhases.On(v, today))).ToList();
        Currency = await BudgetCurrency.OfAsync(db, id, ct);
        return Page();
    }
}
