using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>A place's surroundings in the tree: the places above it, and the place with everything below it.</summary>
public sealed record TerritoryScope(IReadOnlyList<Guid> Above, IReadOnlyList<Guid> Within);

/// <summary>
/// The territory tree (ids, parents and the words of the names) kept in memory, because every search by place asks
/// what lies above and below it. Territories change rarely, by an administrator: a change saved by this app instance drops the copy at
/// once (<see cref="TerritoryTreeInvalidator"/>); other instances see it within <see cref="KeptFor"/>.
/// </summary>
public sealed class TerritoryTree(PartneraDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    internal const string CacheKey = "territories:tree";

    public async Task<TerritoryScope> ScopeAsync(Guid id, CancellationToken ct) => (await SnapshotAsync(ct)).Scope(id);

    /// <summary>
    /// The phonetic keys of every word of every place name in any language, sorted (ordinal) so a word's beginning is
    /// found by binary search: a search word matching one names a place, so the finder can rank services there first.
    /// </summary>
    public async Task<string[]> PlaceWordsAsync(CancellationToken ct) => (await SnapshotAsync(ct)).PlaceWords;

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeptFor;
            var rows = await db.Territories.AsNoTracking().Select(t => new { t.Id, t.ParentId, t.Name }).ToListAsync(ct);
            var words = rows.SelectMany(r => r.Name.AllForms()).SelectMany(PhoneticKey.Words).Distinct().Order(StringComparer.Ordinal).ToArray();
            return new Snapshot(rows.ToDictionary(r => r.Id, r => r.ParentId), rows.Where(r => r.ParentId != null).ToLookup(r => r.ParentId!.Value, r => r.Id), words);
        }))!;

    private sealed record Snapshot(Dictionary<Guid, Guid?> Parents, ILookup<Guid, Guid> Children, string[] PlaceWords)
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
