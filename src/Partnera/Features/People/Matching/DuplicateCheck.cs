using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>A probable duplicate: shown in full when the reader may see that person, otherwise only which organisations to contact.</summary>
public sealed record DuplicateCandidate(Guid? PersonId, string? Name, MatchScore Score, IReadOnlyList<MultilingualText> ContactOrganisations);

/// <summary>
/// Looks for probable duplicates of a person across all organisations (by name skeleton, either order, or a shared
/// document) and scores them. It never reveals a person the reader could not otherwise see: such a candidate shows only
/// that a match exists and which organisations hold it.
/// </summary>
public sealed class DuplicateCheck(PartneraDbContext db, AuditLog audit)
{
    private const int MostCompared = 200;

    /// <summary>
    /// The people sharing a block with this one (see DuplicateFinder): both name skeletons in either order, a document,
    /// or one name's skeleton and the date of birth, day and month either way round.
    /// </summary>
    private static IQueryable<Person> Pool(PartneraDbContext db, Person person)
    {
        var (f, g) = (person.FamilyKey, person.GivenKey);
        var keys = new[] { f, g }.Where(k => k.Length > 0).ToList();
        var documents = person.Documents.Select(d => d.Number).ToList();
        var dates = person.BirthDate is { } d ? new[] { d, Swapped(d) ?? d } : [];
        // One indexed lookup per block, united: an OR across them would read the whole table.
        var byNames = db.People.Where(p => (p.FamilyKey == f && p.GivenKey == g) || (p.FamilyKey == g && p.GivenKey == f)).Select(p => p.Id);
        var byDocument = db.PersonDocuments.Where(x => documents.Contains(x.Number)).Select(x => x.PersonId);
        var byDate = db.People.Where(p => p.BirthDate != null && dates.Contains(p.BirthDate.Value) && (keys.Contains(p.FamilyKey) || keys.Contains(p.GivenKey))).Select(p => p.Id);
        var ids = byNames.Union(byDocument).Union(byDate);
        var people = db.People.AsNoTracking();
        // The others' documents only count against a document of this person: without one, they are not read.
        if (documents.Count > 0) people = people.Include(p => p.Documents);
        return people.Where(p => ids.Contains(p.Id) && p.Id != person.Id && p.ErasedAt == null && p.MergedIntoId == null);
    }

    private static DateOnly? Swapped(DateOnly d) => d.Day <= 12 && d.Day != d.Month ? new DateOnly(d.Year, d.Day, d.Month) : null;

    /// <summary>
    /// The probable duplicates of a person among everyone registered (not only those the reader may see), best first,
    /// leaving out those a reviewer said are someone else. Names held by few records count as rare (PersonMatcher).
    /// </summary>
    public static async Task<List<(Person Person, MatchScore Score)>> ProbableAsync(PartneraDbContext db, Person person, CancellationToken ct)
    {
        var pool = await Pool(db, person).Take(MostCompared).ToListAsync(ct);
        // A reviewer already said these are different people.
        var different = await db.DuplicatePairs.Where(d => d.Decision == DuplicateDecision.NotSamePerson && (d.FirstId == person.Id || d.SecondId == person.Id))
            .Select(d => d.FirstId == person.Id ? d.SecondId : d.FirstId).ToListAsync(ct);
        pool.RemoveAll(p => different.Contains(p.Id));
        var me = MatchRecord.Of(person);
        var others = pool.Select(p => (Person: p, Record: MatchRecord.Of(p))).ToList();
        var rare = others.Count(o => o.Record.NamesKey == me.NamesKey) < PersonMatcher.RareNames;
        return others.Select(o => (o.Person, Score: PersonMatcher.Score(me, o.Record, rare))).Where(x => x.Score.Probable).OrderByDescending(x => x.Score.Total).ToList();
    }

    public async Task<List<DuplicateCandidate>> FindAsync(ClaimsPrincipal user, Person person, CancellationToken ct)
    {
        var probable = await ProbableAsync(db, person, ct);
        if (probable.Count == 0) return [];
        var ids = probable.Select(x => x.Person.Id).ToList();
        var involved = await db.PersonInvolvements.AsNoTracking().Where(i => ids.Contains(i.PersonId))
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i.PersonId, o.Id, o.Name }).ToListAsync(ct);
        var mine = PersonAccess.Organisations(user);
        var visible = probable.Where(x => involved.Any(i => i.PersonId == x.Person.Id && mine.Contains(i.Id))).Select(x => x.Person).ToList();
        if (visible.Count > 0) await audit.RecordAsync(AuditAction.Viewed, visible, "duplicate check", ct);
        return probable.Select(x => visible.Contains(x.Person)
            ? new DuplicateCandidate(x.Person.Id, x.Person.FullName, x.Score, [])
            : new DuplicateCandidate(null, null, x.Score, involved.Where(i => i.PersonId == x.Person.Id).DistinctBy(i => i.Id).Select(i => i.Name).ToList())).ToList();
    }
}
