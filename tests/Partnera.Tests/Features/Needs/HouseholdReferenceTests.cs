using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

/// <summary>
/// A household's campaign, questionnaire version and community are kept consistent by the database itself: foreign
/// keys on SQLite, per-statement triggers on PostgreSQL (see the migration HouseholdReferencesCheckedPerStatement).
/// Both must behave the same.
/// </summary>
public sealed class HouseholdReferenceTests(TestApps apps)
{
    private static readonly Answer[] Displaced = [new() { QuestionCode = "B1", OptionCode = "displaced" }];

    [Theory, ClassData(typeof(Databases))]
    public async Task A_household_of_a_missing_campaign_version_or_community_is_refused_however_it_is_written(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        var version = await app.WithDbAsync(db => db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId));
        HouseholdResponse Household(Guid campaign, Guid versionId, Guid community) => AnswerForm.Record(campaign, new() { Id = versionId },
            new HouseholdInput { CommunityId = community, Anonymous = true }, [.. Displaced], ResponseSource.Staff, DateTime.UtcNow, "test");

        foreach (var wrong in new[] { Household(Guid.NewGuid(), version.Id, place), Household(campaignId, Guid.NewGuid(), place), Household(campaignId, version.Id, Guid.NewGuid()) })
        {
            // One at a time through EF, as the forms save…
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(db =>
            {
                db.HouseholdResponses.Add(wrong);
                return db.SaveChangesAsync();
            }));
            // …and in bulk among good ones, as an import writes: nothing of the batch stays.
            await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkInsert.WriteAsync(db, [Household(campaignId, version.Id, place), wrong], default);
                await transaction.CommitAsync();
                return 0;
            }));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));
        // Good households are taken as before.
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, Displaced, Displaced);
        Assert.Equal(2, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_version_or_community_with_households_cannot_be_deleted_and_deleting_the_campaign_deletes_them(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, Displaced, Displaced);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Questionnaires.Remove(await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId));
            return await db.SaveChangesAsync();
        }));
        // Taken out of the campaign, the community is held only by its households.
        await app.WithDbAsync(db => db.CampaignCommunities.Where(c => c.CampaignId == campaignId).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Territories.Remove(await db.Territories.SingleAsync(t => t.Id == place));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(2, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));

        await app.WithDbAsync(async db =>
        {
            db.AssessmentCampaigns.Remove(await db.AssessmentCampaigns.SingleAsync(c => c.Id == campaignId));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Questionnaires.CountAsync(q => q.CampaignId == campaignId)));
    }
}
