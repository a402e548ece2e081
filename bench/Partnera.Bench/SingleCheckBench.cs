using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Partnera.Data;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.People.Matching;
using Partnera.Infrastructure.Text;

namespace Partnera.Bench;

/// <summary>
/// The duplicate check a worker waits for while registering someone, against 5,000,000 people on PostgreSQL: the
/// registry is generated once (PeopleGenerator, loaded by COPY), then 500 new registrations — other records of people
/// already there, written differently — are checked one after another after a warm-up, as DuplicateCheck does it:
/// first with the registry as found on disk, then (other registrations) with it loaded into PostgreSQL's memory.
/// </summary>
public sealed class SingleCheckBench(Func<PartneraDbContext> newContext, string connection)
{
    public const int Registry = 5_000_000;
    private const int Checks = 500;
    private const int WarmUp = 50;

    public async Task<object> RunAsync()
    {
        var people = new PeopleGenerator(11).Generate(Registry + 2 * Checks + WarmUp, 0.15);
        double? loadSeconds = null;
        await using (var db = newContext())
        {
            if (await db.People.CountAsync() < Registry) loadSeconds = await LoadAsync(db, people.Take(Registry).ToList());
            else await db.Database.ExecuteSqlRawAsync("""ANALYZE "People"; ANALYZE "PersonDocuments";""");
        }
        var probes = people.Skip(Registry).ToList();
        // As found: the registry's pages mostly on disk (this machine also reclaims idle file cache).
        var cold = await TimeAsync(probes.Take(WarmUp + Checks).ToList());
        // As on a production server that has run for a while: the registry in PostgreSQL's memory.
        await using (var db = newContext())
            await db.Database.ExecuteSqlRawAsync("""CREATE EXTENSION IF NOT EXISTS pg_prewarm; SELECT pg_prewarm(c.oid) FROM pg_class c WHERE c.relname LIKE 'People%' OR c.relname LIKE 'IX_People%' OR c.relname LIKE 'PK_People%' OR c.relname LIKE 'IX_PersonDocuments%' OR c.relname = 'PersonDocuments';""");
        var warm = await TimeAsync(probes.Skip(WarmUp + Checks).ToList());
        var result = new { People = Registry, LoadSeconds = loadSeconds, SharedBuffers = SharedBuffers, AsFound = cold, InMemory = warm };
        Console.WriteLine($"single check: as found {cold}; in memory {warm}");
        return result;
    }

    /// <summary>PostgreSQL's buffer cache for this run: a quarter of a small server's memory, as PostgreSQL's own guidance suggests, instead of the 128 MB default.</summary>
    public const string SharedBuffers = "2GB";

    private async Task<object> TimeAsync(List<GeneratedPerson> probes)
    {
        var timings = new List<double>();
        var found = 0;
        for (var i = 0; i < probes.Count; i++)
        {
            var person = Person(probes[i], Guid.Empty);
            await using var db = newContext();
            var clock = Stopwatch.StartNew();
            var probable = await DuplicateCheck.ProbableAsync(db, person, CancellationToken.None);
            if (i < probes.Count - Checks) continue;
            timings.Add(clock.Elapsed.TotalMilliseconds);
            if (probable.Count > 0) found++;
        }
        timings.Sort();
        double At(double q) => Math.Round(timings[(int)Math.Min(timings.Count - 1, q * timings.Count)], 1);
        return new { Checks = timings.Count, WithCandidates = found, P50Ms = At(0.5), P95Ms = At(0.95), P99Ms = At(0.99), MaxMs = Math.Round(timings[^1], 1) };
    }

    private static Person Person(GeneratedPerson g, Guid organisation)
    {
        var person = new Person { FamilyName = g.Family, GivenName = g.Given, Patronymic = g.Patronymic, BirthDate = g.Born, Sex = g.Sex, Address = g.Address, RegisteredById = organisation, RegisteredAt = DateTime.UtcNow };
        person.IndexNames();
        if (g.Document is { } d) person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = DocumentKind.Passport, Number = PersonDocument.Normalise(d) });
        return person;
    }

    private async Task<double> LoadAsync(PartneraDbContext db, List<GeneratedPerson> people)
    {
        var clock = Stopwatch.StartNew();
        var organisation = new Organisation { Name = new MultilingualText("Registry bench"), Kind = OrganisationKind.StateServiceProvider };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        await using var raw = new NpgsqlConnection(connection);
        await raw.OpenAsync();
        var documents = new List<(Guid Person, string Number)>();
        await using (var copy = await raw.BeginBinaryImportAsync("""COPY "People" ("Id", "FamilyName", "GivenName", "Patronymic", "BirthDate", "Sex", "Address", "RegisteredById", "RegisteredAt", "SearchText", "FamilyKey", "GivenKey") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var g in people)
            {
                var p = Person(g, organisation.Id);
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.FamilyName, NpgsqlDbType.Text);
                await copy.WriteAsync(p.GivenName, NpgsqlDbType.Text);
                if (p.Patronymic is null) await copy.WriteNullAsync(); else await copy.WriteAsync(p.Patronymic, NpgsqlDbType.Text);
                if (p.BirthDate is { } b) await copy.WriteAsync(b, NpgsqlDbType.Date); else await copy.WriteNullAsync();
                await copy.WriteAsync(p.Sex.ToString()!, NpgsqlDbType.Text);
                if (p.Address is null) await copy.WriteNullAsync(); else await copy.WriteAsync(p.Address, NpgsqlDbType.Text);
                await copy.WriteAsync(organisation.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.RegisteredAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.SearchText, NpgsqlDbType.Text);
                await copy.WriteAsync(p.FamilyKey, NpgsqlDbType.Text);
                await copy.WriteAsync(p.GivenKey, NpgsqlDbType.Text);
                documents.AddRange(p.Documents.Select(d => (p.Id, d.Number)));
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await raw.BeginBinaryImportAsync("""COPY "PersonDocuments" ("Id", "PersonId", "Kind", "Number") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (person, number) in documents)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(person, NpgsqlDbType.Uuid);
                await copy.WriteAsync(nameof(DocumentKind.Passport), NpgsqlDbType.Text);
                await copy.WriteAsync(number, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        foreach (var table in new[] { "People", "PersonDocuments" })
        {
            await using var analyse = new NpgsqlCommand($"""VACUUM ANALYZE "{table}" """, raw);
            await analyse.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"single check: {people.Count:N0} people loaded in {clock.Elapsed.TotalSeconds:F0} s");
        return Math.Round(clock.Elapsed.TotalSeconds, 1);
    }
}
