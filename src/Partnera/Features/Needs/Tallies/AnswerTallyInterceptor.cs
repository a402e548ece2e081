using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Tallies;

/// <summary>
/// Counts households saved through EF (staff entry, the online form, demo data) into the tallies, in the same
/// transaction as the households: counted before the save, added to the stored tallies right after it (when the
/// campaign and households exist), committed together. Bulk imports count their households themselves (<see cref="AnswerTallies"/>).
/// </summary>
public sealed class AnswerTallyInterceptor : SaveChangesInterceptor
{
    /// <summary>A save's counts waiting for the rows to be written, and the transaction this interceptor opened for it, if any.</summary>
    private sealed record Pending(AnswerTallies Tallies, IDbContextTransaction? Transaction);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PartneraDbContext db) await CountAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PartneraDbContext db) CountAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !pending.TryGetValue(db, out var waiting)) return result;
        pending.Remove(db);
        try
        {
            await waiting.Tallies.AddToStoredAsync(db, cancellationToken);
            if (waiting.Transaction is not null) await waiting.Transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (waiting.Transaction is not null) await waiting.Transaction.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) => SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !pending.TryGetValue(db, out var waiting)) return;
        pending.Remove(db);
        if (waiting.Transaction is not null) await waiting.Transaction.DisposeAsync();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async Task CountAsync(PartneraDbContext db, CancellationToken ct)
    {
        var households = db.ChangeTracker.Entries<HouseholdResponse>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (households.Count == 0) return;
        // A questionnaire saved in the same call (demo data) is not in the database yet.
        var definitions = db.ChangeTracker.Entries<Questionnaire>().Where(e => e.State == EntityState.Added)
            .ToDictionary(e => e.Entity.Id, e => QuestionnaireDefinition.FromJson(e.Entity.Definition));
        foreach (var (id, definition) in await AnswerTallies.DefinitionsAsync(db, households.Select(h => h.QuestionnaireId).Where(v => !definitions.ContainsKey(v)), ct))
            definitions[id] = definition;
        var tallies = new AnswerTallies();
        // A household of an unknown version is not counted: the database refuses it when the changes are saved.
        foreach (var household in households)
            if (definitions.TryGetValue(household.QuestionnaireId, out var definition)) tallies.Add(household, definition);
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        pending.AddOrUpdate(db, new Pending(tallies, transaction));
    }
}
