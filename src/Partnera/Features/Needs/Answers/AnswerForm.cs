using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Answers;

/// <summary>One household's answers arriving through a form (staff entry or the residents' online form): checked, then recorded.</summary>
public static class AnswerForm
{
    /// <summary>What a form for a campaign shows: its title, communities, dates and the latest published questionnaire.</summary>
    public sealed record Campaign(Guid Id, MultilingualText Title, CampaignStatus Status, DateOnly PeriodStarts, DateOnly CollectionStarts, DateOnly CollectionEnds,
        IReadOnlyList<(Guid Id, MultilingualText Name)> Communities, string TimeZone, Questionnaire? Version, QuestionnaireDefinition? Definition);

    public static async Task<Campaign?> LoadAsync(PartneraDbContext db, Guid campaignId, CancellationToken ct)
    {
        var c = await db.AssessmentCampaigns.AsNoTracking().Where(x => x.Id == campaignId)
            .Select(x => new { x.Title, x.Status, x.PeriodStarts, x.CollectionStarts, x.CollectionEnds }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var communities = await db.CampaignCommunities.AsNoTracking().Where(x => x.CampaignId == campaignId)
            .Select(x => new { x.TerritoryId, x.Territory!.Name, x.Territory.TimeZone }).ToListAsync(ct);
        var version = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null)
            .OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        return new Campaign(campaignId, c.Title, c.Status, c.PeriodStarts, c.CollectionStarts, c.CollectionEnds,
            communities.Select(x => (x.TerritoryId, x.Name)).OrderBy(x => x.Name.Value).ToList(),
            communities.Select(x => x.TimeZone).FirstOrDefault() ?? "Europe/Kyiv",
            version, version is null ? null : QuestionnaireDefinition.FromJson(version.Definition));
    }

    /// <summary>Residents may answer while the campaign collects data and its collection dates include today in its communities' time zone.</summary>
    public static bool OpenToResidents(Campaign campaign, DateTimeOffset now)
    {
        var today = Infrastructure.Time.LocalTime.Today(campaign.TimeZone, now);
        return campaign.Status == CampaignStatus.Collecting && campaign.Version is not null && today >= campaign.CollectionStarts && today <= campaign.CollectionEnds;
    }

    /// <summary>Puts every problem with the household and its answers in the model state; returns the answers read.</summary>
    public static List<Answer> Check(ModelStateDictionary state, HouseholdInput household, IReadOnlyList<(Guid Id, MultilingualText Name)> communities,
        QuestionnaireDefinition definition, Func<string, IReadOnlyList<string>> valuesOf, IStringLocalizer t)
    {
        if (household.CommunityId is { } c && communities.All(x => x.Id != c))
            state.AddModelError($"Household.{nameof(HouseholdInput.CommunityId)}", t["Household_UnknownCommunity"]);
        foreach (var (field, key) in household.Problems()) state.AddModelError($"Household.{field}", t[key]);
        var (answers, problems) = AnswerRules.Read(definition, valuesOf);
        foreach (var problem in problems) state.AddModelError($"A[{problem.Question}]", t[problem.Key]);
        return answers;
    }

    /// <summary>The household's response, with consent recorded now when it was given (never on an anonymous answer).</summary>
    public static HouseholdResponse Record(Guid campaignId, Questionnaire version, HouseholdInput household, List<Answer> answers, ResponseSource source,
        DateTime now, string? recordedBy)
    {
        var consent = household.ConsentGiven && !household.Anonymous;
        var response = new HouseholdResponse
        {
            CampaignId = campaignId,
            QuestionnaireId = version.Id,
            CommunityId = household.CommunityId!.Value,
            Source = source,
            Anonymous = household.Anonymous,
            ContactName = Clean(household.ContactName),
            Address = Clean(household.Address),
            Phone = Clean(household.Phone),
            ConsentGiven = consent,
            ConsentRecordedAt = consent ? now : null,
            ConsentRecordedBy = consent ? recordedBy : null,
            EnteredAt = now,
            EnteredBy = source == ResponseSource.Online ? null : recordedBy,
            Answers = answers,
        };
        return response;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
