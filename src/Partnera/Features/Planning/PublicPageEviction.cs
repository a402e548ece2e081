using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Partnera.Features.Planning.Budgeting;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning;

/// <summary>
/// Drops this instance's cached public pages once a change to a plan, its consultation or a participatory budget is
/// saved, so that readers of a one-server community see it at once (other instances within the cache's minute).
/// Ballots are left out: the pages show no count while voting runs, and a national vote saves hundreds a second.
/// </summary>
public sealed class PublicPageEviction(IOutputCacheStore cache) : SaveChangesInterceptor
{
    private bool changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        changed |= eventData.Context is { } db && ChangesPlanning(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!changed) return result;
        changed = false;
        await cache.EvictByTagAsync(PublicPageCache.Tag, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private static bool ChangesPlanning(DbContext db) => db.ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity.GetType().Namespace?.StartsWith(typeof(PublicPageEviction).Namespace!, StringComparison.Ordinal) == true
        && e.Entity is not (Ballot or BallotChoice or VoterRecord or SealedBallot or BallotKey));
}
