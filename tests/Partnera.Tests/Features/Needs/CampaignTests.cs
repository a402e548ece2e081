using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class CampaignTests(TestApps apps)
{
    private const string TogetherCampaign = "Оцінювання потреб у соціальних послугах громад проєкту «Спільно», 2026–2028";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_specialist_opens_a_campaign_after_fixing_errors_and_the_working_group_sees_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var specialist = app.Browser("uk");
        await specialist.SignInAsync("specialist@partnera.demo");
        var form = await specialist.GetPageAsync("/Needs/Campaign");
        // Ukrainian practice is the starting point: data gathered from 1 January to 15 June.
        var year = DateOnly.Parse(form.QuerySelector("#Input_PeriodStarts")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture).Year;
        Assert.Equal($"{year}-01-01", form.QuerySelector("#Input_CollectionStarts")!.GetAttribute("value"));
        Assert.Equal($"{year}-06-15", form.QuerySelector("#Input_CollectionEnds")!.GetAttribute("value"));

        var ids = await app.WithDbAsync(async db => new
        {
            Soledar = await db.Territories.Where(t => t.Code == "UA14020110000095283").Select(t => t.Id).SingleAsync(),
            District = await db.Territories.Where(t => t.Code == "UA14020000000041591").Select(t => t.Id).SingleAsync(),
            Council = await db.Organisations.Where(o => o.Name.Value == "Бахмутська міська рада").Select(o => o.Id).SingleAsync(),
            Keystone = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync(),
        });
        var title = "Оцінювання потреб Соледар " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string[]>
        {
            ["Input.Title"] = [title],
            ["Input.CollectionStarts"] = [$"{year}-06-15"],
            ["Input.CollectionEnds"] = [$"{year}-01-01"],
            ["Input.CommunityIds"] = [ids.District.ToString()],
            ["Input.WorkingGroupIds"] = [ids.Council.ToString(), ids.Keystone.ToString()],
        };
        var invalid = await specialist.SubmitAsync("/Needs/Campaign", fields, "#campaign-form");
        var errors = string.Join(" | ", Pages.Parse(await invalid.TextAsync()).FieldErrors());
        Assert.Contains("Дата завершення не може бути раніше", errors, StringComparison.Ordinal);
        Assert.Contains("Оберіть лише громади", errors, StringComparison.Ordinal);

        fields["Input.CollectionStarts"] = [$"{year}-01-01"];
        fields["Input.CollectionEnds"] = [$"{year}-06-15"];
        fields["Input.CommunityIds"] = [ids.Soledar.ToString()];
        var saved = await specialist.SubmitAsync("/Needs/Campaign", fields, "#campaign-form");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Pages.Parse(await saved.TextAsync()).FieldErrors()));

        var campaign = await app.WithDbAsync(db => db.AssessmentCampaigns.Include(c => c.Communities).Include(c => c.WorkingGroup).SingleAsync(c => c.Title.Value == title));
        Assert.Equal([ids.Soledar], campaign.Communities.Select(c => c.TerritoryId));
        Assert.Equal(2, campaign.WorkingGroup.Count);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"AssessmentCampaign:{campaign.Id}")));

        // Keystone is in the working group: its leader sees the campaign, not the "Together" one they are not part of.
        var cso = app.Browser("uk");
        await cso.SignInAsync("cso@partnera.demo");
        var list = (await cso.GetPageAsync("/Needs")).QuerySelector("#campaigns")!.TextContent;
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("Соледарська міська громада", list, StringComparison.Ordinal);
        Assert.DoesNotContain(TogetherCampaign, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_and_authority_specialists_open_campaigns()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var provider = app.Browser("uk");
        await provider.SignInAsync("provider@partnera.demo");
        var denied = await provider.GetAsync("/Needs/Campaign");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The Bakhmut centre is in the "Together" working group: its staff see that campaign without being able to change it.
        var list = await provider.GetPageAsync("/Needs");
        Assert.Contains(TogetherCampaign, list.QuerySelector("#campaigns")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.QuerySelectorAll("#campaigns a[href^='/Needs/Campaign']"));
        Assert.StartsWith("/Account/Login", (await app.Browser().GetAsync("/Needs")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
