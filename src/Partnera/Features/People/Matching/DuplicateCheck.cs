using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>
/// A probable duplicate: with its name and score per field when the reader's organisations hold that record, otherwise
/// only that it exists and which organisation registered it (no score: the fields would tell what the other record holds).
/// </summary>
public sealed record DuplicateCandidate(Guid? PersonId, string? Name, MatchScore? Score, MultilingualText? RegisteredBy);

/// <summary>
/// Looks for probable duplicates of a person across all organisations (by name skeleton, either order, or a shared
/// document) and scores them. It never reveals a person whose record the reader's organisations do not hold: for such
/// records it says only that someone with the same names was registered and by which organisation, and that disclosure
/// is audited.
/// </summary>
public sealed class DuplicateCheck(PartneraDbContext db, PersonAccess access, AuditLog audit)
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
        var documents = person.Documents.Select(d => d.Number).Where(n => n.Length > 0).ToList();
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
        var namesakes = others.Where(o => o.Record.NamesKey == me.NamesKey).Select(o => o.Record).Append(me).ToList();
        var group = Enumerable.Range(0, namesakes.Count).ToList();
        var born = DuplicateFinder.Born(namesakes, group);
        // As the nightly scan: one of a pair of namesakes without a date counts the namesakes it could be (DuplicateFinder.Compatible).
        Commonness Of(MatchRecord other)
        {
            var undated = (me.BirthDate is null) == (other.BirthDate is null) || other.NamesKey != me.NamesKey ? -1 : namesakes.IndexOf(me.BirthDate is null ? me : other);
            var (all, here) = undated < 0 ? (born, 0) : DuplicateFinder.Compatible(namesakes, group, undated);
            return new Commonness(namesakes.Count, null, all, here);
        }
        return others.Select(o => (o.Person, Score: PersonMatcher.Score(me, o.Record, Of(o.Record)))).Where(x => x.Score.Probable).OrderByDescending(x => x.Score.Total).ToList();
    }

    /// <summary>Most namesakes registered elsewhere that one record's page mentions.</summary>
    private const int MostNamesakesElsewhere = 20;

    /// <summary>
    /// The probable duplicates among the records the reader holds (name and score), then the records registered elsewhere
    /// under the same names in either order (only which organisation registered each). Those are decided on the names
    /// alone, never on a date, document or address: otherwise editing one's own record until a hint appears would
    /// confirm another organisation's birth date or passport number.
    /// </summary>
    public async Task<List<DuplicateCandidate>> FindAsync(ClaimsPrincipal user, Person person, CancellationToken ct)
    {
        var probable = await ProbableAsync(db, person, ct);
        var ids = probable.Select(x => x.Person.Id).ToList();
        var held = await access.Held(user).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var visible = probable.Where(x => held.Contains(x.Person.Id)).ToList();
        if (visible.Count > 0) await audit.RecordAsync(AuditAction.Viewed, visible.Select(x => x.Person).ToList(), PersonAccess.DuplicateReason, ct);
        var hidden = await NamesakesElsewhereAsync(user, person, ct);
        var registrars = await access.DiscloseAsync(hidden, ct);
        return visible.Select(x => new DuplicateCandidate(x.Person.Id, x.Person.FullName, x.Score, null))
            .Concat(hidden.Select(p => new DuplicateCandidate(null, null, null, registrars.GetValueOrDefault(p.RegisteredById)))).ToList();
    }

    private async Task<List<Person>> NamesakesElsewhereAsync(ClaimsPrincipal user, Person person, CancellationToken ct)
    {
        var (f, g) = (person.FamilyKey, person.GivenKey);
        if (f.Length == 0 || g.Length == 0) return [];
        var held = access.Held(user).Select(p => p.Id);
        return await db.People.AsNoTracking()
            .Where(p => ((p.FamilyKey == f && p.GivenKey == g) || (p.FamilyKey == g && p.GivenKey == f)) && p.Id != person.Id && p.ErasedAt == null && p.MergedIntoId == null && !held.Contains(p.Id))
            .OrderBy(p => p.Id).Take(MostNamesakesElsewhere).ToListAsync(ct);
    }
}
