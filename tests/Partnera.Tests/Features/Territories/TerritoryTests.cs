using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Territories;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Territories;

public sealed class TerritoryTests(TestApps apps)
{
    private static string Code() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_imports_a_tree_from_csv(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser();
        await client.SignInAsync("admin@partnera.demo");
        var (region, district, community) = (Code(), Code(), Code());
        var csv = $"""
            code,parent_code,level,name,name_uk,name_ru,name_ro,name_en,code_system,population,population_is_estimate,time_zone
            {region},UA,Region,Полтавська область,,Полтавская область,Regiunea Poltava,Poltava region,KATOTTH,1 350 000,true,Europe/Kyiv
            {district},{region},District,Полтавський район,,,,Poltava district,KATOTTH,,,Europe/Kyiv
            {community},{district},Community,Решетилівська громада,,,,Reshetylivka community,KATOTTH,22000,false,Europe/Kyiv
            """;
        var response = await Import(client, csv);
        var page = Pages.Parse(await response.TextAsync());
        Assert.Equal("Imported 3 rows: 3 created, 0 updated.", page.QuerySelector(".alert-success")!.TextContent.Trim());

        var tree = await app.WithDbAsync(db => db.Territories.Where(t => t.Code == region || t.Code == district || t.Code == community).ToListAsync());
        var r = tree.Single(t => t.Code == region);
        var d = tree.Single(t => t.Code == district);
        var c = tree.Single(t => t.Code == community);
        Assert.Equal((TerritoryLevel.Region, "UA"), (r.Level, await app.WithDbAsync(db => db.Territories.Where(t => t.Id == r.ParentId).Select(t => t.Code).SingleAsync())));
        Assert.Equal(r.Id, d.ParentId);
        Assert.Equal(d.Id, c.ParentId);
        Assert.Equal((1_350_000, true), (r.Population!.Value, r.PopulationIsEstimate));
        Assert.Equal("Poltava region", r.Name.Translations["en"]);

        var again = await Import(client, csv.Replace("22000", "23000", StringComparison.Ordinal));
        Assert.Equal("Imported 3 rows: 0 created, 3 updated.", Pages.Parse(await again.TextAsync()).QuerySelector(".alert-success")!.TextContent.Trim());
        Assert.Equal(23000, await app.WithDbAsync(db => db.Territories.Where(t => t.Code == community).Select(t => t.Population).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_import_with_bad_rows_reports_each_by_number_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("uk");
        await client.SignInAsync("admin@partnera.demo");
        var (good, bad1, bad2, bad3) = (Code(), Code(), Code(), Code());
        var csv = $"""
            code,parent_code,level,name,population,time_zone
            {good},UA,Region,Добра область,100,Europe/Kyiv
            {bad1},NOPE,District,Район без батька,,Europe/Kyiv
            {bad2},UA,Kingdom,,-5,Mars/Olympus
            {bad3},{good},Community,Громада не під районом,12x,Europe/Kyiv
            """;
        var page = Pages.Parse(await (await Import(client, csv)).TextAsync());

        var rows = page.QuerySelectorAll("#import-errors tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "parent_code" && r[2].Contains("NOPE", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "level");
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "name" && r[2].Contains("обов'язкове", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "time_zone");
        Assert.Contains(rows, r => r[0] == "5" && r[1] == "population");
        Assert.Contains(rows, r => r[0] == "5" && r[1] == "parent_code");
        Assert.DoesNotContain(rows, r => r[0] == "2");
        Assert.False(await app.WithDbAsync(db => db.Territories.AnyAsync(t => t.Code == good)));
    }

    [Fact]
    public async Task Only_administrators_manage_territories()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var anonymous = await app.Browser().GetAsync("/Territories/Manage/Edit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var staff = app.Browser();
        await staff.SignInAsync("provider@partnera.demo");
        var refused = await staff.GetAsync("/Territories/Manage/Import");
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var api = await staff.PostAsJsonAsync("/api/v1/territories", new { name = "X", level = "Country", timeZone = "Europe/Kyiv" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_validates_the_tree_rules_in_the_users_language(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("ro");
        await client.SignInAsync("admin@partnera.demo");

        var orphan = await client.PostAsJsonAsync("/api/v1/territories", new { name = "Comuna fără raion", level = "Community", timeZone = "Europe/Chisinau" });
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        using var problem = JsonDocument.Parse(await orphan.TextAsync());
        Assert.Contains("Alegeți", problem.RootElement.GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);

        var moldova = await app.WithDbAsync(db => db.Territories.SingleAsync(t => t.Code == "MD"));
        var code = Code();
        var created = await client.PostAsJsonAsync("/api/v1/territories", new { name = "Regiunea de test", level = "Region", parentId = moldova.Id, code, population = 1000, timeZone = "Europe/Chisinau" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var duplicate = await client.PostAsJsonAsync("/api/v1/territories", new { name = "Alta", level = "Region", parentId = moldova.Id, code, timeZone = "Europe/Chisinau" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/territories?parentId={moldova.Id}&size=1000");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        Assert.Equal(100, (await client.GetFromJsonAsync<JsonElement>("/api/v1/territories?size=5000")).GetProperty("size").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Territories_are_found_in_any_script(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var query in new[] { "Straseni", "Strășeni", "Бахмутська", "bakhmutska" })
        {
            var page = await app.Browser().GetPageAsync("/Territories?q=" + Uri.EscapeDataString(query));
            Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
        }
    }

    private static async Task<HttpResponseMessage> Import(HttpClient client, string csv) =>
        await client.SubmitAsync("/Territories/Manage/Import", new Dictionary<string, string[]>(), "main form[method=post]",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("territories.csv", Encoding.UTF8.GetBytes(csv)) });

    [Theory, ClassData(typeof(Databases))]
    public async Task A_territory_in_use_is_not_deleted_and_an_unused_one_is(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("en");
        await client.SignInAsync("admin@partnera.demo");
        var bakhmutDistrict = await app.WithDbAsync(db => db.Territories.Where(t => t.Code == "UA14020000000041591").Select(t => t.Id).SingleAsync());
        var refused = await client.SubmitAsync($"/Territories/Manage/Edit/{bakhmutDistrict}", new Dictionary<string, string[]>(), "#delete-territory");
        Assert.Contains("cannot be deleted", await refused.TextAsync());
        Assert.True(await app.WithDbAsync(db => db.Territories.AnyAsync(t => t.Id == bakhmutDistrict)));

        // A community that an assessment and its households refer to: the database refuses, the page says why.
        var (campaignId, assessed, _) = await Needs.NeedsCampaigns.TestvilleAsync(app);
        await Needs.NeedsCampaigns.HouseholdsAsync(app, campaignId, assessed, [new Partnera.Features.Needs.Answers.Answer { QuestionCode = "B1", OptionCode = "displaced" }]);
        var kept = await client.SubmitAsync($"/Territories/Manage/Edit/{assessed}", new Dictionary<string, string[]>(), "#delete-territory");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Contains("cannot be deleted", await kept.TextAsync());
        Assert.True(await app.WithDbAsync(db => db.Territories.AnyAsync(t => t.Id == assessed)));

        var code = Code();
        var created = await client.PostAsJsonAsync("/api/v1/territories", new { name = "Temporary", level = "Community", parentId = bakhmutDistrict, code, timeZone = "Europe/Kyiv" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var deleted = await client.SubmitAsync($"/Territories/Manage/Edit/{id}", new Dictionary<string, string[]>(), "#delete-territory");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Territories.AnyAsync(t => t.Id == id)));
    }
}
