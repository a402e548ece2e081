using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Territories;

namespace Partnera.Features.Needs.Gaps;

/// <summary>
/// What the directory offers a community per service category: the active services whose area covers the
/// community (or lies within it) or that stand in it — their places, and the unit costs they state.
/// </summary>
public sealed class ServiceCapacity(PartneraDbContext db, TerritoryTree territories)
{
    private sealed record Fact(int? Capacity, decimal? UnitCost, string? Currency, List<Guid> Terms);

    /// <summary>Places per community and category (a service serving several communities counts in each).</summary>
    public async Task<Dictionary<(Guid Community, string Term), int>> PlacesAsync(List<Guid> communities, Dictionary<Guid, string> terms, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, string), int>();
        foreach (var (community, service) in await ServingAsync(communities, terms, ct))
            foreach (var term in service.Terms.Where(_ => service.Capacity is not null))
                result[(community, terms[term])] = result.GetValueOrDefault((community, terms[term])) + service.Capacity!.Value;
        return result;
    }

    /// <summary>The unit costs per community and category that serving services state, each with its currency.</summary>
    public async Task<Dictionary<(Guid Community, string Term), List<(decimal Cost, string Currency)>>> UnitCostsAsync(List<Guid> communities, Dictionary<Guid, string> terms,
        CancellationToken ct)
    {
        var result = new Dictionary<(Guid, string), List<(decimal, string)>>();
        foreach (var (community, service) in await ServingAsync(communities, terms, ct))
        {
            if (service.UnitCost is not { } cost || service.Currency is not { } currency) continue;
            foreach (var term in service.Terms)
            {
                if (!result.TryGetValue((community, terms[term]), out var list)) result[(community, terms[term])] = list = [];
                list.Add((cost, currency));
            }
        }
        return result;
    }

    private async Task<List<(Guid Community, Fact Service)>> ServingAsync(List<Guid> communities, Dictionary<Guid, string> terms, CancellationToken ct)
    {
        var scopes = new Dictionary<Guid, TerritoryScope>();
        foreach (var c in communities) scopes[c] = await territories.ScopeAsync(c, ct);
        var covering = scopes.Values.SelectMany(s => s.Above.Concat(s.Within)).Distinct().ToList();
        var termIds = terms.Keys.ToList();
        var services = db.Services.Where(s => s.Status == ServiceStatus.Active && s.Terms.Any(t => termIds.Contains(t.TaxonomyTermId)));
        var byArea = await services.SelectMany(s => s.Areas.Where(a => a.TerritoryId != null && covering.Contains(a.TerritoryId.Value)), (s, a) => new { s.Id, Place = a.TerritoryId!.Value })
            .ToListAsync(ct);
        var byLocation = await services.SelectMany(s => s.Locations.Where(l => l.Location!.TerritoryId != null && covering.Contains(l.Location.TerritoryId.Value)),
            (s, l) => new { s.Id, Place = l.Location!.TerritoryId!.Value }).ToListAsync(ct);
        var ids = byArea.Concat(byLocation).Select(x => x.Id).Distinct().ToList();
        var facts = await db.Services.Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Capacity, s.UnitCost, s.UnitCostCurrency, Terms = s.Terms.Where(t => termIds.Contains(t.TaxonomyTermId)).Select(t => t.TaxonomyTermId).ToList() })
            .ToDictionaryAsync(s => s.Id, s => new Fact(s.Capacity, s.UnitCost, s.UnitCostCurrency, s.Terms), ct);
        var result = new List<(Guid, Fact)>();
        foreach (var (community, scope) in scopes)
        {
            var reachable = scope.Above.Append(community).ToHashSet();
            var within = scope.Within.ToHashSet();
            var serving = byArea.Where(x => reachable.Contains(x.Place) || within.Contains(x.Place)).Select(x => x.Id)
                .Concat(byLocation.Where(x => within.Contains(x.Place)).Select(x => x.Id)).Distinct();
            result.AddRange(serving.Select(id => (community, facts[id])));
        }
        return result;
    }
}
