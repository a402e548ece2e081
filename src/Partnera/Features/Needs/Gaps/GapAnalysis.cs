using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Gaps;

/// <summary>One community × service category: how many households need it, what the directory offers, and the gap.</summary>
public sealed record GapRow(Guid CommunityId, MultilingualText Community, string TermCode, MultilingualText Category, int Responses, int Wanting,
    int? Population, decimal HouseholdSize, decimal EstimatedNeed, int Capacity)
{
    public decimal Share => Responses == 0 ? 0 : (decimal)Wanting / Responses;
    public decimal Gap => Math.Max(0, EstimatedNeed - Capacity);
}

/// <summary>
/// Gap analysis of a campaign. Need: the share of answering households that named a service as needed, times the
/// community's households (population ÷ average household size from the answers). Capacity: places of the active
/// directory services of that category whose area covers the community or that stand in it (a service covering
/// several communities counts in each). Gap: need above capacity.
/// </summary>
public sealed class GapAnalysis(PartneraDbContext db, TerritoryTree territories)
{
    /// <summary>Used when no household in the campaign gave its size.</summary>
    public const decimal DefaultHouseholdSize = 2.5m;

    public async Task<List<GapRow>> ForCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        var communities = await db.CampaignCommunities.AsNoTracking().Where(c => c.CampaignId == campaignId)
            .Select(c => new { c.TerritoryId, c.Territory!.Name, c.Territory.Population }).ToListAsync(ct);
        var versions = (await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null).ToListAsync(ct))
            .ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
        if (versions.Count == 0) return [];
        var taxonomy = versions.Values.Last().Taxonomy;

        // One grouped read of the answers the analysis needs, whatever the number of households.
        var responses = await db.HouseholdResponses.Where(r => r.CampaignId == campaignId)
            .GroupBy(r => r.CommunityId).Select(g => new { Community = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Community, x => x.Count, ct);
        var sizeCodes = versions.Values.SelectMany(v => v.Questions).Where(q => q.Measures == QuestionMeasure.HouseholdSize).Select(q => q.Code).Distinct().ToList();
        var sizes = await db.Answers.Where(a => sizeCodes.Contains(a.QuestionCode) && a.Number != null)
            .Join(db.HouseholdResponses.Where(r => r.CampaignId == campaignId), a => a.ResponseId, r => r.Id, (a, r) => new { r.CommunityId, a.Number })
            .GroupBy(x => x.CommunityId).Select(g => new { Community = g.Key, Average = g.Average(x => x.Number!.Value) })
            .ToDictionaryAsync(x => x.Community, x => x.Average, ct);
        var needCodes = versions.Values.SelectMany(v => v.Questions).Where(q => q.Measures == QuestionMeasure.ServicesNeeded).Select(q => q.Code).Distinct().ToList();
        var wanted = await db.Answers.Where(a => needCodes.Contains(a.QuestionCode) && a.OptionCode != null)
            .Join(db.HouseholdResponses.Where(r => r.CampaignId == campaignId), a => a.ResponseId, r => r.Id, (a, r) => new { r.CommunityId, r.QuestionnaireId, a.QuestionCode, a.OptionCode })
            .GroupBy(x => new { x.CommunityId, x.QuestionnaireId, x.QuestionCode, x.OptionCode })
            .Select(g => new { g.Key.CommunityId, g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, Count = g.Count() })
            .ToListAsync(ct);
        var wantedByTerm = wanted
            .Select(w => new { w.CommunityId, w.Count, Term = versions[w.QuestionnaireId].Questions.FirstOrDefault(q => q.Code == w.QuestionCode)?.Options?.FirstOrDefault(o => o.Code == w.OptionCode)?.Term })
            .Where(w => w.Term is not null)
            .GroupBy(w => (w.CommunityId, w.Term!)).ToDictionary(g => g.Key, g => g.Sum(w => w.Count));

        var categories = versions.Values.Last().Questions.Where(q => q.Measures == QuestionMeasure.ServicesNeeded)
            .SelectMany(q => q.Options ?? []).Where(o => o.Term is not null).Select(o => o.Term!).Distinct().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy!.Code == taxonomy && categories.Contains(t.Code))
            .Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(ct);
        var capacity = await CapacityAsync(communities.Select(c => c.TerritoryId).ToList(), terms.ToDictionary(t => t.Id, t => t.Code), ct);
        var overallSize = sizes.Count > 0 ? sizes.Values.Average() : DefaultHouseholdSize;

        return (from c in communities
                from t in terms
                let answered = responses.GetValueOrDefault(c.TerritoryId)
                let want = wantedByTerm.GetValueOrDefault((c.TerritoryId, t.Code))
                let size = sizes.TryGetValue(c.TerritoryId, out var s) && s > 0 ? s : overallSize
                let need = answered == 0 || c.Population is null ? 0 : Math.Round((decimal)want / answered * (c.Population!.Value / size), 1)
                orderby c.Name.Value, t.Code
                select new GapRow(c.TerritoryId, c.Name, t.Code, t.Name, answered, want, c.Population, Math.Round(size, 2), need,
                    capacity.GetValueOrDefault((c.TerritoryId, t.Code)))).ToList();
    }

    /// <summary>Places per community and category, from the active services whose area covers the community or that stand in it.</summary>
    private async Task<Dictionary<(Guid Community, string Term), int>> CapacityAsync(List<Guid> communities, Dictionary<Guid, string> terms, CancellationToken ct)
    {
        var scopes = new Dictionary<Guid, TerritoryScope>();
        foreach (var c in communities) scopes[c] = await territories.ScopeAsync(c, ct);
        var covering = scopes.Values.SelectMany(s => s.Above.Concat(s.Within)).Distinct().ToList();
        var termIds = terms.Keys.ToList();
        var services = db.Services.Where(s => s.Status == ServiceStatus.Active && s.Capacity != null);
        var byArea = await services.SelectMany(s => s.Areas.Where(a => a.TerritoryId != null && covering.Contains(a.TerritoryId.Value)), (s, a) => new { s.Id, Place = a.TerritoryId!.Value })
            .ToListAsync(ct);
        var byLocation = await services.SelectMany(s => s.Locations.Where(l => l.Location!.TerritoryId != null && covering.Contains(l.Location.TerritoryId.Value)),
            (s, l) => new { s.Id, Place = l.Location!.TerritoryId!.Value }).ToListAsync(ct);
        var ids = byArea.Concat(byLocation).Select(x => x.Id).Distinct().ToList();
        var facts = await db.Services.Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Capacity, Terms = s.Terms.Where(t => termIds.Contains(t.TaxonomyTermId)).Select(t => t.TaxonomyTermId).ToList() })
            .ToDictionaryAsync(s => s.Id, ct);
        var result = new Dictionary<(Guid, string), int>();
        foreach (var (community, scope) in scopes)
        {
            var reachable = scope.Above.Append(community).ToHashSet();
            var within = scope.Within.ToHashSet();
            var serving = byArea.Where(x => reachable.Contains(x.Place) || within.Contains(x.Place)).Select(x => x.Id)
                .Concat(byLocation.Where(x => within.Contains(x.Place)).Select(x => x.Id)).Distinct();
            foreach (var id in serving)
            {
                foreach (var term in facts[id].Terms)
                    result[(community, terms[term])] = result.GetValueOrDefault((community, terms[term])) + facts[id].Capacity!.Value;
            }
        }
        return result;
    }
}
