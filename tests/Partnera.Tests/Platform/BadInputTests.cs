using System.Net;
using Partnera.Data;

using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>Whatever arrives in the address or the form, a person gets a page or a clear message, never a server error.</summary>
public sealed class BadInputTests(TestApps apps)
{
    private static readonly string[] Addresses =
    [
        "/Organisations?page=-5&kind=Bogus&territoryId=not-a-guid&q=" + new string('я', 3000),
        "/Organisations?page=999999&q=%27%3B%20DROP%20TABLE%20Organisations%3B--",
        "/Organisations?q=%00%01%02",
        "/Territories?parentId=00000000-0000-0000-0000-000000000000",
        "/Territories?parentId=abc&page=abc",
        "/Memoranda?organisationId=xyz&page=0&q=%25%25%25",
        "/Memoranda/Details/00000000-0000-0000-0000-000000000000",
        "/Memoranda/" + "00000000-0000-0000-0000-000000000000" + "/document",
        "/Account/ConfirmEmail?userId=nope&code=%%%",
        "/Account/ConfirmEmail?userId=00000000-0000-0000-0000-000000000000&code=AAAA",
        "/Account/ResetPassword?email=x&code=",
        "/Account/LoginWith2fa",
        "/api/v1/organisations?page=-1&size=100000&kind=Nope",
        "/api/v1/territories?level=Planet&parentId=zzz",
        "/Error/999",
        "/Directory?category=nope&group=Aliens&territoryId=zzz&open=maybe&free=2&lang=%27&page=-1",
        "/Directory?q=" + new string('ж', 2000),
        "/Directory/Service/00000000-0000-0000-0000-000000000000",
        "/api/hsds/services?modified_after=yesterday",
        "/api/hsds/services?taxonomy_id=x&organization_id=y",
        "/api/v1/directory/find?q=%00&category=x&group=Nobody&page=-4&size=99999",
    ];

    public static TheoryData<string> Pages() => [.. Addresses];

    [Theory, MemberData(nameof(Pages))]
    public async Task Odd_addresses_never_cause_a_server_error(string address)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var app = await apps.GetAsync(provider);
            var response = await app.Browser("uk").GetAsync(address);
            Assert.True((int)response.StatusCode < 500 || address.StartsWith("/Error/", StringComparison.Ordinal),
                $"{provider} {address}: {(int)response.StatusCode}");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Odd_form_values_get_field_errors_not_server_errors(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("ru");
        await client.SignInAsync("admin@partnera.demo");
        var forms = new (string Url, Dictionary<string, string[]> Fields)[]
        {
            ("/Organisations/Edit", new() { ["Input.Kind"] = ["Spaceship"], ["Input.TerritoryId"] = ["nope"], ["Input.ServedTerritoryIds"] = [Guid.NewGuid().ToString()], ["Input.WorkingHours[0].Opens"] = ["25:99"], ["Input.NameTranslations[xx]"] = ["?"] }),
            ("/Territories/Manage/Edit", new() { ["Input.Level"] = ["9"], ["Input.Population"] = ["-1"], ["Input.TimeZone"] = ["Nowhere/Else"], ["Input.ParentId"] = [Guid.NewGuid().ToString()] }),
            ("/Memoranda/Edit", new() { ["Input.Status"] = ["Whatever"], ["Input.SignedOn"] = ["2020-13-45"], ["Input.PartyIds"] = ["x", Guid.NewGuid().ToString()] }),
        };
        foreach (var (url, fields) in forms)
        {
            var response = await client.SubmitAsync(url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.NotEmpty(Infrastructure.Pages.Parse(await response.TextAsync()).FieldErrors());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_null_working_day_or_an_all_zero_territory_is_a_bad_request_not_a_server_error(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("en");
        await client.SignInAsync("specialist@partnera.demo");
        var zero = Guid.Empty.ToString();
        foreach (var body in new[] { """{"name":"Null day NGO","kind":"Ngo","workingHours":[null]}""", $$"""{"name":"Zero NGO","kind":"Ngo","territoryId":"{{zero}}"}""", $$"""{"name":"Zero NGO","kind":"Ngo","servedTerritoryIds":["{{zero}}"]}""" })
        {
            var response = await client.PostAsync("/api/v1/organisations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        var page = await client.SubmitAsync("/Organisations/Edit", new Dictionary<string, string[]> { ["Input.Name"] = ["Zero page NGO"], ["Input.Kind"] = ["PublicAuthority"], ["Input.TerritoryId"] = [zero] });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(Infrastructure.Pages.Parse(await page.TextAsync()).FieldErrors());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_birth_or_consent_date_no_one_could_have_is_a_field_error(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("en");
        await client.SignInAsync("provider@partnera.demo");
        foreach (var (born, given) in new[] { ("0001-01-01", "2026-11-01"), ("9999-12-31", "2026-11-01"), ("1950-01-01", "9999-12-31") })
        {
            var response = await client.SubmitAsync("/People/Register", new Dictionary<string, string[]>
            {
                ["Input.FamilyName"] = ["Датенко"],
                ["Input.GivenName"] = ["Іван"],
                ["Input.BirthDate"] = [born],
                ["Consent.Given"] = ["true"],
                ["Consent.Purpose"] = ["Social services"],
                ["Consent.GivenOn"] = [given],
            }, "#person-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Infrastructure.Pages.Parse(await response.TextAsync()).FieldErrors(), e => e.Contains("between 19", StringComparison.Ordinal));
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_sign_in_with_a_checkbox_value_that_is_not_a_yes_or_no_is_a_page_not_a_server_error(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var response = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string[]> { ["Input.Email"] = ["nobody@example.test"], ["Input.Password"] = ["wrong-password-1"], ["Input.RememberMe"] = ["x"] });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Public_pages_stay_under_100_KB(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var unicef = await app.WithDbAsync(db => Task.FromResult(db.Memoranda.Where(m => m.SignedOn == new DateOnly(2020, 1, 27)).Select(m => m.Id).Single()));
        foreach (var url in new[] { "/", "/Organisations", "/Memoranda", "/Territories", $"/Memoranda/Details/{unicef}", "/Territories?q=a" })
        {
            var html = await (await app.Browser("uk").GetAsync(url)).Content.ReadAsByteArrayAsync();
            Assert.True(html.Length < 100 * 1024, $"{url}: {html.Length} bytes");
        }
    }
}
