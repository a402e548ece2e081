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
