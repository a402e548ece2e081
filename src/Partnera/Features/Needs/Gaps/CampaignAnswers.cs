using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Gaps;

/// <summary>
/// The grouped reads of a campaign's answers that the analysis needs: each is one query whatever the number of
/// households, and maps option codes to what they stand for through the version each household answered.
/// </summary>
public sealed class CampaignAnswers(PartneraDbContext db, Guid campaignId, IReadOnlyDictionary<Guid, QuestionnaireDefinition> versions, Guid? community = null)
{
    /// <summary>The households of the campaign, or of its one community when given.</summary>
    private IQueryable<HouseholdResponse> Households => db.HouseholdResponses.Where(r => r.CampaignId == campaignId && (community == null || r.CommunityId == community));

    /// <summary>Every household of the campaign, whatever the community: rates per group are the campaign's.</summary>
    private IQueryable<HouseholdResponse> AllHouseholds => db.HouseholdResponses.Where(r => r.CampaignId == campaignId);

    private List<string> Codes(Func<Question, bool> which) => versions.Values.SelectMany(v => v.Questions).Where(which).Select(q => q.Code).Distinct().ToList();

    private AnswerOption? Option(Guid version, string question, string? option) =>
        versions[version].Questions.FirstOrDefault(q => q.Code == question)?.Options?.FirstOrDefault(o => o.Code == option);

    public Task<Dictionary<Guid, int>> HouseholdsPerCommunityAsync(CancellationToken ct) =>
        Households.GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The average household size each community's households gave.</summary>
    public async Task<Dictionary<Guid, decimal>> HouseholdSizesAsync(CancellationToken ct)
    {
        var codes = Codes(q => q.Measures == QuestionMeasure.HouseholdSize);
        return await db.Answers.Where(a => codes.Contains(a.QuestionCode) && a.Number != null)
            .Join(Households, a => a.ResponseId, r => r.Id, (a, r) => new { r.CommunityId, a.Number })
            .GroupBy(x => x.CommunityId).Select(g => new { g.Key, Average = g.Average(x => x.Number!.Value) })
            .ToDictionaryAsync(x => x.Key, x => x.Average, ct);
    }

    /// <summary>Households per community that named each service category as needed.</summary>
    public async Task<Dictionary<(Guid Community, string Term), int>> WantingPerCommunityAsync(CancellationToken ct)
    {
        var codes = Codes(q => q.Measures == QuestionMeasure.ServicesNeeded);
        var counts = await db.Answers.Where(a => codes.Contains(a.QuestionCode) && a.OptionCode != null)
            .Join(Households, a => a.ResponseId, r => r.Id, (a, r) => new { r.CommunityId, r.QuestionnaireId, a.QuestionCode, a.OptionCode })
            .GroupBy(x => new { x.CommunityId, x.QuestionnaireId, x.QuestionCode, x.OptionCode })
            .Select(g => new { g.Key.CommunityId, g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, Count = g.Count() })
            .ToListAsync(ct);
        return counts.Select(c => new { c.CommunityId, c.Count, Option(c.QuestionnaireId, c.QuestionCode, c.OptionCode)?.Term })
            .Where(c => c.Term is not null).GroupBy(c => (c.CommunityId, c.Term!)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    /// <summary>Households per community whose answers place them in each vulnerable group.</summary>
    public async Task<Dictionary<(Guid Community, TargetGroup Group), int>> GroupsPerCommunityAsync(CancellationToken ct)
    {
        var codes = Codes(q => q.Options?.Any(o => o.Group is not null) == true);
        var counts = await db.Answers.Where(a => codes.Contains(a.QuestionCode) && a.OptionCode != null)
            .Join(Households, a => a.ResponseId, r => r.Id, (a, r) => new { r.CommunityId, r.QuestionnaireId, a.QuestionCode, a.OptionCode })
            .GroupBy(x => new { x.CommunityId, x.QuestionnaireId, x.QuestionCode, x.OptionCode })
            .Select(g => new { g.Key.CommunityId, g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, Count = g.Count() })
            .ToListAsync(ct);
        return counts.Select(c => new { c.CommunityId, c.Count, Option(c.QuestionnaireId, c.QuestionCode, c.OptionCode)?.Group })
            .Where(c => c.Group is not null).GroupBy(c => (c.CommunityId, c.Group!.Value)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    /// <summary>For each vulnerable group, the share of the campaign's households in it that named each service as needed.</summary>
    public async Task<Dictionary<(TargetGroup Group, string Term), decimal>> GroupRatesAsync(CancellationToken ct)
    {
        var groupCodes = Codes(q => q.Options?.Any(o => o.Group is not null) == true);
        var needCodes = Codes(q => q.Measures == QuestionMeasure.ServicesNeeded);
        var inGroup = db.Answers.Where(a => groupCodes.Contains(a.QuestionCode) && a.OptionCode != null)
            .Join(AllHouseholds, a => a.ResponseId, r => r.Id, (a, r) => new { a.ResponseId, r.QuestionnaireId, a.QuestionCode, a.OptionCode });
        var members = await inGroup.GroupBy(x => new { x.QuestionnaireId, x.QuestionCode, x.OptionCode })
            .Select(g => new { g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, Count = g.Count() }).ToListAsync(ct);
        var pairs = await inGroup.Join(db.Answers.Where(b => needCodes.Contains(b.QuestionCode) && b.OptionCode != null), a => a.ResponseId, b => b.ResponseId,
                (a, b) => new { a.QuestionnaireId, a.QuestionCode, a.OptionCode, Need = b.QuestionCode, Wanted = b.OptionCode })
            .GroupBy(x => new { x.QuestionnaireId, x.QuestionCode, x.OptionCode, x.Need, x.Wanted })
            .Select(g => new { g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, g.Key.Need, g.Key.Wanted, Count = g.Count() }).ToListAsync(ct);
        var size = members.Select(m => new { Option(m.QuestionnaireId, m.QuestionCode, m.OptionCode)?.Group, m.Count })
            .Where(m => m.Group is not null).GroupBy(m => m.Group!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.Count));
        return pairs.Select(p => new { Option(p.QuestionnaireId, p.QuestionCode, p.OptionCode)?.Group, Option(p.QuestionnaireId, p.Need, p.Wanted)?.Term, p.Count })
            .Where(p => p.Group is not null && p.Term is not null).GroupBy(p => (p.Group!.Value, p.Term!))
            .ToDictionary(g => g.Key, g => (decimal)g.Sum(p => p.Count) / size[g.Key.Item1]);
    }
}
