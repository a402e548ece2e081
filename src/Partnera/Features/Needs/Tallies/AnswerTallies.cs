using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Tallies;

/// <summary>Counts new households into tallies, and adds those counts to the stored ones in one statement per batch.</summary>
public sealed class AnswerTallies
{
    private readonly Dictionary<(Guid, Guid, Guid, string, string), AnswerTally> tallies = [];
    private readonly Dictionary<(Guid, Guid, string, string, string, string), AnswerPairTally> pairs = [];

    // Each version's questions by code, looked up for every answer counted.
    private readonly Dictionary<QuestionnaireDefinition, Dictionary<string, Question>> questions = [];

    public IReadOnlyCollection<AnswerTally> Tallies => tallies.Values;
    public IReadOnlyCollection<AnswerPairTally> Pairs => pairs.Values;

    /// <summary>Adds one household: its own row, a row per answer given (numbers summed), and its group × needed-service pairs.</summary>
    public void Add(HouseholdResponse household, QuestionnaireDefinition definition)
    {
        Count(household, AnswerTally.HouseholdsRow, "", null);
        foreach (var answer in household.Answers)
        {
            if (answer.OptionCode is not null) Count(household, answer.QuestionCode, answer.OptionCode, null);
            else if (answer.Number is { } n) Count(household, answer.QuestionCode, "", (double)n);
        }
        if (!questions.TryGetValue(definition, out var byCode)) questions[definition] = byCode = definition.Questions.DistinctBy(q => q.Code).ToDictionary(q => q.Code);
        var needsAny = household.Answers.Any(a => a.OptionCode is not null && byCode.GetValueOrDefault(a.QuestionCode) is { Measures: QuestionMeasure.ServicesNeeded } q && q.Option(a.OptionCode)?.Term is not null);
        Count(household, AnswerTally.NeedingAnyRow, "", needsAny ? 1 : 0);
        // Loops rather than queries: an import counts every one of 100,000 households here.
        foreach (var g in household.Answers)
        {
            if (g.OptionCode is null || byCode.GetValueOrDefault(g.QuestionCode)?.Option(g.OptionCode)?.Group is null) continue;
            foreach (var n in household.Answers)
            {
                if (n.OptionCode is null || byCode.GetValueOrDefault(n.QuestionCode)?.Measures != QuestionMeasure.ServicesNeeded) continue;
                var key = (household.CampaignId, household.QuestionnaireId, g.QuestionCode, g.OptionCode, n.QuestionCode, n.OptionCode);
                if (!pairs.TryGetValue(key, out var pair))
                    pairs[key] = pair = new AnswerPairTally { CampaignId = key.Item1, QuestionnaireId = key.Item2, GroupQuestion = key.Item3, GroupOption = key.Item4, NeedQuestion = key.Item5, NeedOption = key.Item6 };
                pair.Households++;
            }
        }
    }

    private void Count(HouseholdResponse household, string question, string option, double? number)
    {
        var key = (household.CampaignId, household.CommunityId, household.QuestionnaireId, question, option);
        if (!tallies.TryGetValue(key, out var tally))
            tallies[key] = tally = new AnswerTally { CampaignId = key.Item1, CommunityId = key.Item2, QuestionnaireId = key.Item3, QuestionCode = question, OptionCode = option };
        tally.Households++;
        tally.NumberSum += number ?? 0;
    }

    /// <summary>
    /// Adds these counts to the stored tallies (INSERT … ON CONFLICT DO UPDATE, the same on SQLite and PostgreSQL), so
    /// households arriving at the same moment never overwrite each other's counts. Runs in the caller's transaction.
    /// </summary>
    public async Task AddToStoredAsync(DbContext db, CancellationToken ct)
    {
        await AddAsync(db, "AnswerTallies", ["CampaignId", "CommunityId", "QuestionnaireId", "QuestionCode", "OptionCode"], ["Households", "NumberSum"],
            tallies.Values.Select(t => new object[] { t.CampaignId, t.CommunityId, t.QuestionnaireId, t.QuestionCode, t.OptionCode, t.Households, t.NumberSum }), ct);
        await AddAsync(db, "AnswerPairTallies", ["CampaignId", "QuestionnaireId", "GroupQuestion", "GroupOption", "NeedQuestion", "NeedOption"], ["Households"],
            pairs.Values.Select(p => new object[] { p.CampaignId, p.QuestionnaireId, p.GroupQuestion, p.GroupOption, p.NeedQuestion, p.NeedOption, p.Households }), ct);
    }

    /// <summary>Inserts rows (key columns, then counts), or adds their counts to the row with the same key, 500 rows a statement.</summary>
    private static async Task AddAsync(DbContext db, string table, string[] keys, string[] counts, IEnumerable<object[]> rows, CancellationToken ct)
    {
        string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
        var insert = $"INSERT INTO \"{table}\" ({Quoted([.. keys, .. counts])}) VALUES ";
        var conflict = $" ON CONFLICT ({Quoted(keys)}) DO UPDATE SET " + string.Join(", ", counts.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""));
        foreach (var batch in rows.Chunk(500))
        {
            var values = new List<object>();
            var tuples = batch.Select(row =>
            {
                var first = values.Count;
                values.AddRange(row);
                return "(" + string.Join(", ", row.Select((_, i) => $"{{{first + i}}}")) + ")";
            }).ToList();
            // Table and column names are this class's constants; every value goes as a parameter.
            var sql = insert + string.Join(", ", tuples) + conflict;
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    /// <summary>The questionnaire versions of these households, read once.</summary>
    public static async Task<Dictionary<Guid, QuestionnaireDefinition>> DefinitionsAsync(PartneraDbContext db, IEnumerable<Guid> versions, CancellationToken ct)
    {
        var ids = versions.Distinct().ToList();
        return (await db.Questionnaires.AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.Definition }).ToListAsync(ct))
            .ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
    }

    /// <summary>
    /// Counts a campaign's stored households afresh, replacing its tallies: for databases that hold households from
    /// before tallies existed. Reads the households in batches, writes the counts in bulk, in one transaction.
    /// </summary>
    public static async Task RebuildAsync(PartneraDbContext db, Guid campaignId, CancellationToken ct)
    {
        var versions = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId).Select(q => new { q.Id, q.Definition }).ToListAsync(ct);
        var definitions = versions.ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
        var tallies = new AnswerTallies();
        // One community at a time: batches found by the (campaign, community) index, never by an ever-growing offset.
        var communities = await db.HouseholdResponses.Where(r => r.CampaignId == campaignId).Select(r => r.CommunityId).Distinct().ToListAsync(ct);
        foreach (var community in communities)
        {
            var batch = await db.HouseholdResponses.AsNoTracking().Where(r => r.CampaignId == campaignId && r.CommunityId == community)
                .AsSplitQuery().ToListAsync(ct);
            foreach (var household in batch) tallies.Add(household, definitions[household.QuestionnaireId]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.AnswerTallies.Where(t => t.CampaignId == campaignId).ExecuteDeleteAsync(ct);
        await db.AnswerPairTallies.Where(t => t.CampaignId == campaignId).ExecuteDeleteAsync(ct);
        await BulkInsert.WriteAsync(db, tallies.Tallies, ct);
        await BulkInsert.WriteAsync(db, tallies.Pairs, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Rebuilds the tallies of every campaign that has households but none counted, or none of the households needing any
    /// service (counted since December 2026), at start-up.
    /// </summary>
    public static async Task RepairAsync(PartneraDbContext db, CancellationToken ct)
    {
        var uncounted = await db.AssessmentCampaigns
            .Where(c => db.HouseholdResponses.Any(r => r.CampaignId == c.Id) && !db.AnswerTallies.Any(t => t.CampaignId == c.Id && t.QuestionCode == AnswerTally.NeedingAnyRow))
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var campaign in uncounted) await RebuildAsync(db, campaign, ct);
    }
}
