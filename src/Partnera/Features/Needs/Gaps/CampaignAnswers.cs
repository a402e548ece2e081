using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Needs.Tallies;

namespace Partnera.Features.Needs.Gaps;

/// <summary>
/// What the analysis needs from a campaign's answers, read from the tallies kept as answers arrive (never the answers
/// themselves), mapping option codes to what they stand for through the version each household answered.
/// </summary>
public sealed class CampaignAnswers(PartneraDbContext db, Guid campaignId, IReadOnlyDictionary<Guid, QuestionnaireDefinition> versions, Guid? community = null)
{
    /// <summary>The campaign's tallies, of its one community when given.</summary>
    private IQueryable<AnswerTally> Tallies => db.AnswerTallies.Where(t => t.CampaignId == campaignId && (community == null || t.CommunityId == community));

    private List<string> Codes(Func<Question, bool> which) => versions.Values.SelectMany(v => v.Questions).Where(which).Select(q => q.Code).Distinct().ToList();

    private AnswerOption? Option(Guid version, string question, string? option) =>
        versions.GetValueOrDefault(version)?.Questions.FirstOrDefault(q => q.Code == question)?.Option(option);

    public Task<Dictionary<Guid, int>> HouseholdsPerCommunityAsync(CancellationToken ct) =>
        Tallies.Where(t => t.QuestionCode == AnswerTally.HouseholdsRow).GroupBy(t => t.CommunityId).Select(g => new { g.Key, Count = g.Sum(t => t.Households) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>Households per community that named at least one service as needed.</summary>
    public async Task<Dictionary<Guid, int>> NeedingAnyPerCommunityAsync(CancellationToken ct) =>
        (await Tallies.Where(t => t.QuestionCode == AnswerTally.NeedingAnyRow).GroupBy(t => t.CommunityId).Select(g => new { g.Key, Sum = g.Sum(t => t.NumberSum) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => (int)Math.Round(x.Sum));

    /// <summary>The average household size each community's households gave.</summary>
    public async Task<Dictionary<Guid, decimal>> HouseholdSizesAsync(CancellationToken ct)
    {
        var codes = Codes(q => q.Measures == QuestionMeasure.HouseholdSize);
        var sums = await Tallies.Where(t => codes.Contains(t.QuestionCode) && t.OptionCode == "").GroupBy(t => t.CommunityId)
            .Select(g => new { g.Key, Sum = g.Sum(t => t.NumberSum), Count = g.Sum(t => t.Households) }).ToListAsync(ct);
        return sums.Where(s => s.Count > 0).ToDictionary(s => s.Key, s => (decimal)s.Sum / s.Count);
    }

    /// <summary>Households per community that named each service category as needed.</summary>
    public async Task<Dictionary<(Guid Community, string Term), int>> WantingPerCommunityAsync(CancellationToken ct) =>
        (await OptionCountsAsync(Codes(q => q.Measures == QuestionMeasure.ServicesNeeded), ct))
            .Select(c => new { c.CommunityId, c.Households, Option(c.QuestionnaireId, c.QuestionCode, c.OptionCode)?.Term })
            .Where(c => c.Term is not null).GroupBy(c => (c.CommunityId, c.Term!)).ToDictionary(g => g.Key, g => g.Sum(c => c.Households));

    /// <summary>Households per community whose answers place them in each vulnerable group.</summary>
    public async Task<Dictionary<(Guid Community, TargetGroup Group), int>> GroupsPerCommunityAsync(CancellationToken ct) =>
        (await OptionCountsAsync(GroupCodes(), ct))
            .Select(c => new { c.CommunityId, c.Households, Option(c.QuestionnaireId, c.QuestionCode, c.OptionCode)?.Group })
            .Where(c => c.Group is not null).GroupBy(c => (c.CommunityId, c.Group!.Value)).ToDictionary(g => g.Key, g => g.Sum(c => c.Households));

    /// <summary>For each vulnerable group, how many of the campaign's households in it (all communities) named each service as needed, of how many.</summary>
    public async Task<GroupRates> GroupRatesAsync(CancellationToken ct)
    {
        var codes = GroupCodes();
        var members = await db.AnswerTallies.Where(t => t.CampaignId == campaignId && codes.Contains(t.QuestionCode) && t.OptionCode != "")
            .GroupBy(t => new { t.QuestionnaireId, t.QuestionCode, t.OptionCode }).Select(g => new { g.Key.QuestionnaireId, g.Key.QuestionCode, g.Key.OptionCode, Count = g.Sum(t => t.Households) })
            .ToListAsync(ct);
        var pairs = await db.AnswerPairTallies.AsNoTracking().Where(p => p.CampaignId == campaignId).ToListAsync(ct);
        var size = members.Select(m => new { Option(m.QuestionnaireId, m.QuestionCode, m.OptionCode)?.Group, m.Count })
            .Where(m => m.Group is not null).GroupBy(m => m.Group!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.Count));
        var wanting = pairs.Select(p => new { Option(p.QuestionnaireId, p.GroupQuestion, p.GroupOption)?.Group, Option(p.QuestionnaireId, p.NeedQuestion, p.NeedOption)?.Term, p.Households })
            .Where(p => p.Group is not null && p.Term is not null && size.ContainsKey(p.Group.Value)).GroupBy(p => (p.Group!.Value, p.Term!))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Households));
        return new GroupRates(size, wanting);
    }

    private List<string> GroupCodes() => Codes(q => q.Options?.Any(o => o.Group is not null) == true);

    private Task<List<AnswerTally>> OptionCountsAsync(List<string> codes, CancellationToken ct) =>
        Tallies.AsNoTracking().Where(t => codes.Contains(t.QuestionCode) && t.OptionCode != "").ToListAsync(ct);
}

/// <summary>Per vulnerable group: its surveyed households, and how many of them named each service as needed.</summary>
public sealed record GroupRates(IReadOnlyDictionary<TargetGroup, int> Members, IReadOnlyDictionary<(TargetGroup Group, string Term), int> Wanting)
{
    public bool Surveyed(TargetGroup group) => Members.GetValueOrDefault(group) > 0;

    public decimal Rate(TargetGroup group, string term) => Surveyed(group) ? (decimal)Wanting.GetValueOrDefault((group, term)) / Members[group] : 0;

    /// <summary>The 95 % Wilson interval of the rate (none surveyed: nothing known, taken as zero as the rate is).</summary>
    public (decimal Low, decimal High) Interval(TargetGroup group, string term) =>
        Surveyed(group) ? Wilson.Interval(Wanting.GetValueOrDefault((group, term)), Members[group]) : (0, 0);
}
