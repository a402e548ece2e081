using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Partnera.Bench;
using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Infrastructure.Text;
using Partnera.Testing;

// Usage: dotnet run -c Release --project bench/Partnera.Bench [-- postgres|sqlite|both|needs|budget|referrals|dedup [--keep FOLDER]]
//   [--only finder,page,sql,export]]
// "needs" runs the needs-assessment scenarios on the national directory (generated first if missing) and writes
// bench/results/needs.json; "budget" casts 200,000 participatory-budget ballots through nginx and two app instances and
// writes bench/results/budget.json; "referrals" walks 20,000 referrals through their state changes (referrals.json);
// "dedup" deduplicates 1,000,000 generated people and times the registration check against 5,000,000 on PostgreSQL
// (dedup.json; DEDUP_DEBUG=1 prints samples of the pairs it got wrong);
// the others write bench/results/directory.json.
// --keep FOLDER keeps the PostgreSQL cluster with the generated national directory there and reuses it on the next run;
// --only runs just the named scenarios (while working on one of them); "needs --only import" runs the import alone.
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "both";
var keep = Option("--keep");
var only = Option("--only")?.Split(',');
var repository = FindRepository();
if (which == "dedup")
{
    // --only matcher: the 1M deduplication alone (DEDUP_PEOPLE, DEDUP_ADDRESS narrow it), printed, nothing recorded (while working on the matcher).
    if (only is ["matcher"])
    {
        DedupBench.Run();
        return;
    }
    // --only check: the 5M registration check alone, printed, nothing recorded.
    if (only is ["check"])
    {
        await SingleCheckAsync(keep);
        return;
    }
    Report.Write(Path.Combine(repository, "bench", "results"), "dedup.json", [DedupBench.Run(), await SingleCheckAsync(keep)]);
    return;
}
if (which == "referrals")
{
    Report.Write(Path.Combine(repository, "bench", "results"), "referrals.json", [await ReferralsAsync(keep, repository)]);
    return;
}
if (which == "budget")
{
    Report.Write(Path.Combine(repository, "bench", "results"), "budget.json", [await BudgetAsync(keep, repository)]);
    return;
}
if (which == "needs")
{
    // --only import: the import scenario alone, printed, nothing recorded (while working on the import).
    if (only is ["import"])
    {
        Console.WriteLine(JsonSerializer.Serialize(await NeedsAsync(keep, importOnly: true)));
        return;
    }
    Report.Write(Path.Combine(repository, "bench", "results"), "needs.json", [await NeedsAsync(keep)]);
    return;
}
var results = new List<object>();
if (which is "postgres" or "both") results.Add(await PostgresAsync(repository, keep, only));
if (which is "sqlite" or "both") results.Add(await SqliteAsync(repository));
Report.Write(Path.Combine(repository, "bench", "results"), "directory.json", results);
return;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static async Task<object> PostgresAsync(string repository, string? keep, string[]? only)
{
    bool Wanted(string scenario) => only is null || only.Contains(scenario);
    await using var server = await PostgresServer.StartAsync(keep is null ? null : Path.GetFullPath(keep));
    var connection = server.ConnectionString("partnera_bench") + ";Maximum Pool Size=50";
    var options = new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options;
    var (generation, ids, communities, names) = await GenerateAsync(new PostgresPartneraDbContext(options), Scale.National);
    await using var app = await AppProcess.StartAsync("Postgres", connection, Path.Combine(repository, "src", "Partnera"));
    var scenarios = new List<LoadResult>();
    if (Wanted("finder")) scenarios.Add(await FinderAsync(app, communities, names, 5_000));
    if (Wanted("page")) scenarios.Add(await ServicePageAsync(app, ids, 5_000));
    if (Wanted("sql")) scenarios.Add(await FinderSqlAsync(connection, communities, names, 5_000));
    var export = Wanted("export") ? await ExportAsync(app) : null;
    return new { Provider = "PostgreSQL", Scale.National, GenerationSeconds = generation, Scenarios = scenarios, Export = export };
}

static async Task<object> NeedsAsync(string? keep, bool importOnly = false)
{
    await using var server = await PostgresServer.StartAsync(keep is null ? null : Path.GetFullPath(keep));
    var connection = server.ConnectionString("partnera_bench") + ";Maximum Pool Size=50";
    var options = new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options;
    var (generation, _, _, _) = await GenerateAsync(new PostgresPartneraDbContext(options), Scale.National);
    var needs = await new NeedsBench(() => new PostgresPartneraDbContext(options), connection).RunAsync(importOnly);
    return new { Provider = "PostgreSQL", DirectoryGenerationSeconds = generation, Needs = needs };
}

static async Task<object> BudgetAsync(string? keep, string repository)
{
    await using var server = await PostgresServer.StartAsync(keep is null ? null : Path.GetFullPath(keep));
    // Two app instances share the server's 200 connections.
    var connection = server.ConnectionString("partnera_bench") + ";Maximum Pool Size=60";
    var options = new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options;
    var (generation, _, _, _) = await GenerateAsync(new PostgresPartneraDbContext(options), Scale.National);
    var budget = await new BudgetBench(() => new PostgresPartneraDbContext(options), connection, Path.Combine(repository, "src", "Partnera")).RunAsync();
    return new { Provider = "PostgreSQL", DirectoryGenerationSeconds = generation, Budget = budget };
}

static async Task<object> SingleCheckAsync(string? keep)
{
    await using var server = await PostgresServer.StartAsync(keep is null ? null : Path.GetFullPath(keep), $"shared_buffers={SingleCheckBench.SharedBuffers}");
    // No command timeout: loading 5M people by COPY on a busy machine takes longer than the default 30 s.
    var connection = server.ConnectionString("partnera_bench") + ";Command Timeout=0";
    var options = new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options;
    await using (var db = new PostgresPartneraDbContext(options)) await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
    var check = await new SingleCheckBench(() => new PostgresPartneraDbContext(options), connection).RunAsync();
    return new { Provider = "PostgreSQL", SingleCheck = check };
}

static async Task<object> ReferralsAsync(string? keep, string repository)
{
    await using var server = await PostgresServer.StartAsync(keep is null ? null : Path.GetFullPath(keep));
    var connection = server.ConnectionString("partnera_bench") + ";Maximum Pool Size=50";
    var options = new DbContextOptionsBuilder<PostgresPartneraDbContext>().UseNpgsql(connection).Options;
    await using (var db = new PostgresPartneraDbContext(options)) await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
    var referrals = await new ReferralBench(() => new PostgresPartneraDbContext(options), connection, Path.Combine(repository, "src", "Partnera")).RunAsync();
    return new { Provider = "PostgreSQL", Referrals = referrals };
}

static async Task<object> SqliteAsync(string repository)
{
    var file = Path.Combine(Path.GetTempPath(), $"partnera-bench-{Guid.NewGuid():N}.db");
    try
    {
        var connection = $"Data Source={file}";
        var options = new DbContextOptionsBuilder<SqlitePartneraDbContext>().UseSqlite(connection).Options;
        var (generation, ids, communities, names) = await GenerateAsync(new SqlitePartneraDbContext(options), Scale.Community);
        await using var app = await AppProcess.StartAsync("Sqlite", connection, Path.Combine(repository, "src", "Partnera"));
        // A community's directory on one small server: a few people search at once.
        var scenarios = new List<LoadResult> { await FinderAsync(app, communities, names, 2_000, 2), await ServicePageAsync(app, ids, 1_000, 2) };
        return new { Provider = "SQLite", Scale.Community, GenerationSeconds = generation, Scenarios = scenarios };
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
    }
}

static async Task<(double? Seconds, List<Guid> Ids, List<(Guid Id, Guid Parent)> Communities, List<string> Names)> GenerateAsync(PartneraDbContext db, Scale scale)
{
    await using (db)
    {
        var clock = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance, CancellationToken.None);
        double? seconds = null;
        if (!await db.Services.AnyAsync())
        {
            await new ShippedTaxonomies(db, NullLogger<ShippedTaxonomies>.Instance).LoadAsync(CancellationToken.None);
            await new Generator(db, scale).GenerateAsync(CancellationToken.None);
            // A live database has been vacuumed and analysed by autovacuum; a fresh bulk load not yet.
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
            Console.WriteLine($"{scale.Name}: generated in {seconds:F0} s");
        }
        var ids = await db.Services.Select(s => s.Id).ToListAsync();
        // A generated community is named "<place> громада <n>": residents type the place.
        var communities = await db.Territories.Where(t => t.Level == Partnera.Features.Territories.TerritoryLevel.Community)
            .Select(t => new { t.Id, t.ParentId, t.Name.Value }).ToListAsync();
        return (seconds, ids, communities.Select(c => (c.Id, c.ParentId!.Value)).ToList(), communities.Select(c => c.Value.Split(' ')[0]).ToList());
    }
}

// The finder API with text + category + community, as a resident's search arrives.
static Task<LoadResult> FinderAsync(AppProcess app, List<(Guid Id, Guid Parent)> communities, List<string> names, int requests, int concurrency = 16)
{
    var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
    var queries = Queries(communities, names, requests);
    return Load.RunAsync("finder API (text + category + community)", requests, concurrency, async i =>
    {
        var (word, term, community) = queries[i];
        using var response = await client.GetAsync($"/api/v1/directory/find?q={Uri.EscapeDataString(word)}&category={term}&territoryId={community.Id}");
        return response.IsSuccessStatusCode;
    }, app.Pid);
}

static Task<LoadResult> ServicePageAsync(AppProcess app, List<Guid> ids, int requests, int concurrency = 16)
{
    var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
    return Load.RunAsync("service page", requests, concurrency, async i =>
    {
        // Spread over the directory (a prime stride), the same pages on every run.
        using var response = await client.GetAsync($"/Directory/Service/{ids[(int)((i * 7_919L) % ids.Count)]}");
        return response.IsSuccessStatusCode;
    }, app.Pid);
}

// The same search straight against PostgreSQL (the finder's main query, hand-written), to show the app layer's share.
static async Task<LoadResult> FinderSqlAsync(string connection, List<(Guid Id, Guid Parent)> communities, List<string> names, int requests)
{
    await using var source = NpgsqlDataSource.Create(connection);
    var queries = Queries(communities, names, requests);
    const string sql = """
        SELECT k."ServiceId", k."Key", k."Weight" FROM "ServiceSearchKeys" k
        WHERE k."Key" = ANY(@keys) AND k."ServiceId" IN (
          SELECT s."Id" FROM "Services" s WHERE s."Status" IN ('Active', 'TemporarilyClosed')
            AND EXISTS (SELECT 1 FROM "ServiceTerms" t WHERE t."ServiceId" = s."Id" AND t."TaxonomyTermId" = @term)
            AND EXISTS (SELECT 1 FROM "ServiceAreas" a WHERE a."ServiceId" = s."Id" AND a."TerritoryId" = ANY(@covering)))
        """;
    return await Load.RunAsync("finder SQL directly on PostgreSQL", requests, 16, async i =>
    {
        var (word, term, community) = queries[i];
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("keys", PhoneticKey.Words(word).SelectMany(PhoneticKey.Variants).ToArray());
        command.Parameters.AddWithValue("term", term);
        command.Parameters.AddWithValue("covering", new[] { community.Id, community.Parent });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
        return true;
    });
}

static async Task<object> ExportAsync(AppProcess app)
{
    using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync("/api/hsds/export.json", HttpCompletionOption.ResponseHeadersRead);
    await using var body = await response.Content.ReadAsStreamAsync();
    var bytes = 0L;
    var buffer = new byte[1 << 16];
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0) bytes += read;
    return new { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1), Megabytes = Math.Round(bytes / 1048576.0, 1), PeakProcessMemoryMb = app.PeakMemoryMb() };
}

static List<(string Word, Guid Term, (Guid Id, Guid Parent) Community)> Queries(List<(Guid Id, Guid Parent)> communities, List<string> names, int count)
{
    (string Word, string Code)[] kinds = [("догляд", "015.1"), ("консультування", "002.0"), ("супровід", "009.0"), ("інформування", "001.0"), ("притулок", "012.0")];
    var random = new Random(11);
    return Enumerable.Range(0, count).Select(_ =>
    {
        var kind = kinds[random.Next(kinds.Length)];
        var index = random.Next(communities.Count);
        return ($"{kind.Word} {names[index]}", ShippedTaxonomies.TermId("ua-social-services-2020", kind.Code), communities[index]);
    }).ToList();
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Partnera.slnx"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run the bench from inside the repository.");
}

internal static class Report
{
    public static void Write(string folder, string file, List<object> results)
    {
        Directory.CreateDirectory(folder);
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new { Date = stamp, Machine = $"{Environment.ProcessorCount} cores", Results = results }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(folder, file), json);
        Console.WriteLine(json);
    }
}
