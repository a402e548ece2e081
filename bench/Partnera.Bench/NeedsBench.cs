using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Imports;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Needs.Registry;
using Partnera.Features.Needs.Reports;
using Partnera.Features.Needs.Tallies;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Text;

namespace Partnera.Bench;

/// <summary>
/// Needs assessment at national scale on the generated directory: one campaign over every community with
/// 2,000,000 households and about 10,000,000 answers (written by COPY, deterministic), then the gap analysis for one
/// community and for the whole country, and an import of a 100,000-row survey file beside PostgreSQL's own COPY of
/// the same rows. The services run in this process, as the page would call them, each call with a fresh context.
/// </summary>
public sealed class NeedsBench(Func<PartneraDbContext> newContext, string connection)
{
    public const int Households = 2_000_000;
    public const int ImportRows = 100_000;
    private const int ImportRuns = 5;
    private const string Title = "BENCH national needs assessment";
    private static readonly string[] Groups = ["disability", "child-disability", "displaced", "veteran", "older-alone", "low-income", "none"];

    /// <summary>Every scenario; or, with <paramref name="importOnly"/>, just the import (while working on it; printed, not recorded).</summary>
    public async Task<object> RunAsync(bool importOnly = false)
    {
        var (generation, campaignId, communities) = await GenerateAsync();
        if (importOnly) return new { Import = await ImportAsync(communities, named: false), ImportNamed = await ImportAsync(communities, named: true) };
        var one = await Load.TimeAsync(30, async i =>
        {
            await using var db = newContext();
            var rows = (await Analysis(db).ForCampaignAsync(campaignId, NeedMethod.Survey, CancellationToken.None, communities[(i * 97) % communities.Count])).Rows;
            if (rows.Count == 0) throw new InvalidOperationException("No gap rows for a community.");
        });
        var country = await Load.TimeAsync(5, async _ =>
        {
            await using var db = newContext();
            var rows = (await Analysis(db).ForCampaignAsync(campaignId, NeedMethod.Survey, CancellationToken.None)).Rows;
            if (rows.Count < communities.Count) throw new InvalidOperationException("Too few gap rows for the country.");
        });
        var countryRegistry = await Load.TimeAsync(3, async _ =>
        {
            await using var db = newContext();
            await Analysis(db).ForCampaignAsync(campaignId, NeedMethod.Registry, CancellationToken.None);
        });
        var ranking = await Load.TimeAsync(30, async i =>
        {
            await using var db = newContext();
            var page = await Ranking(db).RankAsync(campaignId, communities[(i * 97) % communities.Count], 1, CancellationToken.None);
            if (page.TotalItems == 0) throw new InvalidOperationException("No households ranked in a community.");
        });
        var report = await Load.TimeAsync(3, async _ =>
        {
            await using var db = newContext();
            var built = await Reports(db).BuildAsync(campaignId, NeedMethod.Survey, null, addUp: true, CancellationToken.None);
            if (built?.RowsAreAreas != true) throw new InvalidOperationException("The national report should add communities up by region.");
        });
        var import = await ImportAsync(communities, named: false);
        var importNamed = await ImportAsync(communities, named: true);
        return new
        {
            Scale = new { Communities = communities.Count, Households, Answers = await CountAnswersAsync(campaignId) },
            GenerationSeconds = generation,
            GapOneCommunityMs = one,
            GapCountryMs = country,
            GapCountryRegistryMs = countryRegistry,
            RankingOneCommunityMs = ranking,
            ReportCountryMs = report,
            Import = import,
            ImportNamed = importNamed,
        };
    }

    private static GapAnalysis Analysis(PartneraDbContext db) =>
        new(db, new ServiceCapacity(db, new TerritoryTree(db, new MemoryCache(new MemoryCacheOptions()))));

    private static PriorityRanking Ranking(PartneraDbContext db) => new(db, new AuditLog(db, new CurrentUser(new HttpContextAccessor()), TimeProvider.System));

    private static AssessmentReports Reports(PartneraDbContext db)
    {
        var tree = new TerritoryTree(db, new MemoryCache(new MemoryCacheOptions()));
        var capacity = new ServiceCapacity(db, tree);
        return new AssessmentReports(db, new GapCosting(db, new GapAnalysis(db, capacity), capacity), Ranking(db), tree);
    }

    private async Task<long> CountAnswersAsync(Guid campaignId)
    {
        await using var db = newContext();
        return await db.Database.SqlQuery<long>($"""SELECT COALESCE(sum(json_array_length("Answers"::json)), 0)::bigint AS "Value" FROM "HouseholdResponses" WHERE "CampaignId" = {campaignId}""").SingleAsync();
    }

    /// <summary>Milliseconds of <paramref name="runs"/> calls after two unmeasured ones: median and slowest.</summary>

    private async Task<(double? Seconds, Guid Campaign, List<Guid> Communities)> GenerateAsync()
    {
        await using var db = newContext();
        var communities = await db.Territories.Where(t => t.Level == TerritoryLevel.Community && t.Code!.StartsWith("BENCH-C")).OrderBy(t => t.Code).Select(t => t.Id).ToListAsync();
        var existing = await db.AssessmentCampaigns.Where(c => c.Title.Value == Title).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            // Households generated before the app kept tallies: count them once, as the app does at start-up.
            if (!await db.AnswerTallies.AnyAsync(t => t.CampaignId == id)) await AnswerTallies.RebuildAsync(db, id, CancellationToken.None);
            return (null, id, communities);
        }
        var clock = Stopwatch.StartNew();
        var campaign = Campaign(Title, communities);
        campaign.WorkingGroup.Add(new WorkingGroupMember { CampaignId = campaign.Id, OrganisationId = await db.Organisations.Select(o => o.Id).FirstAsync() });
        var version = new Questionnaire { CampaignId = campaign.Id, Version = 1, PublishedAt = DateTime.UtcNow, Definition = QuestionnaireTemplates.For("UA").ToJson() };
        db.AssessmentCampaigns.Add(campaign);
        db.Questionnaires.Add(version);
        var random = new Random(5);
        db.RegistryCounts.AddRange(communities.SelectMany(c => Enum.GetValues<TargetGroup>().Select(g =>
            new RegistryCount { TerritoryId = c, Group = g, AsOf = new DateOnly(2026, 1, 1), People = random.Next(50, 5_000), Source = "bench" })));
        await db.SaveChangesAsync();
        var definition = QuestionnaireTemplates.For("UA");
        var needed = definition.Questions.Single(q => q.Measures == QuestionMeasure.ServicesNeeded).Options!.Select(o => o.Code).ToArray();
        var tallies = new AnswerTallies();
        const int batch = 100_000;
        for (var start = 0; start < Households; start += batch)
        {
            var households = Enumerable.Range(start, batch).Select(i => Household(campaign.Id, version.Id, communities[i % communities.Count], random, needed)).ToList();
            households.ForEach(h => tallies.Add(h, definition));
            await using var write = newContext();
            await using var transaction = await write.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(write, households, CancellationToken.None);
            await transaction.CommitAsync();
            Console.WriteLine($"needs: {start + batch:N0} households written");
        }
        await BulkInsert.WriteAsync(db, tallies.Tallies, CancellationToken.None);
        await BulkInsert.WriteAsync(db, tallies.Pairs, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        return (Math.Round(clock.Elapsed.TotalSeconds, 1), campaign.Id, communities);
    }

    private static AssessmentCampaign Campaign(string title, IEnumerable<Guid> communities)
    {
        var campaign = new AssessmentCampaign
        {
            Title = new MultilingualText(title),
            PeriodStarts = new DateOnly(2026, 1, 1),
            PeriodEnds = new DateOnly(2028, 12, 31),
            CollectionStarts = new DateOnly(2026, 1, 1),
            CollectionEnds = new DateOnly(2026, 6, 15),
            Status = CampaignStatus.Collecting,
        };
        campaign.Communities.AddRange(communities.Select(c => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = c }));
        return campaign;
    }

    /// <summary>A household of 1–6 people in a group, with a scale answer and one to three services needed: five answers on average.</summary>
    private static HouseholdResponse Household(Guid campaign, Guid version, Guid community, Random random, string[] needed)
    {
        List<Answer> answers =
        [
            new() { QuestionCode = "A1", Number = random.Next(1, 7) },
            new() { QuestionCode = "B1", OptionCode = Groups[random.Next(Groups.Length)] },
            new() { QuestionCode = "C2", Number = random.Next(1, 6) },
        ];
        var wanted = random.Next(1, 4);
        answers.AddRange(needed.OrderBy(_ => random.Next()).Take(wanted).Select(code => new Answer { QuestionCode = "D3", OptionCode = code }));
        return AnswerForm.Record(campaign, new Questionnaire { Id = version }, new HouseholdInput { CommunityId = community, Anonymous = true }, answers,
            ResponseSource.Import, DateTime.UtcNow, "bench");
    }

    /// <summary>
    /// A 100,000-row survey file through the whole import (upload, read and check every row, write with audit and
    /// tallies) against COPY of the same households, five times: the first in a process that has not imported yet
    /// (its code not yet compiled by the JIT) is reported apart; the figures are the median of the other four, as a
    /// running server imports. Reading and checking the file alone (no database) is reported beside them. Paper surveys
    /// are anonymous (one audit entry for the file); <paramref name="named"/> gives every household a contact and
    /// consent, so each is personal data with an audit entry of its own.
    /// </summary>
    private async Task<object> ImportAsync(List<Guid> communities, bool named)
    {
        var file = Encoding.UTF8.GetBytes(SurveyCsv(await CodesAsync(communities.Take(3).ToList()), named));
        var runs = new List<(double Import, double Copy, int Answers, double Reading)>();
        for (var run = 0; run < ImportRuns; run++) runs.Add(await ImportOnceAsync(communities, file));
        var (import, copy) = (Median(runs.Skip(1).Select(r => r.Import)), Median(runs.Skip(1).Select(r => r.Copy)));
        var reading = Median(runs.Skip(1).Select(r => r.Reading));
        return new
        {
            Rows = ImportRows,
            Answers = runs[0].Answers,
            FirstImportSeconds = Math.Round(runs[0].Import, 2),
            ImportSeconds = Math.Round(import, 2),
            ImportRowsPerSecond = Math.Round(ImportRows / import),
            CopySeconds = Math.Round(copy, 2),
            CopyRowsPerSecond = Math.Round(ImportRows / copy),
            ImportToCopyRatio = Math.Round(import / copy, 2),
            ReadingAloneSeconds = Math.Round(reading, 2),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<(double Import, double Copy, int Answers, double Reading)> ImportOnceAsync(List<Guid> communities, byte[] file)
    {
        Guid campaignId;
        await using (var db = newContext())
        {
            var campaign = Campaign("BENCH import " + Guid.NewGuid().ToString("N")[..6], communities.Take(3));
            db.AssessmentCampaigns.Add(campaign);
            db.Questionnaires.Add(new Questionnaire { CampaignId = campaign.Id, Version = 1, PublishedAt = DateTime.UtcNow, Definition = QuestionnaireTemplates.For("UA").ToJson() });
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
        }
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var db = newContext())
            {
                var import = Importer(db);
                // A request's token, as the page passes it (one that can be cancelled costs more to pass around than None).
                using var request = new CancellationTokenSource();
                var ct = request.Token;
                var (upload, problem) = await import.UploadAsync(campaignId, "bench.csv", new MemoryStream(file), ct);
                if (upload is null) throw new InvalidOperationException(problem);
                var context = await import.ContextAsync(upload, ct);
                var saved = await import.SaveAsync(upload, context!, validOnly: false, ct);
                var importSeconds = clock.Elapsed.TotalSeconds;
                if (saved != ImportRows) throw new InvalidOperationException($"Import saved {saved} of {ImportRows} rows.");
                // What the app alone spends reading and checking the rows (the save overlaps it with the database's writing).
                clock.Restart();
                var read = import.Rows(upload, context!).Count(r => r.Response is { } h && Answer.ToJson(h.Answers).Length > 0);
                var reading = clock.Elapsed.TotalSeconds;
                if (read != ImportRows) throw new InvalidOperationException($"Read {read} of {ImportRows} rows.");
                var (copySeconds, copied) = await CopySameRowsAsync(campaignId);
                Console.WriteLine($"needs: import {importSeconds:F2} s, COPY {copySeconds:F2} s, reading alone {reading:F2} s");
                return (importSeconds, copySeconds, copied, reading);
            }
        }
        finally
        {
            await using var db = newContext();
            await db.AuditLog.Where(a => a.Reason!.StartsWith("Imported from bench.csv")).ExecuteDeleteAsync();
            await db.AssessmentCampaigns.Where(c => c.Id == campaignId).ExecuteDeleteAsync();
            // The next run starts on tables at rest, not racing autovacuum over the 100,000 rows just deleted.
            await db.Database.ExecuteSqlRawAsync("VACUUM \"HouseholdResponses\", \"AuditLog\"");
        }
    }

    private async Task<List<string>> CodesAsync(List<Guid> ids)
    {
        await using var db = newContext();
        return await db.Territories.Where(t => ids.Contains(t.Id)).Select(t => t.Code!).ToListAsync();
    }

    /// <summary>The file a data-entry clerk would type: codes of the community, household size, group, scale, services needed (and, named, a contact who consented).</summary>
    private static string SurveyCsv(List<string> communities, bool named)
    {
        var random = new Random(9);
        var csv = new StringBuilder(named ? "contact,consent,community,A1,A2,A3,B1,C2,D1,D3\n" : "community,A1,A2,A3,B1,C2,D1,D3\n");
        string[] needed = ["001.0", "002.0", "009.0", "015.1", "016.0", "021.0"];
        for (var i = 0; i < ImportRows; i++)
        {
            var size = random.Next(1, 7);
            if (named) csv.Append(CultureInfo.InvariantCulture, $"Household {i},yes,");
            csv.Append(CultureInfo.InvariantCulture, $"{communities[i % communities.Count]},{size},{random.Next(0, size)},{random.Next(0, 2)},{Groups[random.Next(Groups.Length)]},{random.Next(1, 6)},{(random.Next(2) == 0 ? "yes" : "no")},\"{needed[random.Next(needed.Length)]};{needed[random.Next(needed.Length)]}\"\n");
        }
        return csv.ToString();
    }

    /// <summary>PostgreSQL's own COPY of the households (each with its answers) the import just wrote (read back, deleted, copied in again).</summary>
    private async Task<(double Seconds, int Answers)> CopySameRowsAsync(Guid campaignId)
    {
        await using var db = newContext();
        var households = await db.HouseholdResponses.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync();
        await db.HouseholdResponses.Where(r => r.CampaignId == campaignId).ExecuteDeleteAsync();
        await using var source = NpgsqlDataSource.Create(connection);
        await using var raw = await source.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        await using var transaction = await raw.BeginTransactionAsync();
        await using (var copy = await raw.BeginBinaryImportAsync("""COPY "HouseholdResponses" ("Id", "CampaignId", "QuestionnaireId", "CommunityId", "Source", "Anonymous", "ContactName", "ConsentGiven", "ConsentRecordedAt", "ConsentRecordedBy", "EnteredAt", "EnteredBy", "Answers") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var h in households)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(h.Id);
                await copy.WriteAsync(h.CampaignId);
                await copy.WriteAsync(h.QuestionnaireId);
                await copy.WriteAsync(h.CommunityId);
                await copy.WriteAsync(h.Source.ToString());
                await copy.WriteAsync(h.Anonymous);
                if (h.ContactName is null) await copy.WriteNullAsync();
                else await copy.WriteAsync(h.ContactName);
                await copy.WriteAsync(h.ConsentGiven);
                if (h.ConsentRecordedAt is { } at) await copy.WriteAsync(at);
                else await copy.WriteNullAsync();
                await copy.WriteAsync(h.ConsentRecordedBy ?? "");
                await copy.WriteAsync(h.EnteredAt);
                await copy.WriteAsync(h.EnteredBy ?? "");
                await copy.WriteAsync(Answer.ToJson(h.Answers));
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
        return (clock.Elapsed.TotalSeconds, households.Sum(h => h.Answers.Count));
    }

    private static SurveyImport Importer(PartneraDbContext db)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var user = new CurrentUser(new HttpContextAccessor());
        return new SurveyImport(db, user, new AuditLog(db, user, TimeProvider.System), TimeProvider.System, new StringLocalizer<NeedsStrings>(factory), factory,
            Options.Create(new Partnera.Infrastructure.Imports.ImportLimits()), new StringLocalizer<Partnera.Resources.SharedStrings>(factory));
    }
}
