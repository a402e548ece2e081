using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Directory.Hsds;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class ImportTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_services(DatabaseProvider provider)
    {
        var source = await apps.GetAsync(provider);
        var exported = await source.CreateClient().GetByteArrayAsync("/api/hsds/export.json");
        await using var target = await apps.NewAppAsync(provider, new Dictionary<string, string?> { ["DemoData:Seed"] = "false" });
        Assert.Equal(0, await target.WithDbAsync(db => db.Services.CountAsync()));

        var report = await ImportAsync(target, i => i.ImportJsonAsync(new MemoryStream(exported), null, CancellationToken.None));
        Assert.True(report.Saved, string.Join("; ", report.Errors.Select(e => $"{e.Row} {e.Field} {e.Message}")));

        var again = await target.CreateClient().GetByteArrayAsync("/api/hsds/export.json");
        AssertSameServices(exported, again);
    }

    [Fact]
    public async Task The_tabular_package_round_trips_too()
    {
        // Its own app: the package and the JSON are two exports, and the shared app gains services from other tests between them.
        await using var source = await apps.NewAppAsync(DatabaseProvider.Sqlite);
        var package = await source.CreateClient().GetByteArrayAsync("/api/hsds/export.zip");
        var exported = await source.CreateClient().GetByteArrayAsync("/api/hsds/export.json");
        await using var target = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["DemoData:Seed"] = "false" });

        var report = await ImportAsync(target, i => i.ImportPackageAsync(new MemoryStream(package), null, CancellationToken.None));
        Assert.True(report.Saved, string.Join("; ", report.Errors.Select(e => $"{e.Row} {e.Field} {e.Message}")));
        AssertSameServices(exported, await target.CreateClient().GetByteArrayAsync("/api/hsds/export.json"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_bad_record_is_reported_by_number_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync());
        var good = Guid.NewGuid();
        var json = $$"""
            [
              { "id": "{{good}}", "name": "Good service", "status": "active" },
              { "id": "{{Guid.NewGuid()}}", "status": "sometimes", "phones": [ { "id": "{{Guid.NewGuid()}}" } ] },
              { "name": "Third", "minimum_age": "young", "languages": [ { "id": "{{Guid.NewGuid()}}", "code": "Ukrainian!" } ],
                "attributes": [ { "id": "{{Guid.NewGuid()}}", "taxonomy_term_id": "{{Guid.NewGuid()}}", "link_type": "service", "link_entity": "service" } ] }
            ]
            """;
        var staff = app.Browser("uk");
        await staff.SignInAsync("provider@partnera.demo");
        var response = await staff.SubmitAsync($"/Directory/Manage/Import?organisationId={organisation}", new Dictionary<string, string[]>(), "#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("services.json", Encoding.UTF8.GetBytes(json)) });
        var rows = Pages.Parse(await response.TextAsync()).QuerySelectorAll("#import-errors tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "2" && r[1] == "name");
        Assert.Contains(rows, r => r[0] == "2" && r[1] == "status" && r[2].Contains("sometimes", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == "2" && r[1] == "phones[0].number");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "minimum_age");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "languages[0].code");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "attributes[0].taxonomy_term_id");
        Assert.DoesNotContain(rows, r => r[0] == "1");
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Id == good)));

        var broken = await staff.SubmitAsync($"/Directory/Manage/Import?organisationId={organisation}", new Dictionary<string, string[]>(), "#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("broken.json", Encoding.UTF8.GetBytes("[{ \"name\": ")) });
        Assert.Contains("не є коректним JSON", await broken.TextAsync());
    }

    [Fact]
    public async Task Staff_import_their_services_and_residents_find_them()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync());
        var name = "Psychological first aid " + Guid.NewGuid().ToString("N")[..6];
        var term = ShippedTaxonomies.TermId("ua-social-services-2020", "013.0");
        var json = $$"""
            [{ "id": "{{Guid.NewGuid()}}", "name": "{{name}}", "status": "active", "description": "Crisis counselling by phone",
               "attributes": [ { "id": "{{Guid.NewGuid()}}", "taxonomy_term_id": "{{term}}", "link_type": "service", "link_entity": "service" } ],
               "schedules": [ { "id": "{{Guid.NewGuid()}}", "byday": "MO,WE,FR", "opens_at": "10:00", "closes_at": "16:00" } ] }]
            """;
        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");
        var response = await staff.SubmitAsync($"/Directory/Manage/Import?organisationId={organisation}", new Dictionary<string, string[]>(), "#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("services.json", Encoding.UTF8.GetBytes(json)) });
        Assert.NotNull(Pages.Parse(await response.TextAsync()).QuerySelector("#import-done"));
        var found = await app.Browser().GetPageAsync($"/Directory?category={term}&q=" + Uri.EscapeDataString("psychological first aid"));
        Assert.Contains(name, found.QuerySelector("#results")!.TextContent);
    }

    private static async Task<Partnera.Infrastructure.Csv.ImportReport> ImportAsync(PartneraApp app, Func<HsdsImport, Task<Partnera.Infrastructure.Csv.ImportReport>> import)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await import(scope.ServiceProvider.GetRequiredService<HsdsImport>());
    }

    // The same services with the same nested records (ids included); the change history and the organisation's own
    // contact details are the target's own and are left out.
    private static void AssertSameServices(byte[] expected, byte[] actual)
    {
        static SortedDictionary<string, string> Services(byte[] json) => new(JsonNode.Parse(json)!.AsArray().ToDictionary(
            s => s!["id"]!.GetValue<string>(),
            s =>
            {
                var copy = s!.DeepClone().AsObject();
                copy.Remove("metadata");
                var organisation = copy["organization"]!.AsObject();
                copy["organization"] = organisation["name"]!.DeepClone();
                return Normalise(copy).ToJsonString();
            }));
        var before = Services(expected);
        var after = Services(actual);
        Assert.True(before.Count >= 10, $"only {before.Count} services exported");
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (id, json) in before) Assert.Equal(json, after[id]);
    }

    private static JsonNode Normalise(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Normalise(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(x => x is null ? null : Normalise(x)).OrderBy(x => x?["id"]?.ToJsonString() ?? x?.ToJsonString(), StringComparer.Ordinal)]),
        _ => node.DeepClone(),
    };
}
