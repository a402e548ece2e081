using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class ManageServicesTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_a_service_after_fixing_errors_and_residents_find_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var staff = app.Browser("uk");
        await staff.SignInAsync("provider@partnera.demo");
        var dashboard = await staff.GetPageAsync("/Directory/Manage");
        var addUrl = dashboard.QuerySelector("main a[href^='/Directory/Manage/Service?organisationId=']")!.GetAttribute("href")!;
        var (homeCare, bakhmut) = await app.WithDbAsync(async db => (
            ShippedTaxonomies.TermId("ua-social-services-2020", "015.1"),
            await db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync()));
        var name = "Догляд вдома для ветеранів " + Guid.NewGuid().ToString("N")[..5];
        var fields = new Dictionary<string, string[]>
        {
            ["Input.Name"] = [name],
            ["Input.TermIds"] = [homeCare.ToString()],
            ["Input.TargetGroups"] = ["Veterans", "OlderPeople"],
            ["Input.AreaTerritoryIds"] = [bakhmut.ToString()],
            ["Input.Languages"] = ["uk"],
            ["Input.Capacity"] = ["10"],
            ["Input.Occupancy"] = ["12"],
            ["Input.UnitCost"] = ["21000"],
            ["Input.WorkingHours[0].Opens"] = ["18:00"],
            ["Input.WorkingHours[0].Closes"] = ["09:00"],
        };
        var invalid = await staff.SubmitAsync(addUrl, fields, "#service-form");
        var errors = string.Join(" | ", Pages.Parse(await invalid.TextAsync()).FieldErrors());
        Assert.Contains("Зайнято більше місць", errors, StringComparison.Ordinal);
        Assert.Contains("Вкажіть валюту", errors, StringComparison.Ordinal);
        Assert.Contains("початок раніше", errors, StringComparison.Ordinal);
        // Neither the service nor the Bakhmut centre gives a phone, e-mail or site.
        Assert.Contains("Вкажіть телефон, e-mail або сайт", errors, StringComparison.Ordinal);

        fields["Input.Occupancy"] = ["7"];
        fields["Input.Phone"] = ["+380 627 40 11 22"];
        fields["Input.UnitCostCurrency"] = ["uah"];
        for (var day = 0; day < 5; day++)
        {
            fields[$"Input.WorkingHours[{day}].Opens"] = ["08:00"];
            fields[$"Input.WorkingHours[{day}].Closes"] = ["17:00"];
            fields[$"Input.WorkingHours[{day}].BreakStarts"] = ["12:00"];
            fields[$"Input.WorkingHours[{day}].BreakEnds"] = ["13:00"];
        }
        var saved = await staff.SubmitAsync(addUrl, fields, "#service-form");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Pages.Parse(await saved.TextAsync()).FieldErrors()));

        var service = await app.WithDbAsync(db => db.Services.Include(s => s.Schedules).SingleAsync(s => s.Name.Value == name));
        Assert.Equal(("UAH", "Europe/Kyiv"), (service.UnitCostCurrency, service.TimeZone));
        Assert.Equal(["MO,TU,WE,TH,FR 08:00-12:00", "MO,TU,WE,TH,FR 13:00-17:00"],
            service.Schedules.Select(s => $"{s.ByDay} {s.OpensAt:HH\\:mm}-{s.ClosesAt:HH\\:mm}").Order());
        Assert.NotNull(service.LastVerifiedAt);

        var found = await app.Browser("en").GetPageAsync("/Directory?q=" + Uri.EscapeDataString("veteraniv Bahmut"));
        Assert.Contains(name, found.QuerySelector("#results")!.TextContent);
        var hsds = JsonNode.Parse(await app.CreateClient().GetStringAsync($"/api/hsds/services/{service.Id}"))!;
        HsdsSchemas.AssertValid(await HsdsSchemas.File("service.json"), hsds.ToJsonString(), "edited service");
        Assert.Contains(hsds["metadata"]!.AsArray(), m => m!["field_name"]!.GetValue<string>() == "Name.Value" && m["replacement_value"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task Stale_services_are_flagged_on_the_dashboard_until_staff_confirm_them()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");
        // A service of the staff member's own organisation, last confirmed fourteen months ago (its own record, so other tests are not affected).
        var stale = await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync();
            var service = new Service { OrganisationId = organisation, Name = new("Stale " + Guid.NewGuid().ToString("N")[..6]), LastVerifiedAt = DateTime.UtcNow.AddMonths(-14) };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        var before = await staff.GetPageAsync("/Directory/Manage");
        Assert.Contains(before.QuerySelectorAll("#my-services tr"), r => r.TextContent.Contains("Stale", StringComparison.Ordinal) && r.QuerySelector(".badge") is not null);
        Assert.NotNull((await app.Browser().GetPageAsync($"/Directory/Service/{stale}")).QuerySelector("#not-verified"));

        var confirmed = await staff.SubmitAsync("/Directory/Manage", new Dictionary<string, string[]> { ["serviceId"] = [stale.ToString()] },
            $"form[action*='Confirm']:has(input[value='{stale}'])");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await staff.GetPageAsync("/Directory/Manage");
        Assert.DoesNotContain(after.QuerySelectorAll("#my-services tr"), r => r.TextContent.Contains("Stale", StringComparison.Ordinal) && r.QuerySelector(".badge") is not null);
        Assert.Null((await app.Browser().GetPageAsync($"/Directory/Service/{stale}")).QuerySelector("#not-verified"));
    }

    [Fact]
    public async Task Staff_cannot_change_another_organisations_services()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var staff = app.Browser();
        await staff.SignInAsync("provider@partnera.demo");
        var (foreign, foreignOrg) = await app.WithDbAsync(async db =>
        {
            var s = await db.Services.Where(x => x.Name.Value == "Echipa mobilă").Select(x => new { x.Id, x.OrganisationId }).SingleAsync();
            return (s.Id, s.OrganisationId);
        });
        Assert.StartsWith("/Account/AccessDenied", (await staff.GetAsync($"/Directory/Manage/Service/{foreign}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", (await staff.GetAsync($"/Directory/Manage/Service?organisationId={foreignOrg}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var own = await staff.GetPageAsync($"/Directory/Manage?organisationId={foreignOrg}");
        Assert.DoesNotContain("Echipa mobilă", own.QuerySelector("main")!.TextContent);
        var anonymous = await app.Browser().GetAsync("/Directory/Manage");
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_place_sets_the_time_zone_of_the_services_delivered_there()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var (shchuchynTcson, shchuchyn) = await app.WithDbAsync(async db => (
            await db.Organisations.Where(o => o.ShortName == "ТЦСОН Щучинского района").Select(o => o.Id).SingleAsync(),
            await db.Territories.Where(t => t.Code == "4258501000").Select(t => t.Id).SingleAsync()));
        var place = await admin.SubmitAsync($"/Directory/Manage/Location?organisationId={shchuchynTcson}", ("Input.Name", "ТЦСОН Щучин"),
            ("Input.TerritoryId", shchuchyn.ToString()), ("Input.Address1", "ул. Ленина, 1"), ("Input.City", "Щучин"), ("Input.Country", "by"));
        Assert.Equal(HttpStatusCode.Redirect, place.StatusCode);
        var location = await app.WithDbAsync(db => db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Name.Value == "ТЦСОН Щучин"));
        Assert.Equal("BY", location.Addresses.Single().Country);
        var saved = await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={shchuchynTcson}", ("Input.Name", "Социальный патронат Щучин"),
            ("Input.LocationId", location.Id.ToString()), ("Input.Email", "patronat@shchuchyn.example"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Europe/Minsk", await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == "Социальный патронат Щучин").Select(s => s.TimeZone).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_service_needs_a_way_to_reach_it_its_own_or_its_places_or_its_organisations(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = app.Browser("en");
        await admin.SignInAsync("admin@partnera.demo");
        var (centre, department) = await app.WithDbAsync(async db => (
            await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Hotline == "0 800 503 508").Select(o => o.Id).SingleAsync()));
        var name = "Reachable " + Guid.NewGuid().ToString("N")[..8];

        var refused = await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={centre}", ("Input.Name", name));
        var field = Pages.Parse(await refused.TextAsync()).QuerySelector("[data-valmsg-for='Input.Phone']")!.TextContent;
        Assert.Contains("Give a phone, e-mail or website, or choose a place or an organisation that has one", field, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Services.AnyAsync(s => s.Name.Value == name)));

        var romanian = app.Browser("ro");
        await romanian.SignInAsync("admin@partnera.demo");
        var ro = await romanian.SubmitAsync($"/Directory/Manage/Service?organisationId={centre}", ("Input.Name", name));
        Assert.Contains("Indicați un telefon, un e-mail sau un site", string.Join(" | ", Pages.Parse(await ro.TextAsync()).FieldErrors()), StringComparison.Ordinal);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={centre}", ("Input.Name", name), ("Input.Url", "https://bakhmut.example/help"))).StatusCode);
        // The Zaporizhzhia department has a hotline: its services may leave their own contacts empty.
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={department}", ("Input.Name", name + " ZP"))).StatusCode);
    }

    [Fact]
    public async Task Every_phone_of_a_service_survives_an_edit_of_something_else()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ТЦСОН Щучинского района").Select(o => o.Id).SingleAsync());
        var name = "Патронаж " + Guid.NewGuid().ToString("N")[..8];
        var added = await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={organisation}", ("Input.Name", name),
            ("Input.Phone", "+375 1514 2 11 11, +375 29 111 22 33"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == name).Select(s => s.Id).SingleAsync());

        var edited = await admin.SubmitAsync($"/Directory/Manage/Service/{id}", ("Input.Capacity", "12"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var phones = await app.WithDbAsync(db => db.Phones.Where(p => p.ServiceId == id).Select(p => p.Number).ToListAsync());
        Assert.Equal(["+375 1514 2 11 11", "+375 29 111 22 33"], phones.Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Changing_and_removing_hours_leaves_no_schedule_row_without_a_service_or_place(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ТЦСОН Щучинского района").Select(o => o.Id).SingleAsync());
        var name = "Години " + Guid.NewGuid().ToString("N")[..8];
        var added = await admin.SubmitAsync($"/Directory/Manage/Service?organisationId={organisation}", ("Input.Name", name), ("Input.Phone", "+375 1514 2 11 11"),
            ("Input.WorkingHours[0].Opens", "08:00"), ("Input.WorkingHours[0].Closes", "17:00"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == name).Select(s => s.Id).SingleAsync());

        var changed = await admin.SubmitAsync($"/Directory/Manage/Service/{id}", ("Input.WorkingHours[0].Opens", "09:00"), ("Input.WorkingHours[0].Closes", "18:00"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(["MO 09:00-18:00"], await Hours());
        var removed = await admin.SubmitAsync($"/Directory/Manage/Service/{id}", ("Input.WorkingHours[0].Opens", ""), ("Input.WorkingHours[0].Closes", ""));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await Hours());
        Assert.Equal(0, await app.WithDbAsync(db => db.Schedules.CountAsync(x => x.ServiceId == null && x.LocationId == null)));

        async Task<List<string>> Hours() => [.. (await app.WithDbAsync(db => db.Schedules.Where(x => x.ServiceId == id).ToListAsync()))
            .Select(x => $"{x.ByDay} {x.OpensAt:HH\\:mm}-{x.ClosesAt:HH\\:mm}")];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ukrainian_provider_picks_categories_from_the_ukrainian_classifier_first_and_sees_the_chosen_ones(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var staff = app.Browser("uk");
        await staff.SignInAsync("provider@partnera.demo");
        var dashboard = await staff.GetPageAsync("/Directory/Manage");
        var addUrl = dashboard.QuerySelector("main a[href^='/Directory/Manage/Service?organisationId=']")!.GetAttribute("href")!;
        var form = await staff.GetPageAsync(addUrl);
        Assert.Null(form.QuerySelector("#service-form select[name='Input.TermIds']"));
        var home = form.QuerySelectorAll("#home-categories input[name='Input.TermIds']").Select(i => i.GetAttribute("value")).ToList();
        var (uaTerms, homeCare) = await app.WithDbAsync(async db => (
            (await db.TaxonomyTerms.Where(t => t.Taxonomy!.Country == "UA").Select(t => t.Id).ToListAsync()).Select(id => id.ToString()).ToList(),
            ShippedTaxonomies.TermId("ua-social-services-2020", "015.1")));
        Assert.NotEmpty(home);
        Assert.All(home, id => Assert.Contains(id, uaTerms));
        Assert.Contains(form.QuerySelectorAll("#other-categories input").Select(i => i.GetAttribute("value")), id => !uaTerms.Contains(id!));
        Assert.Null(form.QuerySelector("#other-categories[open]"));

        // The filter works on the server (no JavaScript): a word narrows the list; what is ticked stays ticked and at the top.
        var filtered = await staff.SubmitAsync(addUrl, new Dictionary<string, string[]> { ["Input.TermIds"] = [homeCare.ToString()], ["CategoryQuery"] = ["догляд"] },
            "#service-form", "Find");
        var page = Pages.Parse(await filtered.TextAsync());
        Assert.Equal([homeCare.ToString()], page.QuerySelectorAll("#chosen-categories input:checked").Select(i => i.GetAttribute("value")));
        var shown = page.QuerySelectorAll("#home-categories label").Select(l => l.TextContent).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, l => Assert.Contains("догляд", l, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(page.QuerySelectorAll("#home-categories input"), i => i.GetAttribute("value") == homeCare.ToString());
    }
}
