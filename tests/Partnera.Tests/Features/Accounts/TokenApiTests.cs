using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Data.DemoData;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Accounts;

public sealed class TokenApiTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Another_system_writes_through_the_api_with_a_bearer_token(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // An account of its own: a wrong password raises its failed count, and another test's sign-in of a shared demo
        // account resetting that count at the same moment would refuse one of the two.
        var organisation = await app.WithDbAsync(db => db.Memberships.Where(m => m.User!.Email == "specialist@partnera.demo").Select(m => m.OrganisationId).FirstAsync());
        var (_, email, _) = await app.NewStaffAsync(organisation, Partnera.Features.Accounts.Role.AuthoritySpecialist);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Неправильна адреса", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var issued = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoDataSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        var anonymous = await client.PostAsJsonAsync("/api/v1/organisations", new { name = "API NGO", kind = "Ngo" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations") { Content = JsonContent.Create(new { name = "API NGO " + Guid.NewGuid().ToString("N")[..6], kind = "Ngo" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations") { Content = JsonContent.Create(new { name = "Forged", kind = "Ngo" }) };
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_token_carries_only_the_accounts_own_rights()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var issued = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "provider@partnera.demo", password = DemoDataSeeder.DemoPassword });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/territories") { Content = JsonContent.Create(new { name = "X", level = "Country", timeZone = "Europe/Kyiv" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
    }
}
