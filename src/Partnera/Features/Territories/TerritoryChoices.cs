using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>
/// The territories a form offers in a select: those already chosen plus those matching a search (or, with no
/// search, the given starting set), so a form stays small however large the country's tree is.
/// </summary>
public static class TerritoryChoices
{
    public sealed record Choice(Guid Id, MultilingualText Name, TerritoryLevel Level);

    public static async Task<IReadOnlyList<Choice>> LoadAsync(PartneraDbContext db, string? query, IEnumerable<Guid> selected,
        Guid? near, CancellationToken ct)
    {
        var chosen = selected.Distinct().ToList();
        var key = SearchKey.For(query);
        var matches = db.Territories.AsNoTracking();
        if (key.Length > 0) matches = matches.Where(x => x.SearchText.Contains(key));
        else if (near is { } home) matches = matches.Where(x => x.Id == home || x.ParentId == home);
        var found = await matches.OrderBy(x => x.Level).ThenBy(x => x.Name.Value).Take(200)
            .Select(x => new Choice(x.Id, x.Name, x.Level)).ToListAsync(ct);
        var kept = await db.Territories.AsNoTracking().Where(x => chosen.Contains(x.Id)).Select(x => new Choice(x.Id, x.Name, x.Level)).ToListAsync(ct);
        return found.UnionBy(kept, c => c.Id).OrderBy(c => c.Level).ThenBy(c => c.Name.Value).ToList();
    }
}
