using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Organisations;

public sealed class OrganisationTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_specialist_adds_an_organisation_after_fixing_field_errors(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("uk");
        await client.SignInAsync("specialist@partnera.demo");
        var name = $"ГО «Світло надії» {Guid.NewGuid():N}"[..40];
        var bakhmut = await app.WithDbAsync(db => db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync());

        var invalid = await client.SubmitAsync("/Organisations/Edit", new Dictionary<string, string[]>
        {
            ["Input.Name"] = [""],
            ["Input.Email"] = ["not-an-email"],
            ["Input.Website"] = ["svitlo.example"],
            ["Input.WorkingHours[0].Opens"] = ["17:00"],
            ["Input.WorkingHours[0].Closes"] = ["08:00"],
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = Pages.Parse(await invalid.TextAsync()).FieldErrors();
        Assert.Contains("«Назва» обов'язкове", string.Join(" | ", errors), StringComparison.Ordinal);
        Assert.Contains("електронної пошти", string.Join(" | ", errors), StringComparison.Ordinal);
        Assert.Contains("http://", string.Join(" | ", errors), StringComparison.Ordinal);
        Assert.Contains("початок раніше", string.Join(" | ", errors), StringComparison.Ordinal);

        var saved = await client.SubmitAsync("/Organisations/Edit", new Dictionary<string, string[]>
        {
            ["Input.Name"] = [name],
            ["Input.NameTranslations[en]"] = ["Light of Hope NGO"],
            ["Input.Kind"] = ["Ngo"],
            ["Input.TerritoryId"] = [bakhmut.ToString()],
            ["Input.ServedTerritoryIds"] = [bakhmut.ToString()],
            ["Input.ReceptionPhone"] = ["+380 (627) 44-00-00"],
            ["Input.Email"] = ["svitlo@example.org"],
            ["SocialLinksText"] = ["https://facebook.com/svitlo\nhttps://t.me/svitlo"],
            ["Input.WorkingHours[0].Opens"] = ["08:00"],
            ["Input.WorkingHours[0].Closes"] = ["17:00"],
            ["Input.WorkingHours[0].BreakStarts"] = ["13:00"],
            ["Input.WorkingHours[0].BreakEnds"] = ["14:00"],
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var organisation = await app.WithDbAsync(db => db.Organisations.Include(o => o.WorkingHours).Include(o => o.ServedTerritories).SingleAsync(o => o.Name.Value == name));
        Assert.Equal(OrganisationKind.Ngo, organisation.Kind);
        Assert.Equal(["https://facebook.com/svitlo", "https://t.me/svitlo"], organisation.SocialLinks);
        var monday = Assert.Single(organisation.WorkingHours);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(13, 0)), (monday.Day, monday.BreakStarts!.Value));
        Assert.Equal(bakhmut, Assert.Single(organisation.ServedTerritories).TerritoryId);

        var details = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("13:00–14:00", details.QuerySelector("#hours + table")!.TextContent);

        var english = await app.Browser("en").GetPageAsync("/Organisations?q=" + Uri.EscapeDataString("light of hope"));
        Assert.Contains("Light of Hope NGO", english.QuerySelector("#organisation-list")!.TextContent);

        var audit = await app.WithDbAsync(db => db.AuditLog.Where(a => a.Subject == $"Organisation:{organisation.Id}").ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "Organisation" && a.UserName == "specialist@partnera.demo" && a.Changes!.Contains(name, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == "WorkingDay");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_list_finds_organisations_across_scripts_and_filters_by_kind_and_territory(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("ru");
        async Task<List<string>> Find(string query)
        {
            var page = await client.GetPageAsync("/Organisations?" + query);
            return page.QuerySelectorAll("#organisation-list a.fw-semibold").Select(a => a.TextContent.Trim()).ToList();
        }
        Assert.Contains("Бахмутский городской совет", await Find("q=" + Uri.EscapeDataString("бахмутська міська")));
        Assert.Contains("Бахмутский городской совет", await Find("q=bakhmutska"));
        Assert.Contains("Общественная ассоциация Keystone Moldova", await Find("q=keystone"));
        var strasheni = await app.WithDbAsync(db => db.Territories.Where(t => t.Code == "8600").Select(t => t.Id).SingleAsync());
        var inStraseni = await Find($"territoryId={strasheni}");
        Assert.Contains("Управление социальной помощи и защиты семьи Страшены", inStraseni);
        Assert.DoesNotContain("Бахмутский городской совет", inStraseni);
        var donors = await Find("kind=Donor");
        Assert.Contains("Датский Красный Крест", donors);
        Assert.DoesNotContain("Бахмутский городской совет", donors);
    }

    [Fact]
    public async Task Members_edit_their_own_organisation_but_not_others()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        // An organisation of its own (the demo centre must keep having no contact: other tests rely on that).
        var ids = await app.WithDbAsync(async db =>
        {
            var own = new Organisation { Name = new MultilingualText("Own " + Guid.NewGuid().ToString("N")[..6]), Kind = OrganisationKind.Ngo };
            db.Organisations.Add(own);
            await db.SaveChangesAsync();
            return (Own: own.Id, Other: await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync());
        });
        var (client, _, _) = await app.NewStaffAsync(ids.Own, Role.ProviderStaff);

        var saved = await client.SubmitAsync($"/Organisations/Edit/{ids.Own}", ("Input.Hotline", "0 800 500 111"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("0 800 500 111", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == ids.Own).Select(o => o.Hotline).SingleAsync()));

        var page = await client.GetAsync($"/Organisations/Edit/{ids.Other}");
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var api = await client.PutAsJsonAsync($"/api/v1/organisations/{ids.Other}", new { name = "Taken over", kind = "Ngo" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Organisations/Edit")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_lists_pages_and_writes_by_policy(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var anonymous = app.Browser();
        var page = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/organisations?size=5&page=2");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.True(page.GetProperty("totalItems").GetInt32() >= 30);

        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var invalid = await specialist.PostAsJsonAsync("/api/v1/organisations", new { name = "", kind = "Ngo", email = "nope", socialLinks = new[] { "ftp://x" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var problem = JsonDocument.Parse(await invalid.TextAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Name is required.", errors.GetProperty("name")[0].GetString());
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("socialLinks", out _));

        var created = await specialist.PostAsJsonAsync("/api/v1/organisations", new
        {
            name = "Charity Fund API " + Guid.NewGuid().ToString("N")[..6],
            kind = "Ngo",
            workingHours = new[] { new { day = "Tuesday", opens = "09:00", closes = "18:00" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{body.GetProperty("id").GetGuid()}");
        Assert.Equal("Tuesday", fetched.GetProperty("workingHours")[0].GetProperty("day").GetString());
    }
}
