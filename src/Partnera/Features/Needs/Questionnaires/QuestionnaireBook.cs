using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Territories;

namespace Partnera.Features.Needs.Questionnaires;

/// <summary>Keeps a campaign's questionnaire versions: starts a draft, saves it, publishes it (and then never changes it).</summary>
public sealed class QuestionnaireBook(PartneraDbContext db, TerritoryTree territories, TimeProvider time)
{
    /// <summary>The versions of a campaign's questionnaire, newest first.</summary>
    public Task<List<Questionnaire>> VersionsAsync(Guid campaignId, CancellationToken ct) =>
        db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId).OrderByDescending(q => q.Version).ToListAsync(ct);

    /// <summary>
    /// The draft to change: the existing one, or a new version copied from the last published one, or, for a campaign
    /// without a questionnaire, the template of its communities' country.
    /// </summary>
    public async Task<Questionnaire> DraftAsync(Guid campaignId, CancellationToken ct)
    {
        var draft = await PeekDraftAsync(campaignId, ct);
        if (db.Entry(draft).State != EntityState.Detached) return draft;
        db.Questionnaires.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>The draft as <see cref="DraftAsync"/> would give it, without saving a new one: what a form shows before anything is changed.</summary>
    public async Task<Questionnaire> PeekDraftAsync(Guid campaignId, CancellationToken ct)
    {
        var latest = await db.Questionnaires.Where(q => q.CampaignId == campaignId).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (latest is { PublishedAt: null }) return latest;
        var definition = latest?.Definition ?? QuestionnaireTemplates.For(await CountryOfAsync(campaignId, ct)).ToJson();
        return new Questionnaire { CampaignId = campaignId, Version = (latest?.Version ?? 0) + 1, Definition = definition };
    }

    /// <summary>Replaces the draft's content; a published version is refused.</summary>
    public async Task<List<QuestionnaireRules.Problem>> SaveDraftAsync(Guid campaignId, QuestionnaireDefinition definition, CancellationToken ct)
    {
        var draft = await DraftAsync(campaignId, ct);
        draft.Definition = definition.ToJson();
        await db.SaveChangesAsync(ct);
        return QuestionnaireRules.Check(definition);
    }

    /// <summary>Freezes the draft as the campaign's current version, unless it has problems (then they are returned).</summary>
    public async Task<List<QuestionnaireRules.Problem>> PublishAsync(Guid campaignId, CancellationToken ct)
    {
        var draft = await db.Questionnaires.Where(q => q.CampaignId == campaignId && q.PublishedAt == null).FirstOrDefaultAsync(ct);
        if (draft is null) return [new("", "Questionnaire_NoDraft")];
        var problems = QuestionnaireRules.Check(QuestionnaireDefinition.FromJson(draft.Definition));
        if (problems.Count > 0) return problems;
        draft.PublishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return [];
    }

    private async Task<string?> CountryOfAsync(Guid campaignId, CancellationToken ct)
    {
        var community = await db.CampaignCommunities.Where(c => c.CampaignId == campaignId).Select(c => (Guid?)c.TerritoryId).FirstOrDefaultAsync(ct);
        if (community is null) return null;
        var scope = await territories.ScopeAsync(community.Value, ct);
        var country = scope.Above.Count > 0 ? scope.Above[^1] : community.Value;
        return await db.Territories.Where(t => t.Id == country).Select(t => t.Code).FirstOrDefaultAsync(ct);
    }
}
