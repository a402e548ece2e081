using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>The one organisation search behind the public list and the API.</summary>
public static class OrganisationSearch
{
    /// <summary>
    /// Organisations matching the words (any script: the stored search key is Latin), of a kind, and
    /// based in or serving a territory or any territory below it.
    /// </summary>
    public static IQueryable<Organisation> Query(PartneraDbContext db, string? q, OrganisationKind? kind, Territories.TerritoryScope? territory)
    {
        var query = db.Organisations.AsNoTracking();
        foreach (var word in SearchKey.For(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            query = query.Where(o => o.SearchText.Contains(word));
        if (kind is not null) query = query.Where(o => o.Kind == kind);
        if (territory is not null)
        {
            var area = territory.Within;
            query = query.Where(o => (o.TerritoryId != null && area.Contains(o.TerritoryId.Value))
                || o.ServedTerritories.Any(s => area.Contains(s.TerritoryId)));
        }
        return query;
    }
}
