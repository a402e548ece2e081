using System.Net;
using Partnera.Data;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

/// <summary>
/// The campaign list offers each reader only the pages they may open: those who run campaigns but are outside a
/// campaign's working group get no links to its households' pages, and opening one anyway says it is about rights.
/// </summary>
public sealed class CampaignListAccessTests(TestApps apps)
{
    private static readonly string[] WorkingGroupPages = ["Entry", "Households", "Import", "Ranking"];

    [Theory, ClassData(typeof(Databases))]
    public async Task Outside_the_working_group_the_list_offers_no_page_that_would_refuse_and_a_refusal_is_about_rights(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, _) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000");
        // First in the list (newest period first), whatever other tests have added.
        await app.WithDbAsync(async db =>
        {
            var campaign = await db.AssessmentCampaigns.FindAsync(campaignId);
            campaign!.PeriodStarts = new DateOnly(2099, 1, 1);
            campaign.PeriodEnds = new DateOnly(2099, 12, 31);
            return await db.SaveChangesAsync();
        });

        foreach (var email in new[] { "specialist@partnera.demo", "admin@partnera.demo" })
        {
            var outsider = app.Browser("en");
            await outsider.SignInAsync(email);
            var list = await outsider.GetPageAsync("/Needs");
            var item = list.QuerySelectorAll("#campaigns li").Single(li => li.QuerySelector($"a[href='/Needs/Campaign/{campaignId}']") is not null);
            // Every link offered opens.
            foreach (var href in item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!))
            {
                var response = await outsider.GetAsync(href);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {href} gives {(int)response.StatusCode}");
            }
            foreach (var page in WorkingGroupPages) Assert.Null(item.QuerySelector($"a[href='/Needs/{page}/{campaignId}']"));
            Assert.NotNull(item.QuerySelector(".not-in-group"));

            // Typed in anyway: a refusal about rights, with status 403, not "not found".
            foreach (var page in WorkingGroupPages)
            {
                var refused = await outsider.GetAsync($"/Needs/{page}/{campaignId}");
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                var reason = await outsider.GetPageAsync(refused.Headers.Location!.OriginalString, HttpStatusCode.Forbidden);
                Assert.Contains("only the organisations of the campaign's working group may read", reason.QuerySelector("#refusal-reason")!.TextContent, StringComparison.Ordinal);
            }
        }

        // In the working group, the same links are offered and open.
        var member = app.Browser("en");
        await member.SignInAsync("cso@partnera.demo");
        var own = (await member.GetPageAsync("/Needs")).QuerySelectorAll("#campaigns li")
            .Single(li => li.QuerySelector($"a[href='/Needs/Entry/{campaignId}']") is not null);
        Assert.Null(own.QuerySelector(".not-in-group"));
        foreach (var page in WorkingGroupPages) await member.GetPageAsync($"/Needs/{page}/{campaignId}");

        // Someone who does not see the campaign at all learns nothing of it.
        var stranger = app.Browser("en");
        await stranger.SignInAsync("provider@partnera.demo");
        foreach (var page in WorkingGroupPages)
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Needs/{page}/{campaignId}")).StatusCode);

        // The refusal is localised.
        var uk = app.Browser("uk");
        await uk.SignInAsync("specialist@partnera.demo");
        var ukReason = await uk.GetPageAsync("/Account/AccessDenied?reason=working-group", HttpStatusCode.Forbidden);
        Assert.Contains("робочої групи", ukReason.QuerySelector("#refusal-reason")!.TextContent, StringComparison.Ordinal);
    }
}
