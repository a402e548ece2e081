using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Gaps;

/// <summary>How the need for a service is estimated.</summary>
public enum NeedMethod
{
    /// <summary>The share of answering households that need it, scaled to the community's households.</summary>
    Survey,
    /// <summary>Registry counts of each vulnerable group times the share of that group's surveyed households that need it.</summary>
    Registry,
}

/// <summary>
/// One community × service category: how many need it, what the directory offers, the gap, and the gap the previous
/// campaign found, all counted in the category's <paramref name="Unit"/> (people, or households).
/// </summary>
public sealed record GapRow(Guid CommunityId, MultilingualText Community, string TermCode, MultilingualText Category, int Responses, int Wanting,
    int? Population, decimal HouseholdSize, int? RegistryPeople, decimal EstimatedNeed, int Capacity, CountingUnit Unit)
{
    public decimal Share => Responses == 0 ? 0 : (decimal)Wanting / Responses;
    public decimal Gap => SummedGap ?? Math.Max(0, EstimatedNeed - Capacity);
    public decimal? PreviousGap { get; init; }

    /// <summary>On a row that adds up several communities: the sum of their gaps (one place's spare capacity closes no other's gap).</summary>
    public decimal? SummedGap { get; init; }

    /// <summary>By survey: the households of the community the sample's share is scaled to (population ÷ household size); else none.</summary>
    public decimal? Households { get; init; }

    /// <summary>By registry: no registry count is entered for this community, so its need is unknown (not zero).</summary>
    public bool NoRegistryCount { get; init; }

    /// <summary>Too few households answered here for the share to say anything (fewer than <see cref="GapAnalysis.MinimumSample"/>).</summary>
    public bool SmallSample => Responses < GapAnalysis.MinimumSample;

    /// <summary>The 95 % Wilson interval of the share of answering households needing the service.</summary>
    public (decimal Low, decimal High) ShareInterval => Wilson.Interval(Wanting, Responses);

    /// <summary>
    /// The 95 % interval of the need: by survey the share's interval scaled as the share is; by registry each group's rate's
    /// interval times its people, added up; on an area's row the sum of its communities' ends. None when nothing was sampled.
    /// </summary>
    public (decimal Low, decimal High)? NeedInterval { get; init; }

    /// <summary>The gap at either end of the need's interval.</summary>
    public (decimal Low, decimal High)? GapInterval => SummedGapInterval
        ?? (NeedInterval is { } n ? (Math.Max(0, n.Low - Capacity), Math.Max(0, n.High - Capacity)) : null);

    /// <summary>On a row that adds up several communities: their gaps' interval ends added up.</summary>
    public (decimal Low, decimal High)? SummedGapInterval { get; init; }
}

/// <summary>
/// A community's households that need at least one service, estimated as the rows' need is: what the places per category,
/// which count a household once for each service it needs, cannot be added up to.
/// </summary>
public sealed record NeedingAnyService(int Wanting, int Responses, decimal? Households)
{
    public decimal? Estimate => Households is { } h && Responses > 0 ? Math.Round((decimal)Wanting / Responses * h, 1) : null;

    public (decimal Low, decimal High)? Interval => Households is { } h && Responses > 0
        ? (Math.Round(Wilson.Interval(Wanting, Responses).Low * h, 1), Math.Round(Wilson.Interval(Wanting, Responses).High * h, 1)) : null;
}

/// <summary>A campaign's gaps by one method, with the campaign they are compared with (the latest earlier one sharing a community).</summary>
public sealed record GapResult(NeedMethod Method, List<GapRow> Rows, Guid? PreviousId, MultilingualText? PreviousTitle)
{
    /// <summary>Per community, its households needing at least one service (by survey only).</summary>
    public IReadOnlyDictionary<Guid, NeedingAnyService> NeedingAny { get; init; } = new Dictionary<Guid, NeedingAnyService>();

    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities => Rows.Select(r => (r.CommunityId, r.Community)).DistinctBy(c => c.CommunityId).ToList();

    /// <summary>The units the categories are counted in, people first: what totals are kept apart by.</summary>
    public IReadOnlyList<CountingUnit> Units => Rows.Select(r => r.Unit).Distinct().Order().ToList();

    /// <summary>By registry: the communities among these rows with no registry count (their need is unknown, left out of totals).</summary>
    public static IReadOnlyList<MultilingualText> WithoutRegistryCount(IEnumerable<GapRow> rows) =>
        rows.Where(r => r.NoRegistryCount).DistinctBy(r => r.CommunityId).Select(r => r.Community).ToList();

    public IReadOnlyList<(string Code, MultilingualText Name, CountingUnit Unit)> Categories =>
        Rows.Select(r => (r.TermCode, r.Category, r.Unit)).DistinctBy(c => c.TermCode).OrderBy(c => c.TermCode, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Gap analysis of a campaign. Need by survey: the share of answering households that named a service as needed,
/// times the community's households (population ÷ average household size from the answers). Need by registry: for
/// each vulnerable group, the people a registry counts in the community times the share of the campaign's surveyed
/// households of that group that named the service. Capacity: places of the active directory services of that
/// category whose area covers the community or that stand in it (a service covering several communities counts in
/// each). Gap: need above capacity.
/// </summary>
public sealed class GapAnalysis(PartneraDbContext db, ServiceCapacity capacities)
{
    /// <summary>Used when no household in the campaign gave its size.</summary>
    public const decimal DefaultHouseholdSize = 2.5m;

    /// <summary>
    /// Fewer answering households than this in a community and its estimates are flagged as saying next to nothing: with 30,
    /// a share near one half is known only to about ±17 percentage points (the usual rule of thumb for a sample to be read at all).
    /// </summary>
    public const int MinimumSample = 30;

    /// <summary>A share's interval times what the share is scaled to, rounded as the estimates are.</summary>
    public static (decimal Low, decimal High) Scaled((decimal Low, decimal High) share, decimal scale) =>
        (Math.Round(share.Low * scale, 1), Math.Round(share.High * scale, 1));

    /// <summary>The campaign's gaps in every community, or in one (reading only that community's answers).</summary>
    public async Task<GapResult> ForCampaignAsync(Guid campaignId, NeedMethod method, CancellationToken ct, Guid? community = null)
    {
        var (rows, needingAny) = await ComputeAsync(campaignId, method, community, ct);
        var communities = rows.Select(r => r.CommunityId).Distinct().ToList();
        var starts = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.PeriodStarts).SingleAsync(ct);
        var previous = await db.AssessmentCampaigns.AsNoTracking()
            .Where(c => c.Id != campaignId && c.PeriodStarts < starts && c.Communities.Any(x => communities.Contains(x.TerritoryId)))
            .OrderByDescending(c => c.PeriodStarts).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        if (previous is null) return new(method, rows, null, null) { NeedingAny = needingAny };
        var before = (await ComputeAsync(previous.Id, method, community, ct)).Rows.ToDictionary(r => (r.CommunityId, r.TermCode), r => r.Gap);
        return new(method, rows.Select(r => r with { PreviousGap = before.TryGetValue((r.CommunityId, r.TermCode), out var g) ? g : null }).ToList(), previous.Id, previous.Title)
        { NeedingAny = needingAny };
    }

    private async Task<(List<GapRow> Rows, Dictionary<Guid, NeedingAnyService> NeedingAny)> ComputeAsync(Guid campaignId, NeedMethod method, Guid? community, CancellationToken ct)
    {
        var communities = await db.CampaignCommunities.AsNoTracking().Where(c => c.CampaignId == campaignId && (community == null || c.TerritoryId == community))
            .Select(c => new { c.TerritoryId, c.Territory!.Name, c.Territory.Population }).ToListAsync(ct);
        var versions = (await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null).ToListAsync(ct))
            .ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
        if (versions.Count == 0) return ([], []);
        var answers = new CampaignAnswers(db, campaignId, versions, community);
        var responses = await answers.HouseholdsPerCommunityAsync(ct);
        var sizes = await answers.HouseholdSizesAsync(ct);
        var wanted = await answers.WantingPerCommunityAsync(ct);
        var registry = method == NeedMethod.Registry ? await RegistryNeedAsync(campaignId, answers, communities.Select(c => c.TerritoryId).ToList(), ct) : null;

        var latest = versions.Values.Last();
        var units = CostDefaults.For(latest.Country);
        var categories = latest.Questions.Where(q => q.Measures == QuestionMeasure.ServicesNeeded)
            .SelectMany(q => q.Options ?? []).Where(o => o.Term is not null).Select(o => o.Term!).Distinct().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy!.Code == latest.Taxonomy && categories.Contains(t.Code))
            .Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(ct);
        var capacity = await capacities.PlacesAsync(communities.Select(c => c.TerritoryId).ToList(), terms.ToDictionary(t => t.Id, t => t.Code), ct);
        var overallSize = sizes.Count > 0 ? sizes.Values.Average() : DefaultHouseholdSize;

        var rows = (from c in communities
                    from t in terms
                    let size = sizes.TryGetValue(c.TerritoryId, out var s) && s > 0 ? s : overallSize
                    let row = new GapRow(c.TerritoryId, c.Name, t.Code, t.Name, responses.GetValueOrDefault(c.TerritoryId), wanted.GetValueOrDefault((c.TerritoryId, t.Code)),
                        c.Population, Math.Round(size, 2), registry?.People(c.TerritoryId, t.Code), 0, capacity.GetValueOrDefault((c.TerritoryId, t.Code)), units.UnitOf(t.Code))
                    orderby c.Name.Value, t.Code
                    select registry is null ? BySurvey(row, size) : registry.Estimated(row, size)).ToList();
        if (method != NeedMethod.Survey) return (rows, []);
        var needingAny = await answers.NeedingAnyPerCommunityAsync(ct);
        return (rows, rows.GroupBy(r => r.CommunityId).ToDictionary(g => g.Key, g => new NeedingAnyService(needingAny.GetValueOrDefault(g.Key), g.First().Responses, g.First().Households)));
    }

    /// <summary>
    /// The share of answering households that need the service, scaled to the community's households (population ÷ household
    /// size). In a category counted in people that is one person per household that needs it: the questionnaire does not ask
    /// how many members need a service, and counting every member (the whole population's share) would count a household of
    /// four needing home care as four people needing it.
    /// </summary>
    private static GapRow BySurvey(GapRow row, decimal size)
    {
        var households = row.Population / size;
        if (households is not { } to || row.Responses == 0) return row with { Households = households };
        return row with
        {
            Households = households,
            EstimatedNeed = Math.Round((decimal)row.Wanting / row.Responses * to, 1),
            NeedInterval = Scaled(row.ShareInterval, to),
        };
    }

    private async Task<RegistryNeed> RegistryNeedAsync(Guid campaignId, CampaignAnswers answers, List<Guid> communities, CancellationToken ct)
    {
        // The counts in force when collection ended: the latest on or before that day for each community and group.
        var asOf = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.CollectionEnds).SingleAsync(ct);
        var counts = (await db.RegistryCounts.AsNoTracking().Where(r => communities.Contains(r.TerritoryId) && r.AsOf <= asOf)
                .Select(r => new { r.TerritoryId, r.Group, r.AsOf, r.People }).ToListAsync(ct))
            .GroupBy(r => (r.TerritoryId, r.Group)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.AsOf)!.People);
        return new RegistryNeed(counts, await answers.GroupRatesAsync(ct));
    }

    /// <summary>
    /// Need from registries: people per group × the group's rate of needing each service. A registry counts people, so in a
    /// category counted in households each registered person stands for one household (the most households they can make up).
    /// A person in several registries counts in each, so the sum is held to what the community has: no more households
    /// than its population makes up, no more people than live there.
    /// </summary>
    private sealed class RegistryNeed(Dictionary<(Guid Community, TargetGroup Group), int> counts, GroupRates rates)
    {
        private readonly ILookup<Guid, (TargetGroup Group, int People)> byCommunity = counts.ToLookup(c => c.Key.Community, c => (c.Key.Group, c.Value));

        public GapRow Estimated(GapRow row, decimal householdSize)
        {
            var households = row.Population / householdSize;
            var groups = byCommunity[row.CommunityId].ToList();
            if (groups.Count == 0) return row with { Households = households, NoRegistryCount = true };
            var most = row.Unit == CountingUnit.Household ? households : row.Population;
            decimal AtMost(decimal need) => Math.Round(most is { } m ? Math.Min(need, m) : need, 1);
            var intervals = groups.Select(g => (g.People, Range: rates.Interval(g.Group, row.TermCode))).ToList();
            return row with
            {
                Households = households,
                EstimatedNeed = AtMost(groups.Sum(g => g.People * rates.Rate(g.Group, row.TermCode))),
                NeedInterval = (AtMost(intervals.Sum(i => i.People * i.Range.Low)), AtMost(intervals.Sum(i => i.People * i.Range.High))),
            };
        }

        /// <summary>The people counted in the groups whose surveyed households named this service.</summary>
        public int People(Guid community, string term) =>
            byCommunity[community].Where(c => rates.Rate(c.Group, term) > 0).Sum(c => c.People);
    }
}

/// <summary>
/// What the gap matrix partial shows: the communities of <paramref name="Shown"/> (a page of a large campaign; all when
/// none) with totals over all; <paramref name="CommunityLink"/> followed by a community's id opens its detail, if given.
/// </summary>
public sealed record GapMatrix(GapResult Result, string? CommunityLink, IReadOnlyList<(Guid Id, MultilingualText Name)>? Shown = null, bool RowsAreAreas = false)
{
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Rows => Shown ?? Result.Communities;
}

/// <summary>What the method-and-community filter of the gap and cost pages shows.</summary>
public sealed record GapFilter(string FormId, NeedMethod Method, Guid? Community, IReadOnlyList<(Guid Id, MultilingualText Name)> Communities)
{
    /// <summary>Above this many communities the filter offers no list to choose from (it would outweigh the page): the tables link each one.</summary>
    public const int SelectableCommunities = 100;
}
