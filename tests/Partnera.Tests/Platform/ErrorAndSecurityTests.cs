using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
    public async Task Sign_in_attempts_are_rate_limited_per_client_and_a_refused_page_is_the_localised_error_page()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "3" });
        var client = app.Browser("uk");
        // Opening the pages is not an attempt: more views than the limit are all answered.
        foreach (var url in new[] { "/Account/Login", "/Account/Login", "/Account/ForgotPassword", "/Account/Register", "/Account/Login" })
            await client.GetPageAsync(url);

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            attempts.Add((await client.SubmitAsync("/Account/Login", ("Input.Email", "nobody@example.org"), ("Input.Password", "wrong-password-1"))).StatusCode);
        Assert.All(attempts, s => Assert.Equal(HttpStatusCode.OK, s));
        var refused = await client.SubmitAsync("/Account/Login", ("Input.Email", "nobody@example.org"), ("Input.Password", "wrong-password-1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = Pages.Parse(await refused.TextAsync());
        Assert.Equal("uk", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Забагато спроб", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header a[href='/Account/Login']"));

        // The API says the same as problem details; the sign-in page itself still opens.
        var api = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.org", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.TextAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Забагато спроб", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await client.GetPageAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Organisations")).StatusCode);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_its_public_address_or_answering_any_host()
    {
        var noAddress = await Assert.ThrowsAnyAsync<Exception>(() => apps.NewAppAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["AllowedHosts"] = "partnera.example.org" }, "Production"));
        Assert.Contains("App:PublicUrl is not set", noAddress.ToString(), StringComparison.Ordinal);
        var anyHost = await Assert.ThrowsAnyAsync<Exception>(() => apps.NewAppAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["App:PublicUrl"] = "https://partnera.example.org", ["AllowedHosts"] = "*" }, "Production"));
        Assert.Contains("AllowedHosts is '*'", anyHost.ToString(), StringComparison.Ordinal);
        var noBallotKey = await Assert.ThrowsAnyAsync<Exception>(() => apps.NewAppAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["App:PublicUrl"] = "https://partnera.example.org", ["AllowedHosts"] = "partnera.example.org", ["Budgeting:BallotKey"] = "" }, "Production"));
        Assert.Contains("Budgeting:BallotKey is not set", noBallotKey.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_answers_only_its_own_host_and_only_over_https()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = "https://partnera.example.org",
            ["AllowedHosts"] = "partnera.example.org",
            ["Budgeting:BallotKey"] = "a-test-ballot-key-of-more-than-32-characters",
            ["https_port"] = "443",
        }, "Production");
        HttpClient At(string address) => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

        var plain = await At("http://partnera.example.org").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://partnera.example.org/Account/Login", plain.Headers.Location!.OriginalString);

        var secure = await At("https://partnera.example.org").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("partnera.csrf=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.BadRequest, (await At("https://attacker.example").GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task The_anti_forgery_cookie_is_secure_over_https()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var page = await https.GetAsync("/Account/Login");
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("partnera.csrf=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Addresses_a_client_adds_before_the_proxy_does_not_escape_the_sign_in_rate_limit()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "3" });
        // nginx on this machine appends the address it sees; whatever the client wrote before it does not count.
        var proxy = new HttpClient(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Loopback)) { BaseAddress = new Uri("http://localhost") };
        async Task<HttpStatusCode> SignInAttemptAsync(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { email = "nobody@example.org", password = "wrong-password-1" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return (await proxy.SendAsync(request)).StatusCode;
        }
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++) statuses.Add(await SignInAttemptAsync($"198.51.100.{i}, 203.0.113.9"));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAttemptAsync("198.51.100.1, 203.0.113.10"));
    }

    [Fact]
    public async Task A_downloaded_document_gets_a_clean_name_as_an_attachment()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        await client.SignInAsync("provider@partnera.demo");
        var (centre, unicef) = await app.WithDbAsync(async db => (
            await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync(),
            await db.Organisations.Where(o => o.ShortName == "UNICEF").Select(o => o.Id).SingleAsync()));
        var title = $"Memorandum {Guid.NewGuid():N}";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        // "evil" + right-to-left override + "gpj.html": shown by a file manager as "evillmth.jpg".
        var saved = await client.SubmitAsync("/Memoranda/Edit", new Dictionary<string, string[]>
        {
            ["Input.Title"] = [title],
            ["Input.Kind"] = ["CooperationAgreement"],
            ["Input.Status"] = ["InForce"],
            ["Input.PartyIds"] = [centre.ToString(), unicef.ToString()],
            ["Input.SignedOn"] = ["2026-02-20"],
            ["Input.ValidFrom"] = ["2026-03-01"],
        }, files: new Dictionary<string, (string, byte[])> { ["Document"] = ("evil\u202Egpj.html", pdf) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (id, documentId) = await app.WithDbAsync(async db => await db.Memoranda.Where(m => m.Title.Value == title).Select(m => new ValueTuple<Guid, Guid>(m.Id, m.DocumentId!.Value)).SingleAsync());

        var download = await client.GetAsync($"/Memoranda/{id}/document");
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("evilgpj.pdf", disposition.FileNameStar ?? disposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // A name stored before names were cleaned is cleaned on the way out.
        await app.WithDbAsync(db => db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(u => u.SetProperty(d => d.FileName, "report\u202Efdp.html")));
        var old = (await client.GetAsync($"/Memoranda/{id}/document")).Content.Headers.ContentDisposition!;
        Assert.Equal("reportfdp.pdf", old.FileNameStar ?? old.FileName);
    }
}
