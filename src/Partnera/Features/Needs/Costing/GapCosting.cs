using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Costing;

/// <summary>Where a unit cost comes from, in the order it is looked for.</summary>
public enum UnitCostBasis
{
    /// <summary>Set by the campaign for this community.</summary>
    Community,
    /// <summary>The average the community's directory services of the category state.</summary>
    Directory,
    /// <summary>The country's default.</summary>
    Country,
    /// <summary>No figure anywhere: the gap is not costed.</summary>
    None,
    /// <summary>A row adding up several communities, each costed on its own basis.</summary>
    Several,
}

/// <summary>A gap with what closing it costs and who is assumed to pay which part.</summary>
public sealed record CostedGap(GapRow Gap, decimal? UnitCost, UnitCostBasis Basis, decimal Cost, IReadOnlyDictionary<FundingSource, decimal> Shares)
{
    /// <summary>The cost at either end of the gap's 95 % interval; none when the gap is not scaled from a sample or has no unit cost.</summary>
    public (decimal Low, decimal High)? CostInterval => SummedCostInterval
        ?? (Gap.GapInterval is { } g && UnitCost is { } u ? (Math.Round(g.Low * u, 2), Math.Round(g.High * u, 2)) : null);

    /// <summary>On a row that adds up several communities (each at its own unit cost): their cost intervals' ends added up.</summary>
    public (decimal Low, decimal High)? SummedCostInterval { get; init; }
}

public sealed record CostedResult(GapResult Gaps, string Taxonomy, CostDefaults Defaults, IReadOnlyDictionary<FundingSource, decimal> Split, bool SplitIsDefault, List<CostedGap> Rows)
{
    public decimal Total => Rows.Sum(r => r.Cost);
    public decimal TotalOf(FundingSource source) => Rows.Sum(r => r.Shares[source]);

    /// <summary>
    /// The low ends of the rows' cost intervals added up, and the high ends (a row with none adds its cost to both): the range the
    /// total may take if every category's estimate were at the same end of its interval, so wider than the total's own 95 % interval.
    /// </summary>
    public static (decimal Low, decimal High) RangeOf(IEnumerable<CostedGap> rows) =>
        rows.Aggregate((Low: 0m, High: 0m), (sum, r) => (sum.Low + (r.CostInterval?.Low ?? r.Cost), sum.High + (r.CostInterval?.High ?? r.Cost)));
}

/// <summary>
/// Cost of closing each gap: gap × unit cost (the community's own figure, else the average its directory services
/// state in the country's currency, else the country default), split between funding sources by the campaign's shares.
/// </summary>
public sealed class GapCosting(PartneraDbContext db, GapAnalysis analysis, ServiceCapacity capacities)
{
    public async Task<CostedResult?> ForCampaignAsync(Guid campaignId, NeedMethod method, CancellationToken ct, Guid? community = null)
    {
        var latest = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null)
            .OrderByDescending(q => q.Version).Select(q => q.Definition).FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var definition = QuestionnaireDefinition.FromJson(latest);
        var defaults = CostDefaults.For(definition.Country);
        var settings = CostSettings.FromJson(await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.Costing).SingleAsync(ct));
        var split = settings.Split ?? defaults.Split;
        var gaps = await analysis.ForCampaignAsync(campaignId, method, ct, community);
        var directory = await DirectoryCostsAsync(gaps.Rows, definition.Taxonomy, defaults.Currency, ct);
        var rows = gaps.Rows.Select(g =>
        {
            // A figure beyond the largest (saved before there was a limit) is not used: it would overflow the sums.
            var (unit, basis) = settings.Overrides.FirstOrDefault(o => o.Community == g.CommunityId && o.Term == g.TermCode && o.UnitCost is >= 0 and <= UnitCostOverride.Largest) is { } own
                ? (own.UnitCost, UnitCostBasis.Community)
                : directory.TryGetValue((g.CommunityId, g.TermCode), out var stated) ? (stated, UnitCostBasis.Directory)
                : defaults.Costs.TryGetValue(g.TermCode, out var usual) ? (usual, UnitCostBasis.Country)
                : ((decimal?)null, UnitCostBasis.None);
            var cost = Math.Round(g.Gap * (unit ?? 0), 2);
            return new CostedGap(g, unit, basis, cost, CostDefaults.Sources.ToDictionary(s => s, s => Math.Round(cost * split.GetValueOrDefault(s), 2)));
        }).ToList();
        return new CostedResult(gaps, definition.Taxonomy, defaults, split, settings.Split is null, rows);
    }

    /// <summary>The average unit cost the serving services state per community and category, in the given currency only.</summary>
    private async Task<Dictionary<(Guid, string), decimal>> DirectoryCostsAsync(List<GapRow> gaps, string taxonomy, string currency, CancellationToken ct)
    {
        var codes = gaps.Select(g => g.TermCode).Distinct().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy!.Code == taxonomy && codes.Contains(t.Code)).ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        var stated = await capacities.UnitCostsAsync(gaps.Select(g => g.CommunityId).Distinct().ToList(), terms, ct);
        return stated.Select(s => (s.Key, Costs: s.Value.Where(c => c.Currency == currency).Select(c => c.Cost).ToList()))
            .Where(s => s.Costs.Count > 0).ToDictionary(s => s.Key, s => Math.Round(s.Costs.Average(), 2));
    }
}
