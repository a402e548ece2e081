using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Features.Needs;
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
}
