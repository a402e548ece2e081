using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People.Matching;

/// <summary>
/// What a reviewer does with a pair the scan found: merge the two records into one (the other kept as history, its
/// referrals, plans, consents, documents and groups moved over, blanks filled in) or mark them as different people.
/// Only someone whose organisations hold both records decides (receiving a referral is not holding); everyone else is
/// told which organisation to contact. A merge never widens who sees what: records seen by different organisations, or
/// seen differently, are not merged.
/// </summary>
public sealed class DuplicateReview(PartneraDbContext db, PersonAccess access, AuditLog audit, CurrentUser user, TimeProvider time)
{
    public enum MergeOutcome
    {
        Merged,
        NotFound,
        /// <summary>Some organisation sees one record and not the other (or not as much): the merge would show it more.</summary>
        WouldWiden,
    }

    /// <summary>The open pair, when this user's organisations hold both of its records.</summary>
    public async Task<DuplicatePair?> DecidableAsync(ClaimsPrincipal principal, Guid pairId, CancellationToken ct)
    {
        var pair = await db.DuplicatePairs.FirstOrDefaultAsync(p => p.Id == pairId && p.Decision == DuplicateDecision.Open, ct);
        if (pair is null) return null;
        var held = await access.Held(principal).CountAsync(p => p.Id == pair.FirstId || p.Id == pair.SecondId, ct);
        return held == 2 ? pair : null;
    }

    /// <summary>The organisations that do not see both records alike: merging would show them what they do not see now.</summary>
    public static IReadOnlyList<Guid> Widening(IReadOnlyDictionary<Guid, Referrals.SharedData?> first, IReadOnlyDictionary<Guid, Referrals.SharedData?> second) =>
        first.Keys.Union(second.Keys).Where(o => !first.TryGetValue(o, out var a) || !second.TryGetValue(o, out var b) || a != b).ToList();

    public async Task<bool> NotSameAsync(ClaimsPrincipal principal, Guid pairId, CancellationToken ct)
    {
        if (await DecidableAsync(principal, pairId, ct) is not { } pair) return false;
        Decide(pair, DuplicateDecision.NotSamePerson);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Merges the pair's other person into <paramref name="keepId"/>, when this user may decide the pair and the merge shows no one more.</summary>
    public async Task<MergeOutcome> MergeAsync(ClaimsPrincipal principal, Guid pairId, Guid keepId, CancellationToken ct)
    {
        if (await DecidableAsync(principal, pairId, ct) is not { } pair || (keepId != pair.FirstId && keepId != pair.SecondId)) return MergeOutcome.NotFound;
        var goneId = keepId == pair.FirstId ? pair.SecondId : pair.FirstId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var audiences = await access.AudiencesAsync([keepId, goneId], ct);
        if (Widening(audiences[keepId], audiences[goneId]).Count > 0) return MergeOutcome.WouldWiden;
        var keep = await LoadAsync(keepId, ct);
        var gone = await LoadAsync(goneId, ct);
        MoveRecords(keep, gone);
        gone.MergedIntoId = keep.Id;
        Decide(pair, DuplicateDecision.Merged);
        await db.DuplicatePairs.Where(p => p.Id != pair.Id && p.Decision == DuplicateDecision.Open && (p.FirstId == goneId || p.SecondId == goneId)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await MoveCaseAsync(keep.Id, gone.Id, ct);
        await audit.RecordAsync(AuditAction.Merged, [keep, gone], $"{gone.Id} → {keep.Id}", ct);
        await transaction.CommitAsync(ct);
        return MergeOutcome.Merged;
    }

    private void Decide(DuplicatePair pair, DuplicateDecision decision) =>
        (pair.Decision, pair.DecidedBy, pair.DecidedAt) = (decision, user.Name, time.GetUtcNow().UtcDateTime);

    private Task<Person> LoadAsync(Guid id, CancellationToken ct) =>
        db.People.Include(p => p.Categories).Include(p => p.Documents).Include(p => p.Consents).AsSplitQuery().SingleAsync(p => p.Id == id, ct);

    /// <summary>Documents and groups the kept record lacks move over; its blank details are filled from the other.</summary>
    private void MoveRecords(Person keep, Person gone)
    {
        foreach (var document in gone.Documents.Where(d => !keep.Documents.Any(k => k.Number == d.Number)).ToList())
            keep.Documents.Add(new PersonDocument { PersonId = keep.Id, Kind = document.Kind, Number = document.Number });
        foreach (var group in gone.Categories.Where(c => !keep.Categories.Any(k => k.Group == c.Group && k.Until == null)).ToList())
            keep.Categories.Add(new PersonCategory { PersonId = keep.Id, Group = group.Group, From = group.From, Until = group.Until });
        keep.Patronymic ??= gone.Patronymic;
        keep.LatinName ??= gone.LatinName;
        keep.BirthDate ??= gone.BirthDate;
        keep.Sex ??= gone.Sex;
        keep.Phone ??= gone.Phone;
        keep.Email ??= gone.Email;
        keep.Address ??= gone.Address;
        keep.TerritoryId ??= gone.TerritoryId;
        if (keep.HouseholdId is null) (keep.HouseholdId, keep.Relation) = (gone.HouseholdId, gone.Relation);
        keep.IndexNames();
    }

    /// <summary>The case follows the person: consents, referrals, plans and the organisations involved (kept on the old record too, so its history stays readable).</summary>
    private async Task MoveCaseAsync(Guid keepId, Guid goneId, CancellationToken ct)
    {
        await db.Consents.Where(r => r.PersonId == goneId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonId, keepId), ct);
        await db.Referrals.Where(r => r.PersonId == goneId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonId, keepId), ct);
        await db.IndividualPlans.Where(r => r.PersonId == goneId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonId, keepId), ct);
        await db.IndividualGoals.Where(r => r.PersonId == goneId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonId, keepId), ct);
        await db.FollowUpVisits.Where(r => r.PersonId == goneId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PersonId, keepId), ct);
        var have = await db.PersonInvolvements.Where(i => i.PersonId == keepId).Select(i => new { i.OrganisationId, i.Kind }).ToListAsync(ct);
        var theirs = await db.PersonInvolvements.AsNoTracking().Where(i => i.PersonId == goneId).ToListAsync(ct);
        db.PersonInvolvements.AddRange(theirs.Where(i => !have.Contains(new { i.OrganisationId, i.Kind }))
            .Select(i => new PersonInvolvement { PersonId = keepId, OrganisationId = i.OrganisationId, Kind = i.Kind, Since = i.Since }));
        await db.SaveChangesAsync(ct);
    }
}
