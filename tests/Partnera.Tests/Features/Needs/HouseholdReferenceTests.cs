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

    private static HouseholdResponse Household(Guid campaign, Guid versionId, Guid community) => AnswerForm.Record(campaign, new() { Id = versionId },
        new HouseholdInput { CommunityId = community, Anonymous = true }, [.. Displaced], ResponseSource.Staff, DateTime.UtcNow, "test");

    /// <summary>
    /// The writer locks the campaign row until it commits, as a foreign key would: a delete of the campaign meanwhile
    /// waits, then takes the new households with it instead of leaving them without a campaign.
    /// </summary>
    [Fact]
    public async Task A_campaign_deleted_while_households_are_written_to_it_waits_and_deletes_them_too()
    {
        var app = await apps.GetAsync(DatabaseProvider.Postgres);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        var (written, commit) = (new TaskCompletionSource(), new TaskCompletionSource());
        var writing = app.WithDbAsync(async db =>
        {
            var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, [Household(campaignId, version.Id, place)], default);
            written.SetResult();
            await commit.Task;
            await transaction.CommitAsync();
            return 0;
        });
        await written.Task;
        var deleting = app.WithDbAsync(db => db.AssessmentCampaigns.Where(c => c.Id == campaignId).ExecuteDeleteAsync());
        for (var tries = 0; tries < 100 && !deleting.IsCompleted && !await DeleteWaitsForLockAsync(app); tries++) await Task.Delay(100);
        Assert.False(deleting.IsCompleted);
        commit.SetResult();
        await writing;
        Assert.Equal(1, await deleting);
        Assert.Equal(0, await app.WithDbAsync(db => db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId)));
    }

    private static async Task<bool> DeleteWaitsForLockAsync(PartneraApp app) => await app.WithDbAsync(db => db.Database
        .SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM "AssessmentCampaigns"%'""")
        .SingleAsync()) > 0;

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
