using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Tallies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class TallyTests(TestApps apps)
{
    private static Answer Option(string question, string option) => new() { QuestionCode = question, OptionCode = option };

    [Theory, ClassData(typeof(Databases))]
    public async Task Tallies_kept_as_households_arrive_equal_a_fresh_count_and_a_failed_save_counts_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("B1", "displaced"), Option("D3", "021.0")], [Option("B1", "displaced"), Option("D3", "015.1")]);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("B1", "older-alone"), Option("D3", "021.0"), Option("D3", "015.1")]);
        var kept = await SnapshotAsync(app, campaignId);
        // Three households; two need respite (021.0); one displaced household needs it.
        Assert.EndsWith(";||=3", kept.Tallies, StringComparison.Ordinal);
        Assert.Contains("D3|021.0|=2", kept.Tallies, StringComparison.Ordinal);
        Assert.Contains("B1|displaced|021.0=1", kept.Pairs, StringComparison.Ordinal);

        // A household that cannot be saved (no such community) leaves the counts as they were.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => NeedsCampaigns.HouseholdsAsync(app, campaignId, Guid.NewGuid(), [Option("D3", "021.0")]));
        Assert.Equal(kept, await SnapshotAsync(app, campaignId));

        await app.WithDbAsync(async db => { await AnswerTallies.RebuildAsync(db, campaignId, default); return 0; });
        Assert.Equal(kept, await SnapshotAsync(app, campaignId));
    }

    private sealed record Snapshot(string Tallies, string Pairs);

    private static Task<Snapshot> SnapshotAsync(PartneraApp app, Guid campaignId) => app.WithDbAsync(async db =>
    {
        var tallies = (await db.AnswerTallies.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync())
            .Select(t => $"{t.QuestionCode}|{t.OptionCode}|={t.Households}").Order(StringComparer.Ordinal);
        var pairs = (await db.AnswerPairTallies.AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync())
            .Select(p => $"{p.GroupQuestion}|{p.GroupOption}|{p.NeedOption}={p.Households}").Order(StringComparer.Ordinal);
        return new Snapshot(string.Join(";", tallies), string.Join(";", pairs));
    });
}
