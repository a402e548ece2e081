using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class RegistryTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Registry_counts_are_typed_per_community_and_group_and_bad_cells_are_named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaign, soledar) = await app.WithDbAsync(async db => (
            await db.AssessmentCampaigns.Where(c => c.Title.Value.StartsWith("Оцінювання потреб у соціальних послугах громад")).Select(c => c.Id).SingleAsync(),
            await db.Territories.Where(t => t.Code == "UA14020110000095283").Select(t => t.Id).SingleAsync()));
        var staff = app.Browser("uk");
        await staff.SignInAsync("provider@partnera.demo");
        const string asOf = "2026-01-01";
        var url = $"/Needs/Registry/{campaign}?asOf={asOf}";
        var idp = $"Counts[{RegistryModel.Key(soledar, TargetGroup.InternallyDisplaced)}]";
        var older = $"Counts[{RegistryModel.Key(soledar, TargetGroup.OlderPeople)}]";

        var refused = Pages.Parse(await (await staff.SubmitAsync(url, new Dictionary<string, string[]> { [idp] = ["1 200"], [older] = ["-5"] }, "#registry-form")).TextAsync());
        var errors = refused.QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("Соледарська міська громада, Внутрішньо переміщені особи: введіть ціле число", errors, StringComparison.Ordinal);
        Assert.Contains("Особи похилого віку", errors, StringComparison.Ordinal);
        // More people than live there is a slip, not a figure.
        var tooMany = Pages.Parse(await (await staff.SubmitAsync(url, new Dictionary<string, string[]> { [older] = ["900000"] }, "#registry-form")).TextAsync());
        Assert.Contains("Соледарська міська громада, Особи похилого віку: 900", tooMany.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("більше, ніж живе в громаді", tooMany.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);

        var saved = await staff.SubmitAsync(url, new Dictionary<string, string[]> { [idp] = ["1200"], [older] = ["830"], ["Source"] = ["Реєстр ВПО"] }, "#registry-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var counts = await app.WithDbAsync(db => db.RegistryCounts.Where(c => c.TerritoryId == soledar && c.AsOf == DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(c => c.People).Select(c => new { c.Group, c.People, c.Source }).ToListAsync());
        Assert.Equal([(TargetGroup.OlderPeople, 830), (TargetGroup.InternallyDisplaced, 1200)], counts.Select(c => (c.Group, c.People)));
        Assert.All(counts, c => Assert.Equal("Реєстр ВПО", c.Source));

        // Emptying a cell removes its figure; the others stay as typed.
        var page = await staff.GetPageAsync(url);
        Assert.Equal("830", page.QuerySelector($"input[name='{older}']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(url, new Dictionary<string, string[]> { [older] = [""] }, "#registry-form")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.RegistryCounts.CountAsync(c => c.TerritoryId == soledar && c.AsOf == DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Registry_counts_import_from_a_file_all_or_nothing_with_every_bad_row_named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, communities) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000", "8601000");
        var staff = app.Browser("en");
        await staff.SignInAsync("cso@partnera.demo");
        const string asOf = "2024-01-01";
        var url = $"/Needs/Registry/{campaignId}?asOf={asOf}";
        async Task<AngleSharp.Html.Dom.IHtmlDocument> ImportAsync(string csv) => Pages.Parse(await (await staff.SubmitAsync(url, new Dictionary<string, string[]>(),
            "#registry-import-form", files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("registry.csv", System.Text.Encoding.UTF8.GetBytes(csv)) })).TextAsync());

        var refused = await ImportAsync("community;group;people\n1701000;Persoane vârstnice;5400\nGlodeni;OlderPeople;100\nStrășeni;pensioners;many\nStrășeni;OlderPeople;900000\n");
        var errors = refused.QuerySelectorAll("#registry-import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["3", "community"], ["4", "group"], ["4", "people"], ["5", "people"]], errors.Select(e => e[..2]));
        Assert.Contains("more than live in the community", errors[3][2], StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.RegistryCounts.AnyAsync(c => communities.Contains(c.TerritoryId) && c.AsOf == new DateOnly(2024, 1, 1))));

        var done = await ImportAsync("community,group,people,source\nMunicipiul Cahul,Persoane vârstnice,5400,ANAS\nStrășeni,Особи з інвалідністю,1 080,ANAS\n");
        Assert.Equal("Counts saved: 2 new, 0 replaced.", done.QuerySelector("#registry-imported")!.TextContent.Trim());
        var counts = await app.WithDbAsync(db => db.RegistryCounts.Where(c => communities.Contains(c.TerritoryId) && c.AsOf == new DateOnly(2024, 1, 1))
            .OrderBy(c => c.People).Select(c => new { c.TerritoryId, c.Group, c.People, c.Source }).ToListAsync());
        Assert.Equal([(communities[1], TargetGroup.PeopleWithDisabilities, 1080), (communities[0], TargetGroup.OlderPeople, 5400)],
            counts.Select(c => (c.TerritoryId, c.Group, c.People)));
        Assert.All(counts, c => Assert.Equal("ANAS", c.Source));
    }

    [Fact]
    public async Task Only_the_working_group_and_those_who_run_campaigns_type_registry_counts()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var campaign = await app.WithDbAsync(db => db.AssessmentCampaigns.Where(c => c.Title.Value.StartsWith("Оцінювання потреб у соціальних послугах громад")).Select(c => c.Id).SingleAsync());
        var cso = app.Browser();
        await cso.SignInAsync("cso@partnera.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await cso.GetAsync($"/Needs/Registry/{campaign}")).StatusCode);
        var specialist = app.Browser();
        await specialist.SignInAsync("specialist@partnera.demo");
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/Needs/Registry/{campaign}")).StatusCode);
    }
}
