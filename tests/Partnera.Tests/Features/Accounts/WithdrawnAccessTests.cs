using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Accounts;

/// <summary>
/// Withdrawn access ends for the sign-in cookie and the API token alike within seconds: after a membership is
/// removed, the password is reset, the account is locked, or its sessions are ended by an administrator or by the
/// person ("sign out everywhere"). Each instance rechecks an account every few seconds (Security:AccessRecheckSeconds, 5).
/// </summary>
public sealed class WithdrawnAccessTests(TestApps apps)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    private sealed record Session(string Email, Guid Id, HttpClient Cookie, string Token, Guid Membership);

    [Theory, ClassData(typeof(Databases))]
    public async Task Cookies_and_tokens_stop_working_within_seconds_of_each_withdrawal(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (centre, person) = await app.WithDbAsync(async db =>
        {
            var centre = await db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo" && m.Role == Role.ProviderStaff).Select(m => m.OrganisationId).FirstAsync();
            return (centre, await db.PersonInvolvements.Where(i => i.OrganisationId == centre).Select(i => i.PersonId).FirstAsync());
        });
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var removed = await SessionAsync(app, centre);
        var reset = await SessionAsync(app, centre);
        var locked = await SessionAsync(app, centre);
        var revoked = await SessionAsync(app, centre);
        var everywhere = await SessionAsync(app, centre);
        var untouched = await SessionAsync(app, centre);
        foreach (var s in new[] { removed, reset, locked, revoked, everywhere, untouched }) Assert.True(await WorksAsync(app, s, person), $"{s.Email} works before");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Account/Users/Edit/{removed.Id}",
            new Dictionary<string, string[]> { ["membershipId"] = [removed.Membership.ToString()] }, "form[action*='handler=Remove']")).StatusCode);
        await app.Browser().SubmitAsync("/Account/ForgotPassword", ("Email", reset.Email));
        var link = app.Emails.LastLinkTo(reset.Email);
        Assert.Contains("alert-success", await (await app.Browser().SubmitAsync(link, ("Input.Password", "Dnipro-Orhei-2031"), ("Input.ConfirmPassword", "Dnipro-Orhei-2031"))).TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Account/Users/Edit/{locked.Id}", new Dictionary<string, string[]>(), "form[action*='handler=Lock']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Account/Users/Edit/{revoked.Id}", new Dictionary<string, string[]>(), "form[action*='handler=Revoke']")).StatusCode);
        // The person ends their own sessions from one browser: the token given to another system stops too.
        var otherBrowser = app.Browser();
        await otherBrowser.SignInAsync(everywhere.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.SubmitAsync("/Account/Manage", new Dictionary<string, string[]>(), "form[action*='handler=SignOutEverywhere']")).StatusCode);

        var clock = Stopwatch.StartNew();
        var pending = new List<Session> { removed, reset, locked, revoked, everywhere };
        while (pending.Count > 0 && clock.Elapsed < Within)
        {
            foreach (var s in pending.ToList())
                if (await RefusedAsync(app, s, person)) pending.Remove(s);
            await Task.Delay(250);
        }
        Assert.True(pending.Count == 0, $"still working after {Within.TotalSeconds} s: {string.Join(", ", pending.Select(p => p.Email))}");
        Assert.True(await WorksAsync(app, untouched, person), "an account nobody touched keeps working");
    }

    /// <summary>A provider's staff member of the given organisation, signed in with a cookie and holding an API token.</summary>
    private static async Task<Session> SessionAsync(PartneraApp app, Guid organisation)
    {
        var (cookie, email, id) = await app.NewStaffAsync(organisation, Role.ProviderStaff);
        var issued = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoDataSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var membership = await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == id).Select(m => m.Id).SingleAsync());
        return new Session(email, id, cookie, token, membership);
    }

    private static async Task<bool> WorksAsync(PartneraApp app, Session s, Guid person) =>
        (await s.Cookie.GetAsync($"/People/Person/{person}")).StatusCode == HttpStatusCode.OK
        && (await ReadWithTokenAsync(app, s, person)) == HttpStatusCode.OK;

    // The cookie is sent to sign in again; the token is refused (401), and a person's record is no longer read.
    private static async Task<bool> RefusedAsync(PartneraApp app, Session s, Guid person)
    {
        var page = await s.Cookie.GetAsync($"/People/Person/{person}");
        var cookieRefused = page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal);
        return cookieRefused && await ReadWithTokenAsync(app, s, person) == HttpStatusCode.Unauthorized;
    }

    private static async Task<HttpStatusCode> ReadWithTokenAsync(PartneraApp app, Session s, Guid person)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/people/{person}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", s.Token);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }
}
