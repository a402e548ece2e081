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
    /// <summary>Above this many serving services, reading every service of the categories beats listing their ids.</summary>
    private const int ManyServices = 5_000;

    private sealed record Fact(int? Capacity, decimal? UnitCost, string? Currency, List<Guid> Terms);

    // Costing asks for places (through the gap analysis) and then unit costs of the same communities and categories:
    // the serving services are read once per request (the service is scoped) and both are worked out from them.
    private readonly Dictionary<string, List<(Guid Community, Fact Service)>> served = [];

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
        var key = string.Join(',', communities.Order()) + "|" + string.Join(',', terms.Keys.Order());
        if (!served.TryGetValue(key, out var serving)) served[key] = serving = await ReadServingAsync(communities, terms, ct);
        return serving;
    }

    private async Task<List<(Guid Community, Fact Service)>> ReadServingAsync(List<Guid> communities, Dictionary<Guid, string> terms, CancellationToken ct)
    {
        var scopes = new Dictionary<Guid, TerritoryScope>();
        foreach (var c in communities) scopes[c] = await territories.ScopeAsync(c, ct);
        var covering = scopes.Values.SelectMany(s => s.Above.Concat(s.Within)).Distinct().ToList();
        var termIds = terms.Keys.ToList();
        var services = db.Services.Where(s => s.Status == ServiceStatus.Active && s.Terms.Any(t => termIds.Contains(t.TaxonomyTermId)));
        // Where each service works (its areas) and stands (its places), grouped by place for the per-community walk below.
        var byArea = (await services.SelectMany(s => s.Areas.Where(a => a.TerritoryId != null && covering.Contains(a.TerritoryId.Value)), (s, a) => new { s.Id, Place = a.TerritoryId!.Value })
            .ToListAsync(ct)).ToLookup(x => x.Place, x => x.Id);
        var byLocation = (await services.SelectMany(s => s.Locations.Where(l => l.Location!.TerritoryId != null && covering.Contains(l.Location.TerritoryId.Value)),
            (s, l) => new { s.Id, Place = l.Location!.TerritoryId!.Value }).ToListAsync(ct)).ToLookup(x => x.Place, x => x.Id);
        var ids = byArea.SelectMany(g => g).Concat(byLocation.SelectMany(g => g)).Distinct().ToList();
        // A few communities' services are read by id; a region's or a country's, by reading all services of the categories once.
        var serving = ids.Count <= ManyServices ? services.Where(s => ids.Contains(s.Id)) : services;
        var facts = await serving
            .Select(s => new { s.Id, s.Capacity, s.UnitCost, s.UnitCostCurrency, Terms = s.Terms.Where(t => termIds.Contains(t.TaxonomyTermId)).Select(t => t.TaxonomyTermId).ToList() })
            .ToDictionaryAsync(s => s.Id, s => new Fact(s.Capacity, s.UnitCost, s.UnitCostCurrency, s.Terms), ct);
        var result = new List<(Guid, Fact)>();
        foreach (var (community, scope) in scopes)
        {
            // Areas above the community or within it reach it; places only within it.
            var reaching = scope.Above.Concat(scope.Within).SelectMany(place => byArea[place])
                .Concat(scope.Within.SelectMany(place => byLocation[place])).Distinct();
            result.AddRange(reaching.Select(id => (community, facts[id])));
        }
        return result;
    }
}
