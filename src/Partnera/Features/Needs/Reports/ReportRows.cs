using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;

namespace Partnera.Features.Needs.Reports;

/// <summary>
/// Narrows a report to its scope's communities and, when the scope adds them up by area, turns every per-community
/// figure into one per area: counts, people, needs, capacities, gaps and costs are sums (a gap is the sum of the
/// communities' gaps, never the area's need less its capacity).
/// </summary>
public static class ReportRows
{
    public static AssessmentReport Within(AssessmentReport report, ReportScope scope, IReadOnlyList<ReportCommunity> areas)
    {
        var rowOf = scope.RowOf;
        var communities = report.Communities.Where(c => rowOf.ContainsKey(c.Id)).ToList();
        var rows = scope.RowsAreAreas
            ? areas.Select(a => a with { Population = Sum(communities.Where(c => rowOf[c.Id] == a.Id).Select(c => c.Population)) }).OrderBy(a => a.Name.Value).ToList()
            : communities;
        var costs = report.Costs.Rows.Where(r => rowOf.ContainsKey(r.Gap.CommunityId)).ToList();
        if (scope.RowsAreAreas)
        {
            var names = areas.ToDictionary(a => a.Id);
            costs = costs.GroupBy(r => (Row: rowOf[r.Gap.CommunityId], r.Gap.TermCode)).Select(g => AddUp(names[g.Key.Row], g.ToList())).ToList();
        }
        var gaps = report.Gaps with { Rows = costs.Select(c => c.Gap).ToList() };
        return report with
        {
            Communities = rows,
            Responses = ReKeyed(report.Responses, rowOf, k => k.Community, (k, row) => (row, k.Source)),
            SurveyedGroups = ReKeyed(report.SurveyedGroups, rowOf, k => k.Community, (k, row) => (row, k.Group)),
            RegistryGroups = ReKeyed(report.RegistryGroups, rowOf, k => k.Community, (k, row) => (row, k.Group)),
            Costs = report.Costs with { Gaps = gaps, Rows = costs },
            Scope = scope,
        };
    }

    private static CostedGap AddUp(ReportCommunity area, List<CostedGap> parts)
    {
        var first = parts[0].Gap;
        var gap = new GapRow(area.Id, area.Name, first.TermCode, first.Category, parts.Sum(p => p.Gap.Responses), parts.Sum(p => p.Gap.Wanting),
            Sum(parts.Select(p => p.Gap.Population)), parts.Average(p => p.Gap.HouseholdSize), Sum(parts.Select(p => p.Gap.RegistryPeople)),
            parts.Sum(p => p.Gap.EstimatedNeed), parts.Sum(p => p.Gap.Capacity), first.Unit)
        {
            // The ends added up: the range if every community's estimate were at the same end of its interval.
            NeedInterval = parts.All(p => p.Gap.NeedInterval is not null)
                ? (parts.Sum(p => p.Gap.NeedInterval!.Value.Low), parts.Sum(p => p.Gap.NeedInterval!.Value.High)) : null,
            PreviousGap = parts.Any(p => p.Gap.PreviousGap is not null) ? parts.Sum(p => p.Gap.PreviousGap ?? 0) : null,
            SummedGap = parts.Sum(p => p.Gap.Gap),
            SummedGapInterval = parts.All(p => p.Gap.GapInterval is not null)
                ? (parts.Sum(p => p.Gap.GapInterval!.Value.Low), parts.Sum(p => p.Gap.GapInterval!.Value.High)) : null,
        };
        return new CostedGap(gap, null, UnitCostBasis.Several, parts.Sum(p => p.Cost),
            CostDefaults.Sources.ToDictionary(s => s, s => parts.Sum(p => p.Shares[s])))
        {
            SummedCostInterval = CostedResult.RangeOf(parts),
        };
    }

    private static int? Sum(IEnumerable<int?> values)
    {
        var known = values.Where(v => v is not null).ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    private static Dictionary<TKey, int> ReKeyed<TKey>(IReadOnlyDictionary<TKey, int> counts, IReadOnlyDictionary<Guid, Guid> rowOf,
        Func<TKey, Guid> community, Func<TKey, Guid, TKey> withRow) where TKey : notnull =>
        counts.Where(c => rowOf.ContainsKey(community(c.Key))).GroupBy(c => withRow(c.Key, rowOf[community(c.Key)])).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
