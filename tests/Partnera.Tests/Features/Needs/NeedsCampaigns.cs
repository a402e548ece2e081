using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

/// <summary>Campaigns the needs tests start from: Moldovan communities, Keystone in the working group, the shipped questionnaire published.</summary>
internal static class NeedsCampaigns
{
    public static Task<(Guid Campaign, List<Guid> Communities)> PublishedMoldovanAsync(PartneraApp app, params string[] communityCodes) =>
        PublishedMoldovanAsync(app, null, null, communityCodes);

    public static async Task<(Guid Campaign, List<Guid> Communities)> PublishedMoldovanAsync(PartneraApp app, DateOnly? collectionStarts, DateOnly? collectionEnds,
        params string[] communityCodes)
    {
        var (campaignId, communities) = await app.WithDbAsync(async db =>
        {
            var ids = new List<Guid>();
            foreach (var code in communityCodes) ids.Add(await db.Territories.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());
            var campaign = new AssessmentCampaign
            {
                Title = new MultilingualText("Evaluarea nevoilor " + Guid.NewGuid().ToString("N")[..6]),
                PeriodStarts = new DateOnly(2026, 1, 1),
                PeriodEnds = new DateOnly(2028, 12, 31),
                CollectionStarts = collectionStarts ?? new DateOnly(2026, 1, 1),
                CollectionEnds = collectionEnds ?? new DateOnly(2026, 6, 15),
                Status = CampaignStatus.Collecting,
            };
            campaign.Communities.AddRange(ids.Select(id => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = id }));
            campaign.WorkingGroup.Add(new WorkingGroupMember
            {
                CampaignId = campaign.Id,
                OrganisationId = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync(),
            });
            db.AssessmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, ids);
        });
        var problems = await app.WithScopeAsync(async s =>
        {
            var book = s.GetRequiredService<QuestionnaireBook>();
            await book.DraftAsync(campaignId, default);
            return await book.PublishAsync(campaignId, default);
        });
        Assert.Empty(problems);
        return (campaignId, communities);
    }

    /// <summary>A Ukrainian-template campaign of a new community (30,000 people) in a district outside every country, or of an existing place.</summary>
    public static async Task<(Guid Campaign, Guid Place, int Population)> TestvilleAsync(PartneraApp app, Guid? existingPlace = null, DateOnly? periodStarts = null)
    {
        // A place of its own (a district outside every country), so the services added here change no other test's results;
        // with no country above it, the Ukrainian template is used.
        var (campaignId, place, population) = await app.WithDbAsync(async db =>
        {
            var code = Guid.NewGuid().ToString("N")[..12];
            var place = existingPlace;
            if (place is null)
            {
                var district = new Partnera.Features.Territories.Territory { Level = Partnera.Features.Territories.TerritoryLevel.District, Name = new MultilingualText("Testdistrict " + code), Code = "D" + code };
                var community = new Partnera.Features.Territories.Territory
                {
                    ParentId = district.Id,
                    Level = Partnera.Features.Territories.TerritoryLevel.Community,
                    Name = new MultilingualText("Testville " + code),
                    Code = "T" + code,
                    Population = 30_000,
                };
                db.Territories.AddRange(district, community);
                place = community.Id;
            }
            var starts = periodStarts ?? new DateOnly(2026, 1, 1);
            var campaign = new AssessmentCampaign
            {
                Title = new MultilingualText("Gap analysis " + code),
                PeriodStarts = starts,
                PeriodEnds = starts.AddYears(3).AddDays(-1),
                CollectionStarts = starts,
                CollectionEnds = new DateOnly(starts.Year, 6, 15),
            };
            campaign.Communities.Add(new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = place.Value });
            db.AssessmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, place.Value, 30_000);
        });
        await app.WithScopeAsync(async s =>
        {
            var book = s.GetRequiredService<QuestionnaireBook>();
            await book.DraftAsync(campaignId, default);
            return await book.PublishAsync(campaignId, default);
        });
        return (campaignId, place, population);
    }

    /// <summary>Anonymous households of a place, each with the given choices, in the campaign's published version.</summary>
    public static Task<int> HouseholdsAsync(PartneraApp app, Guid campaignId, Guid place, params Answer[][] households) => app.WithDbAsync(async db =>
    {
        var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId);
        foreach (var answers in households)
        {
            var household = new HouseholdInput { CommunityId = place, Anonymous = true };
            db.HouseholdResponses.Add(AnswerForm.Record(campaignId, version, household, answers.Select(a => new Answer { QuestionCode = a.QuestionCode, OptionCode = a.OptionCode }).ToList(),
                ResponseSource.Staff, DateTime.UtcNow, "test"));
        }
        return await db.SaveChangesAsync();
    });
}
