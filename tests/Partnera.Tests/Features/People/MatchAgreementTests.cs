using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Matching;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.People;

/// <summary>The registration check, the nightly scan and the command line propose the same pairs on the same records.</summary>
public sealed class MatchAgreementTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_registration_check_the_nightly_scan_and_the_command_line_give_the_same_pairs(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // Names of this run only: the registry is shared by the whole test run.
        var (f1, f2, f3, f4) = (TestNames.Family("Павленко"), TestNames.Family("Войтехович"), TestNames.Family("Бондар"), TestNames.Family("Сырбу"));
        var rows = new (string Family, string Given, string Born, string Sex, string? Document, string? Address)[]
        {
            (f1, "Іван", "1980-05-07", "", null, null),
            (f1, "Анна", "1980-05-07", "", null, null), // Ion/Ana: not one name
            (SearchKey.For(f1), "Ivan", "1980-05-07", "M", null, null), // the same Іван in Latin letters
            (f2, "Ольга", "1971-07-16", "F", null, "Бахмут"),
            (f2, "Ольа", "1971-07-16", "F", null, "Бахмут"), // a typo leaving a short name
            (f3, "Ганна", "", "F", "АА 123456", null),
            (SearchKey.For(f3), "Hanna", "1990-01-30", "F", "aa-123456", null), // one document in two scripts, no date on one side
            (f4, "Constantin", "2011-05-25", "M", "КВ116478", null),
            (f1 + "ук", "Оксана", "2019-04-07", "F", "KB 116478", null), // the same document, nothing else alike
            (f4, "Дойна", "1954-05-09", "F", null, null),
            (f4, "Дойна", "1961-02-03", "F", null, null),
            (f4, "Дойна", "1970-03-04", "F", null, null),
            (f4, "Дойна", "", "F", null, null), // namesakes, no date: not told apart
        };
        var organisation = new Organisation { Name = new MultilingualText("Centre " + f1), Kind = OrganisationKind.StateServiceProvider };
        var people = rows.Select(r =>
        {
            var p = new Person
            {
                FamilyName = r.Family,
                GivenName = r.Given,
                BirthDate = r.Born.Length == 0 ? null : DateOnly.Parse(r.Born, CultureInfo.InvariantCulture),
                Sex = r.Sex switch { "F" => Sex.Female, "M" => Sex.Male, _ => null },
                Address = r.Address,
                RegisteredById = organisation.Id,
                RegisteredAt = DateTime.UtcNow,
            };
            p.IndexNames();
            if (r.Document is { } d) p.Documents.Add(new PersonDocument { PersonId = p.Id, Kind = DocumentKind.Passport, Number = PersonDocument.Normalise(d) });
            return p;
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            db.People.AddRange(people);
            return await db.SaveChangesAsync();
        });
        var index = people.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var expected = new HashSet<(int, int)> { (0, 2), (3, 4), (5, 6) };

        var csv = "id,family_name,given_name,birth_date,sex,document,address\n" + string.Concat(rows.Select((r, i) => $"{i},{r.Family},{r.Given},{r.Born},{r.Sex},{r.Document},{r.Address}\n"));
        using var output = new StringWriter();
        MatchCommand.Match(new StringReader(csv), output);
        var command = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).Select(c => (int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture))).ToHashSet();
        Assert.Equal(expected, command);

        var checks = await app.WithDbAsync(async db =>
        {
            var found = new HashSet<(int, int)>();
            foreach (var p in people)
            {
                foreach (var (other, _) in await DuplicateCheck.ProbableAsync(db, p, CancellationToken.None))
                {
                    if (index.TryGetValue(other.Id, out var j)) found.Add((Math.Min(index[p.Id], j), Math.Max(index[p.Id], j)));
                }
            }
            return found;
        });
        Assert.Equal(expected, checks);

        // A key written by an older matcher (Анна once had Іван's skeleton): the scan writes it again.
        await app.WithDbAsync(db => db.People.Where(p => p.Id == people[1].Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.GivenKey, "*vn")));
        await app.WithScopeAsync(services => services.GetRequiredService<DuplicateScan>().RunAsync(CancellationToken.None));
        Assert.Equal(PersonMatcher.Skeleton("Ганна"), await app.WithDbAsync(db => db.People.Where(p => p.Id == people[1].Id).Select(p => p.GivenKey).SingleAsync()));
        var ids = people.Select(p => p.Id).ToList();
        var scanned = await app.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().Where(p => ids.Contains(p.FirstId) && ids.Contains(p.SecondId)).ToListAsync());
        Assert.Equal(expected, scanned.Select(p => (Math.Min(index[p.FirstId], index[p.SecondId]), Math.Max(index[p.FirstId], index[p.SecondId]))).ToHashSet());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Stored_document_series_in_Cyrillic_are_rewritten_as_the_migration_does(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var organisation = new Organisation { Name = new MultilingualText("Centre " + TestNames.Family("Ткач")), Kind = OrganisationKind.StateServiceProvider };
        var person = new Person { FamilyName = TestNames.Family("Ткач"), GivenName = "Ганна", RegisteredById = organisation.Id, RegisteredAt = DateTime.UtcNow };
        person.IndexNames();
        // As stored before: upper case, no spaces, the series in Cyrillic.
        person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = "КВ116478" });
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            db.People.Add(person);
            return await db.SaveChangesAsync();
        });
        // The migration's statement, kept to this test's person (the registry is shared by the whole test run); the SQL is a constant.
        var sql = PersonDocument.LatinSeriesSql + " WHERE \"PersonId\" = {0}";
#pragma warning disable EF1003
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, person.Id));
#pragma warning restore EF1003
        var stored = await app.WithDbAsync(db => db.PersonDocuments.Where(d => d.PersonId == person.Id).Select(d => d.Number).SingleAsync());
        Assert.Equal(PersonDocument.Normalise("kb 116478"), stored);
        Assert.Equal("KB116478", stored);
    }

    [Fact]
    public void The_review_queue_says_why_in_words()
    {
        var score = PersonMatcher.Score(new MatchRecord("Коваленко", "Олександр", new DateOnly(1980, 5, 7), ["АА123456"], address: "Кахул"),
            new MatchRecord("Kovalinko", "Oleksandr", new DateOnly(1980, 5, 7), ["aa 123456"], address: "Cahul"));
        Assert.Equal(["Why_SameDocument", "Why_SameBirth", "Why_FamilySpelled", "Why_SameGiven", "Why_SamePlaceCommon"], MatchWhy.Phrases(score));
    }
}
