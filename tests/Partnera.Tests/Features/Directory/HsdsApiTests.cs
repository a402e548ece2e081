using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class HsdsApiTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Every_endpoint_answers_in_the_official_HSDS_shape(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();
        async Task<JsonNode> Get(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        async Task Page(string url, string itemFile, params string[] nested)
        {
            var page = await Get(url);
            HsdsSchemas.AssertValid(await HsdsSchemas.Page(), page.ToJsonString(), url);
            var schema = nested.Length == 0 ? await HsdsSchemas.File(itemFile) : await HsdsSchemas.Nested(itemFile, nested);
            var contents = page["contents"]!.AsArray();
            Assert.NotEmpty(contents);
            foreach (var item in contents) HsdsSchemas.AssertValid(schema, item!.ToJsonString(), url);
        }

        Assert.Equal("3.0", (await Get("/api/hsds/"))["version"]!.GetValue<string>());
        await Page("/api/hsds/services", "service_list.json");
        await Page("/api/hsds/services?full=true&per_page=20", "service.json");
        await Page("/api/hsds/organizations?per_page=100", "organization_list.json");
        await Page("/api/hsds/taxonomies", "service.json", "attributes", "taxonomy_term", "taxonomy_detail");
        await Page("/api/hsds/taxonomy_terms?per_page=200", "service.json", "attributes", "taxonomy_term");
        await Page("/api/hsds/service_at_locations", "service_at_location_list.json");

        var ids = await app.WithDbAsync(async db => new
        {
            Services = await db.Services.Select(s => s.Id).ToListAsync(),
            Organisations = await db.Services.Select(s => s.OrganisationId).Distinct().ToListAsync(),
            At = await db.ServiceAtLocations.Select(s => s.Id).ToListAsync(),
            Taxonomy = await db.Taxonomies.Select(t => t.Id).FirstAsync(),
            Term = await db.TaxonomyTerms.Select(t => t.Id).FirstAsync(),
        });
        Assert.True(ids.Services.Count >= 10);
        foreach (var id in ids.Services) HsdsSchemas.AssertValid(await HsdsSchemas.File("service.json"), (await Get($"/api/hsds/services/{id}")).ToJsonString(), $"service {id}");
        foreach (var id in ids.Organisations) HsdsSchemas.AssertValid(await HsdsSchemas.File("organization.json"), (await Get($"/api/hsds/organizations/{id}")).ToJsonString(), $"organization {id}");
        foreach (var id in ids.At) HsdsSchemas.AssertValid(await HsdsSchemas.File("service_at_location.json"), (await Get($"/api/hsds/service_at_locations/{id}")).ToJsonString(), $"service_at_location {id}");
        HsdsSchemas.AssertValid(await HsdsSchemas.Nested("service.json", "attributes", "taxonomy_term", "taxonomy_detail"), (await Get($"/api/hsds/taxonomies/{ids.Taxonomy}")).ToJsonString(), "taxonomy");
        HsdsSchemas.AssertValid(await HsdsSchemas.Nested("service.json", "attributes", "taxonomy_term"), (await Get($"/api/hsds/taxonomy_terms/{ids.Term}")).ToJsonString(), "term");
    }

    [Fact]
    public async Task A_full_service_carries_its_categories_partnera_fields_and_schedule()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var id = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == "Услуги почасового ухода").Select(s => s.Id).SingleAsync());
        var service = JsonNode.Parse(await app.CreateClient().GetStringAsync($"/api/hsds/services/{id}"))!;

        Assert.Equal("active", service["status"]!.GetValue<string>());
        var attributes = service["attributes"]!.AsArray().Select(a => (Code: a!["taxonomy_term"]!["code"]!.GetValue<string>(), Value: a["value"]?.GetValue<string>())).ToList();
        Assert.True(attributes.Contains(("BY-03", null)), string.Join(" | ", attributes));
        Assert.True(attributes.Contains(("capacity", "160")), string.Join(" | ", attributes));
        Assert.True(attributes.Contains(("occupancy", "151")), string.Join(" | ", attributes));
        Assert.True(attributes.Contains(("unit-cost", "1900 BYN")), string.Join(" | ", attributes));
        Assert.True(attributes.Contains(("target-group:OlderPeople", null)), string.Join(" | ", attributes));
        var schedules = service["schedules"]!.AsArray().Select(s => $"{s!["byday"]} {s["opens_at"]}-{s["closes_at"]}").Order().ToList();
        Assert.Equal(["MO,TU,WE,TH,FR 08:30-13:00", "MO,TU,WE,TH,FR 14:00-17:30"], schedules);
        var address = service["service_at_locations"]![0]!["location"]!["addresses"]![0]!;
        Assert.Equal(("пл. Свободы, 2", "222357", "BY"), (address["address_1"]!.GetValue<string>(), address["postal_code"]!.GetValue<string>(), address["country"]!.GetValue<string>()));
        Assert.Equal("ТЦСОН Воложинского района", service["organization"]!["alternate_name"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Services_are_filtered_by_term_taxonomy_organisation_text_and_date(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();
        async Task<List<string>> Names(string query)
        {
            var page = JsonNode.Parse(await client.GetStringAsync("/api/hsds/services?per_page=200&" + query))!;
            return page["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        }
        var familySupport = ShippedTaxonomies.TermId("ua-social-services-2020", "009.0");
        Assert.Equal(["Соціальний супровід сімей у складних життєвих обставинах"], await Names($"taxonomy_term_id={familySupport}"));
        var moldova = ShippedTaxonomies.TaxonomyId("md-social-services");
        Assert.Equal(3, (await Names($"taxonomy_id={moldova}")).Count);
        var valozhyn = await app.WithDbAsync(db => db.Organisations.Where(o => o.PostalCode == "222357").Select(o => o.Id).SingleAsync());
        Assert.Equal(3, (await Names($"organization_id={valozhyn}")).Count);
        Assert.Equal(["Кризисная комната"], await Names("search=" + Uri.EscapeDataString("кризисная")));
        Assert.Equal(["Serviciul social „Locuința protejată”"], await Names("search=locuinta%20protejata"));
        Assert.Empty(await Names("modified_after=2999-01-01T00:00:00Z"));
        Assert.True((await Names("modified_after=2000-01-01T00:00:00Z")).Count >= 10);

        var minimal = JsonNode.Parse(await client.GetStringAsync("/api/hsds/services?minimal=true"))!["contents"]![0]!.AsObject();
        Assert.Equal(["id", "last_modified"], minimal.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Paging_edges_get_a_clear_answer()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");

        var zero = await client.GetAsync("/api/hsds/services?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("application/problem+json", zero.Content.Headers.ContentType!.MediaType);
        Assert.Contains("починаються з 1", JsonNode.Parse(await zero.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/hsds/taxonomy_terms?per_page=-3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/hsds/services?page=abc")).StatusCode);

        var huge = JsonNode.Parse(await client.GetStringAsync("/api/hsds/taxonomy_terms?per_page=100000"))!;
        Assert.Equal(Math.Min(200, huge["total_items"]!.GetValue<int>()), huge["size"]!.GetValue<int>());

        var first = JsonNode.Parse(await client.GetStringAsync("/api/hsds/taxonomy_terms?per_page=10"))!;
        Assert.True(first["first_page"]!.GetValue<bool>());
        Assert.False(first["last_page"]!.GetValue<bool>());
        var pages = first["total_pages"]!.GetValue<int>();
        var last = JsonNode.Parse(await client.GetStringAsync($"/api/hsds/taxonomy_terms?per_page=10&page={pages}"))!;
        Assert.True(last["last_page"]!.GetValue<bool>());
        Assert.False(last["empty"]!.GetValue<bool>());
        var past = JsonNode.Parse(await client.GetStringAsync($"/api/hsds/taxonomy_terms?per_page=10&page={pages + 5}"))!;
        Assert.True(past["empty"]!.GetValue<bool>());
        Assert.Empty(past["contents"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/hsds/services/{Guid.NewGuid()}")).StatusCode);
    }
}
