using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>
/// A costed gap as the plan sees it: how much of it the plan's measures close, what stays open, and how much of its
/// cost their budgets cover. A measure closing several gaps gives each the share of its budget that its closing of
/// that gap is of all it closes (equal shares when it states none).
/// </summary>
public sealed record GapCoverage(HandedOverGap Gap, MultilingualText Community, MultilingualText Category, MultilingualText Campaign, decimal Closed, decimal Budgeted)
{
    public decimal Remaining => Math.Max(0, Gap.Gap - Closed);
    public decimal Unfunded => Math.Max(0, Gap.Cost - Budgeted);
}

/// <summary>What the plan closes of the gaps its measures name, and the costed gaps of its place that no measure takes yet.</summary>
public sealed class PlanCoverage(PartneraDbContext db, TerritoryTree tree)
{
    public async Task<IReadOnlyList<GapCoverage>> OfAsync(Guid planId, CancellationToken ct)
    {
        var links = await db.MeasureGaps.AsNoTracking().Where(l => l.PlanId == planId).Select(l => new { l.MeasureId, l.GapId, l.Closes }).ToListAsync(ct);
        if (links.Count == 0) return [];
        var measures = links.Select(l => l.MeasureId).Distinct().ToList();
        var budgets = await db.MeasureBudgetLines.AsNoTracking().Where(b => measures.Contains(b.MeasureId)).GroupBy(b => b.MeasureId)
            .Select(g => new { g.Key, Total = g.Sum(b => b.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var budgeted = new Dictionary<Guid, decimal>();
        foreach (var measure in links.GroupBy(l => l.MeasureId))
        {
            var total = budgets.GetValueOrDefault(measure.Key);
            var closes = measure.Sum(l => l.Closes);
            foreach (var link in measure)
                budgeted[link.GapId] = budgeted.GetValueOrDefault(link.GapId) + (closes > 0 ? total * link.Closes / closes : total / measure.Count());
        }
        var closed = links.GroupBy(l => l.GapId).ToDictionary(g => g.Key, g => g.Sum(l => l.Closes));
        var gaps = await DescribedAsync(db.HandedOverGaps.Where(g => closed.Keys.Contains(g.Id)), ct);
        return gaps.Select(g => g with { Closed = closed[g.Gap.Id], Budgeted = Math.Round(budgeted[g.Gap.Id], 2) }).ToList();
    }

    /// <summary>The place's costed gaps (the place and every community within it) that no measure of this plan names yet, largest first.</summary>
    public async Task<IReadOnlyList<GapCoverage>> WaitingAsync(CommunityPlan plan, CancellationToken ct)
    {
        var within = (await tree.ScopeAsync(plan.TerritoryId, ct)).Within;
        var taken = db.MeasureGaps.Where(l => l.PlanId == plan.Id).Select(l => l.GapId);
        var waiting = db.HandedOverGaps.Where(g => within.Contains(g.CommunityId) && g.Gap > 0 && !taken.Contains(g.Id))
            .OrderByDescending(g => g.Cost).Take(MostWaitingShown);
        return await DescribedAsync(waiting, ct);
    }

    /// <summary>How many waiting gaps the plan page offers at once (the largest); taking them shows the next ones.</summary>
    public const int MostWaitingShown = 50;

    private async Task<List<GapCoverage>> DescribedAsync(IQueryable<HandedOverGap> gaps, CancellationToken ct)
    {
        var rows = await gaps.AsNoTracking()
            .Select(g => new
            {
                Gap = g,
                Community = db.Territories.Where(t => t.Id == g.CommunityId).Select(t => t.Name).First(),
                Campaign = db.AssessmentCampaigns.Where(c => c.Id == g.CampaignId).Select(c => c.Title).First(),
                Category = db.TaxonomyTerms.Where(t => t.Taxonomy!.Code == g.Taxonomy && t.Code == g.TermCode).Select(t => t.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new GapCoverage(r.Gap, r.Community, r.Category ?? new MultilingualText(r.Gap.TermCode), r.Campaign, 0, 0)).ToList();
    }
}
