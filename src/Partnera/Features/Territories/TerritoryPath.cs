using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Territories;

public static class TerritoryPath
{
    /// <summary>The territory and its ancestors, country first (at most four short queries: the tree has four levels).</summary>
    public static async Task<IReadOnlyList<IndexModel.TerritoryRow>> OfAsync(PartneraDbContext db, Guid id, CancellationToken ct)
    {
        var path = new List<IndexModel.TerritoryRow>();
        Guid? next = id;
        while (next is not null && path.Count < 5)
        {
            var row = await db.Territories.AsNoTracking().Where(t => t.Id == next).Select(IndexModel.Row).FirstOrDefaultAsync(ct);
            if (row is null) break;
            path.Insert(0, row);
            next = row.ParentId;
        }
        return path;
    }
}
