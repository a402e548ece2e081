using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Reports;

/// <summary>
/// Everything an assessment report prints, as aggregates only (no household is named or can be picked out): the
/// campaign, its method, how many answered and how, the vulnerable groups found beside registry counts, the gaps,
/// their costs and the priority formula.
/// </summary>
public sealed record AssessmentReport(
    AssessmentCampaign Campaign,
    IReadOnlyList<ReportCommunity> Communities,
    IReadOnlyList<MultilingualText> WorkingGroup,
    IReadOnlyList<(int Version, DateTime PublishedAt)> Versions,
    IReadOnlyDictionary<(Guid Community, ResponseSource Source), int> Responses,
    IReadOnlyDictionary<(Guid Community, TargetGroup Group), int> SurveyedGroups,
    IReadOnlyDictionary<(Guid Community, TargetGroup Group), int> RegistryGroups,
    CostedResult Costs,
    PriorityFormula? Priority,
    ReportScope? Scope = null)
{
    /// <summary>Counts below this are printed as "fewer than" in open data, so a small group in a small place cannot be picked out.</summary>
    public const int SmallestShownCount = 5;

    public GapResult Gaps => Costs.Gaps;
    /// <summary>Whether each row adds up the communities of an area (a large campaign), rather than being one community.</summary>
    public bool RowsAreAreas => Scope?.RowsAreAreas == true;
    public int ResponsesIn(Guid community) => Responses.Where(r => r.Key.Community == community).Sum(r => r.Value);
    public IReadOnlyList<TargetGroup> Groups => SurveyedGroups.Keys.Select(k => k.Group).Concat(RegistryGroups.Keys.Select(k => k.Group)).Distinct().Order().ToList();
}

/// <summary>A row of the report: a community, or an area adding up the communities within it.</summary>
public sealed record ReportCommunity(Guid Id, string? Code, MultilingualText Name, int? Population);

public sealed class AssessmentReports(PartneraDbContext db, GapCosting costing, PriorityRanking ranking, TerritoryTree tree)
{
    /// <param name="area">Only the communities within this place; null for all the campaign's.</param>
    /// <param name="addUp">Many communities become one row per area (pages, PDF); false keeps a row per community (Excel).</param>
    public async Task<AssessmentReport?> BuildAsync(Guid campaignId, NeedMethod method, Guid? area, bool addUp, CancellationToken ct)
    {
        var campaign = await db.AssessmentCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        var costs = await costing.ForCampaignAsync(campaignId, method, ct);
        if (campaign is null || costs is null) return null;
        var communities = await db.CampaignCommunities.AsNoTracking().Where(c => c.CampaignId == campaignId)
            .Select(c => new ReportCommunity(c.TerritoryId, c.Territory!.Code, c.Territory.Name, c.Territory.Population)).ToListAsync(ct);
        var ids = communities.Select(c => c.Id).ToList();
        var group = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.CampaignId == campaignId).Select(m => m.Organisation!.Name).ToListAsync(ct);
        var versions = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null).OrderBy(q => q.Version).ToListAsync(ct);
        var definitions = versions.ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
        var responses = await db.HouseholdResponses.Where(r => r.CampaignId == campaignId).GroupBy(r => new { r.CommunityId, r.Source })
            .Select(g => new { g.Key.CommunityId, g.Key.Source, Count = g.Count() }).ToDictionaryAsync(x => (x.CommunityId, x.Source), x => x.Count, ct);
        var surveyed = await new CampaignAnswers(db, campaignId, definitions).GroupsPerCommunityAsync(ct);
        var registry = (await db.RegistryCounts.AsNoTracking().Where(r => ids.Contains(r.TerritoryId) && r.AsOf <= campaign.CollectionEnds)
                .Select(r => new { r.TerritoryId, r.Group, r.AsOf, r.People }).ToListAsync(ct))
            .GroupBy(r => (r.TerritoryId, r.Group)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.AsOf)!.People);
        var (scheme, _, latest) = await ranking.SchemeAsync(campaignId, ct);
        var scope = await ReportScope.ForAsync(db, tree, ids, area, addUp, ct);
        var areaIds = scope.RowsAreAreas ? scope.RowOf.Values.Distinct().ToList() : [];
        var areas = await db.Territories.AsNoTracking().Where(t => areaIds.Contains(t.Id)).Select(t => new ReportCommunity(t.Id, t.Code, t.Name, null)).ToListAsync(ct);
        return ReportRows.Within(new AssessmentReport(campaign, communities, group, versions.Select(v => (v.Version, v.PublishedAt!.Value)).ToList(),
            responses, surveyed, registry, costs, latest is null ? null : new PriorityFormula(scheme, latest)), scope, areas);
    }
}
