using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Priority;

/// <summary>A household in the outreach list: its rank, score and, when it gave consent, how to reach it.</summary>
public sealed record RankedHousehold(int Rank, Guid Id, decimal Score, MultilingualText Community, bool Anonymous, string? ContactName, string? Address, string? Phone);

/// <summary>
/// Orders a campaign's households by their priority score. Scores are worked out from the households'
/// answers (one read per campaign or community); only the page shown is read with contact details, and each household
/// named on it is written to the audit log as viewed.
/// </summary>
public sealed class PriorityRanking(PartneraDbContext db, AuditLog audit)
{
    /// <summary>The campaign's scheme, or the default one for its latest published questionnaire.</summary>
    public async Task<(PriorityScheme Scheme, bool IsDefault, QuestionnaireDefinition? Latest)> SchemeAsync(Guid campaignId, CancellationToken ct)
    {
        var stored = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.PriorityWeights).SingleAsync(ct);
        var latest = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null)
            .OrderByDescending(q => q.Version).Select(q => q.Definition).FirstOrDefaultAsync(ct);
        var definition = latest is null ? null : QuestionnaireDefinition.FromJson(latest);
        if (PriorityScheme.FromJson(stored) is { } scheme) return (scheme, false, definition);
        return (definition is null ? new PriorityScheme() : PriorityScheme.Default(definition), true, definition);
    }

    public async Task<Page<RankedHousehold>> RankAsync(Guid campaignId, Guid? community, int? page, CancellationToken ct)
    {
        var (scheme, _, _) = await SchemeAsync(campaignId, ct);
        var versions = (await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null).ToListAsync(ct))
            .ToDictionary(q => q.Id, q => QuestionnaireDefinition.FromJson(q.Definition));
        var all = await db.HouseholdResponses.AsNoTracking().Where(r => r.CampaignId == campaignId && (community == null || r.CommunityId == community))
            .Select(r => new { r.Id, r.QuestionnaireId, r.EnteredAt, r.Answers }).ToListAsync(ct);
        var ranked = all.Select(h => new { h.Id, h.EnteredAt, Score = PriorityScore.Total(PriorityScore.Explain(scheme, versions[h.QuestionnaireId], h.Answers)) })
            .OrderByDescending(h => h.Score).ThenBy(h => h.EnteredAt).ThenBy(h => h.Id).ToList();

        var shown = ranked.ToPage(page);
        var (number, size) = (shown.Number, shown.Size);
        var ids = shown.Items.Select(h => h.Id).ToList();
        var details = await db.HouseholdResponses.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, Community = db.Territories.Where(t => t.Id == r.CommunityId).Select(t => t.Name).First(), r.Anonymous, r.ContactName, r.Address, r.Phone })
            .ToDictionaryAsync(r => r.Id, ct);
        var items = shown.Items.Select((h, i) => new RankedHousehold((number - 1) * size + i + 1, h.Id, h.Score, details[h.Id].Community, details[h.Id].Anonymous,
            details[h.Id].ContactName, details[h.Id].Address, details[h.Id].Phone)).ToList();
        var named = items.Where(h => !h.Anonymous).Select(h => new HouseholdResponse { Id = h.Id }).ToList();
        if (named.Count > 0) await audit.RecordAsync(AuditAction.Viewed, named, "needs assessment: priority list", ct);
        return new Page<RankedHousehold>(items, number, size, ranked.Count);
    }
}
