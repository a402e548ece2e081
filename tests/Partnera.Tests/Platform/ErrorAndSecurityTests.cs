using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class ErrorAndSecurityTests(TestApps apps)
{
    [Fact]
    public async Task Unknown_pages_get_a_localised_not_found_page()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var page = await app.Browser("ru").GetPageAsync("/no/such/page.php", HttpStatusCode.NotFound);
        Assert.Equal("Страница не найдена", page.QuerySelector("h1")!.TextContent.Trim());
        await app.Browser("uk").GetPageAsync($"/Organisations/Details/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await app.Browser().GetPageAsync("/Organisations/Details/not-a-guid", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_errors_are_problem_details()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();

        var missing = await client.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);

        var unauthorised = await client.PostAsJsonAsync("/api/v1/organisations", new { name = "X" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);

        await client.SignInAsync("admin@partnera.demo");
        var broken = await client.PostAsync("/api/v1/territories", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await broken.TextAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_is_refused_and_nothing_is_saved()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        await client.SignInAsync("specialist@partnera.demo");
        var name = $"Forged {Guid.NewGuid():N}";
        var response = await client.PostAsync("/Organisations/Edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = "Ngo",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Organisations.Any(o => o.Name.Value == name))));

    }

    [Fact]
    public async Task Health_checks_answer_without_signing_in()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/live")).TextAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).TextAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_json_api()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var document = JsonDocument.Parse(await (await app.Browser().GetAsync("/openapi/v1.json")).TextAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/territories", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organisations/{id}", out _));
        var docs = await app.Browser().GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_client()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "3" });
        var client = app.Browser("uk");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.GetAsync("/Account/Login")).StatusCode);
        var refused = await client.GetAsync("/Account/Login");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Забагато спроб", await refused.TextAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Organisations")).StatusCode);
    }
}
