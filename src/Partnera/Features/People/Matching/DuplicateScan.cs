using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Quartz;

namespace Partnera.Features.People.Matching;

/// <summary>
/// The scan over the whole registry (nightly): finds probable duplicates among all people who are neither erased nor
/// merged, stores new pairs for review, refreshes the score of pairs still open, drops open pairs that no longer match
/// (a record was corrected) and never brings back a pair someone decided. How common each place is comes from the
/// registry itself (see DuplicateFinder); the name keys the registration check looks people up by are rewritten where
/// the matcher now writes them differently.
/// </summary>
public sealed class DuplicateScan(PartneraDbContext db, TimeProvider time, ILogger<DuplicateScan> logger)
{
    public sealed record Outcome(int People, int Probable, int Added, int Dropped);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var (ids, records) = await LoadAsync(ct);
        var pairs = DuplicateFinder.Find(records, ct)
            .Select(p => (Key: DuplicatePair.Order(ids[p.First], ids[p.Second]), p.Score)).ToDictionary(p => p.Key, p => p.Score);
        var known = await db.DuplicatePairs.ToDictionaryAsync(p => (p.FirstId, p.SecondId), ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (key, score) in pairs)
        {
            if (known.TryGetValue(key, out var pair))
            {
                if (pair.Decision == DuplicateDecision.Open) (pair.Total, pair.Why) = (score.Total, JsonSerializer.Serialize(score));
                continue;
            }
            db.DuplicatePairs.Add(new DuplicatePair { FirstId = key.First, SecondId = key.Second, Total = score.Total, Why = JsonSerializer.Serialize(score), FoundAt = now });
            added++;
        }
        var stale = known.Values.Where(p => p.Decision == DuplicateDecision.Open && !pairs.ContainsKey((p.FirstId, p.SecondId))).ToList();
        db.DuplicatePairs.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Duplicate scan: {People} people, {Probable} probable pairs, {Added} new, {Dropped} no longer alike", ids.Count, pairs.Count, added, stale.Count);
        return new Outcome(ids.Count, pairs.Count, added, stale.Count);
    }

    /// <summary>
    /// Checks people just added in bulk (an import) against the registry now rather than at night, and stores the pairs
    /// found for review; returns each person with the probable duplicates found.
    /// </summary>
    public async Task<List<(Guid Person, Guid Other)>> CheckAsync(IReadOnlyList<Person> people, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = new HashSet<(Guid, Guid)>();
        var found = new List<(Guid, Guid)>();
        foreach (var person in people)
        {
            var probable = await DuplicateCheck.ProbableAsync(db, person, ct);
            foreach (var (other, score) in probable)
            {
                found.Add((person.Id, other.Id));
                var key = DuplicatePair.Order(person.Id, other.Id);
                if (!stored.Add(key) || await db.DuplicatePairs.AnyAsync(p => p.FirstId == key.First && p.SecondId == key.Second, ct)) continue;
                db.DuplicatePairs.Add(new DuplicatePair { FirstId = key.First, SecondId = key.Second, Total = score.Total, Why = JsonSerializer.Serialize(score), FoundAt = now });
            }
        }
        await db.SaveChangesAsync(ct);
        return found;
    }

    private async Task<(List<Guid> Ids, List<MatchRecord> Records)> LoadAsync(CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.ErasedAt == null && p.MergedIntoId == null)
            .Select(p => new { p.Id, p.FamilyName, p.GivenName, p.Patronymic, p.BirthDate, p.Sex, p.Address, p.FamilyKey, p.GivenKey }).ToListAsync(ct);
        // The keys a registration check looks people up by, made again where the matcher now writes them differently.
        foreach (var p in people)
        {
            var (family, given) = (PersonMatcher.Skeleton(p.FamilyName), PersonMatcher.Skeleton(p.GivenName));
            if (family != p.FamilyKey || given != p.GivenKey)
                await db.People.Where(x => x.Id == p.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.FamilyKey, family).SetProperty(y => y.GivenKey, given), ct);
        }
        var documents = (await db.PersonDocuments.AsNoTracking().Select(d => new { d.PersonId, d.Number }).ToListAsync(ct))
            .ToLookup(d => d.PersonId, d => d.Number);
        var pool = new TextPool();
        var records = people.Select(p => new MatchRecord(p.FamilyName, p.GivenName, p.BirthDate, documents[p.Id].ToList(), p.Patronymic, p.Sex, p.Address, pool)).ToList();
        return (people.Select(p => p.Id).ToList(), records);
    }
}

/// <summary>
/// The duplicate scan every night at <c>People:DuplicateScanHour</c> (the server's local time, default 2), once across
/// all instances; a run an instance died in is run again by another. Off when <c>People:NightlyDuplicateScan</c> is false.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DuplicateScanJob(DuplicateScan scan) : IJob
{
    public static readonly JobKey Key = new("DuplicateScan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await scan.RunAsync(cancellationToken);

    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<DuplicateScanJob>(j => j.WithIdentity(Key).StoreDurably().RequestRecovery());
        if (!configuration.GetValue("People:NightlyDuplicateScan", true)) return;
        var hour = Math.Clamp(configuration.GetValue("People:DuplicateScanHour", 2), 0, 23);
        q.AddTrigger(t => t.ForJob(Key).WithIdentity(Key.Name).WithCronSchedule($"0 0 {hour} * * ?"));
    }
}
