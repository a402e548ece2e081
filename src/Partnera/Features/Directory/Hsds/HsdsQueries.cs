using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Directory.Hsds;

public static class HsdsQueries
{
    /// <summary>
    /// Fully nested services for a set of ids, in a fixed number of queries whatever the count
    /// (split query for the service graph, one for the organisations, terms and history each).
    /// </summary>
    public static async Task<Dictionary<Guid, HsdsService>> FullServicesAsync(PartneraDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Areas).Include(s => s.Languages)
            .Include(s => s.Funding).Include(s => s.CostOptions).Include(s => s.RequiredDocuments).Include(s => s.Contacts)
            .Include(s => s.Terms).Include(s => s.TargetGroups)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Addresses)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Accessibility)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Phones)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Schedules)
            .AsSplitQuery()
            .ToListAsync(ct);
        var organisationIds = services.Select(s => s.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var termIds = services.SelectMany(s => s.Terms.Select(t => t.TaxonomyTermId)).Distinct().ToList();
        var terms = await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).Where(t => termIds.Contains(t.Id)).ToListAsync(ct);
        var subjects = services.Select(s => $"{nameof(Service)}:{s.Id}").ToList();
        var history = (await db.AuditLog.AsNoTracking().Where(a => subjects.Contains(a.Subject)).OrderByDescending(a => a.At).Take(100 * Math.Max(1, ids.Count)).ToListAsync(ct))
            .ToLookup(a => a.Subject);
        return services.ToDictionary(s => s.Id, s => HsdsMapper.Full(s, organisations[s.OrganisationId], terms, history[$"{nameof(Service)}:{s.Id}"].Take(100).ToList()));
    }
}
