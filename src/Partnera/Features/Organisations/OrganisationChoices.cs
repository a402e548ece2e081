using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>
/// The organisations a form offers in a select: those already chosen plus those matching a search,
/// so that a form stays small however many organisations the country has.
/// </summary>
public static class OrganisationChoices
{
    public sealed record Choice(Guid Id, MultilingualText Name);

    public static async Task<IReadOnlyList<Choice>> LoadAsync(PartneraDbContext db, string? query, IEnumerable<Guid> selected, CancellationToken ct)
    {
        var chosen = selected.Distinct().ToList();
        var matches = OrganisationSearch.Query(db, query, null, null);
        var found = await matches.OrderBy(o => o.Name.Value).Take(100).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var kept = await db.Organisations.AsNoTracking().Where(o => chosen.Contains(o.Id)).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        return found.UnionBy(kept, c => c.Id).OrderBy(c => c.Name.Value).ToList();
    }
}
