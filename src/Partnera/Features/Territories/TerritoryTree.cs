using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Partnera.Data;

namespace Partnera.Features.Territories;

/// <summary>A place's surroundings in the tree: the places above it, and the place with everything below it.</summary>
public sealed record TerritoryScope(IReadOnlyList<Guid> Above, IReadOnlyList<Guid> Within);

/// <summary>
/// The territory tree (ids and parents only) kept in memory, because every search by place asks what lies above and
/// below it. Territories change rarely, by an administrator: a change saved by this app instance drops the copy at
/// once (<see cref="TerritoryTreeInvalidator"/>); other instances see it within <see cref="KeptFor"/>.
/// </summary>
public sealed class TerritoryTree(PartneraDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    internal const string CacheKey = "territories:tree";

    public async Task<TerritoryScope> ScopeAsync(Guid id, CancellationToken ct)
    {
        var tree = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeptFor;
            var rows = await db.Territories.AsNoTracking().Select(t => new { t.Id, t.ParentId }).ToListAsync(ct);
            return new Snapshot(rows.ToDictionary(r => r.Id, r => r.ParentId), rows.Where(r => r.ParentId != null).ToLookup(r => r.ParentId!.Value, r => r.Id));
        });
        return tree!.Scope(id);
    }

    private sealed record Snapshot(Dictionary<Guid, Guid?> Parents, ILookup<Guid, Guid> Children)
    {
        public TerritoryScope Scope(Guid id)
        {
            if (!Parents.ContainsKey(id)) return new TerritoryScope([], []);
            var above = new List<Guid>();
            for (var parent = Parents[id]; parent is { } p && above.Count < 8; parent = Parents.GetValueOrDefault(p)) above.Add(p);
            var within = new List<Guid> { id };
            for (var i = 0; i < within.Count; i++) within.AddRange(Children[within[i]]);
            return new TerritoryScope(above, within);
        }
    }
}

/// <summary>Drops the in-memory tree after territories are saved, so this instance answers from the new tree at once.</summary>
public sealed class TerritoryTreeInvalidator(IMemoryCache cache) : SaveChangesInterceptor
{
    private bool territoriesChanged;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Forget();
        return base.SavedChangesAsync(eventData, result, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget();
        return base.SavedChanges(eventData, result);
    }

    private void Note(DbContext? context) =>
        territoriesChanged |= context?.ChangeTracker.Entries<Territory>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true;

    private void Forget()
    {
        if (!territoriesChanged) return;
        cache.Remove(TerritoryTree.CacheKey);
        territoriesChanged = false;
    }
}
