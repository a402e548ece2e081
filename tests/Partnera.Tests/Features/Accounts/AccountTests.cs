using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Accounts;

public sealed class AccountTests(TestApps apps)
{
    private const string Password = "Kyiv-Chisinau-2026";

    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_person_registers_confirms_the_address_and_signs_in(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("ro");
        var email = NewEmail();

        var weak = await client.SubmitAsync("/Account/Register", ("Input.DisplayName", "Maria Rusu"), ("Input.Email", email), ("Input.Password", "short"), ("Input.ConfirmPassword", "short"));
        Assert.Contains("între 12 și 100", string.Join(" | ", Pages.Parse(await weak.TextAsync()).FieldErrors()), StringComparison.Ordinal);

        var registered = await client.SubmitAsync("/Account/Register", ("Input.DisplayName", "Maria Rusu"), ("Input.Email", email), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        Assert.Contains("Verificați e-mailul", await registered.TextAsync());

        var early = await client.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Contains("Confirmați mai întâi", await early.TextAsync());

        var confirmation = await client.GetPageAsync(app.Emails.LastLinkTo(email));
        Assert.NotNull(confirmation.QuerySelector(".alert-success"));
        await client.SignInAsync(email, Password);
        var account = await client.GetPageAsync("/Account/Manage");
        Assert.Contains("Maria Rusu", account.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Organisations/Edit")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = await CreateConfirmedAsync(app);
        var client = app.Browser();
        await client.SubmitAsync("/Account/ForgotPassword", ("Email", email));
        var link = app.Emails.LastLinkTo(email);
        const string newPassword = "New-Password-2027";
        var reset = await client.SubmitAsync(link, ("Input.Password", newPassword), ("Input.ConfirmPassword", newPassword));
        Assert.NotNull(Pages.Parse(await reset.TextAsync()).QuerySelector(".alert-success"));
        await client.SignInAsync(email, newPassword);

        var reused = await app.Browser().SubmitAsync(link, ("Input.Password", "Another-Password-1"), ("Input.ConfirmPassword", "Another-Password-1"));
        Assert.Contains("invalid or has expired", await reused.TextAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task E_mailed_links_point_to_the_configured_address_whatever_host_the_request_named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = await CreateConfirmedAsync(app);
        var poisoned = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://attacker.example"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await poisoned.SubmitAsync("/Account/ForgotPassword", ("Email", email))).StatusCode);
        var mail = app.Emails.Sent.Last(m => m.To == email).Body;
        Assert.DoesNotContain("attacker.example", mail, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:5080/Account/ResetPassword?", mail, StringComparison.Ordinal);

        var admin = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://attacker.example"), AllowAutoRedirect = false });
        await admin.SignInAsync("admin@partnera.demo");
        var invited = NewEmail();
        await admin.SubmitAsync("/Account/Users/Invite", ("Input.DisplayName", "Olena Bondar"), ("Input.Email", invited));
        Assert.StartsWith("http://localhost:5080/Account/ResetPassword?", System.Net.WebUtility.HtmlDecode(LinkIn(app.Emails.Sent.Last(m => m.To == invited).Body)), StringComparison.Ordinal);
    }

    private static string LinkIn(string body) => System.Text.RegularExpressions.Regex.Match(body, "href=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var email = await CreateConfirmedAsync(app);
        var attacker = From(app, "203.0.113.7");
        for (var i = 0; i < 5; i++) await attacker.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", "Wrong-password-0"));
        var blocked = await attacker.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var unknown = await attacker.SubmitAsync("/Account/Login", ("Input.Email", NewEmail()), ("Input.Password", Password));
        Assert.Equal(Pages.Parse(await unknown.TextAsync()).FieldErrors(), Pages.Parse(await blocked.TextAsync()).FieldErrors());
        Assert.Contains("pauses for 15 minutes", string.Join(" ", Pages.Parse(await blocked.TextAsync()).FieldErrors()), StringComparison.Ordinal);

        await From(app, "198.51.100.20").SignInAsync(email, Password);
    }

    [Fact]
    public async Task A_locked_account_answers_like_an_unknown_one()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var email = await CreateConfirmedAsync(app);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PartneraUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue);
        });
        var client = app.Browser("uk");
        var locked = Pages.Parse(await (await client.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", Password))).TextAsync());
        var unknown = Pages.Parse(await (await client.SubmitAsync("/Account/Login", ("Input.Email", NewEmail()), ("Input.Password", Password))).TextAsync());
        Assert.NotEmpty(unknown.FieldErrors());
        Assert.Equal(unknown.FieldErrors(), locked.FieldErrors());
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        var tokenForUnknown = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = NewEmail(), password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal((await tokenForUnknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Passwords_are_twelve_characters_or_more_and_not_common_ones()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        string Errors(string html) => string.Join(" | ", Pages.Parse(html).FieldErrors());
        async Task<string> RegisterAsync(string password) => await (await client.SubmitAsync("/Account/Register",
            ("Input.DisplayName", "Ion Popa"), ("Input.Email", NewEmail()), ("Input.Password", password), ("Input.ConfirmPassword", password))).TextAsync();

        // The hint under the field says the rule the check applies.
        Assert.Contains("At least 12 characters", (await client.GetPageAsync("/Account/Register")).QuerySelector("#Input_Password + span + .form-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("between 12 and 100", Errors(await RegisterAsync("Password12")), StringComparison.Ordinal);
        Assert.Contains("most common", Errors(await RegisterAsync("Password1234")), StringComparison.Ordinal);
        Assert.Contains("most common", Errors(await RegisterAsync("Qwertyuiop12!")), StringComparison.Ordinal);
        foreach (var named in new[] { "Partnera2026!", "P@rtn3ra-2026", "2026-Partnera-demo" })
            Assert.Contains("most common", Errors(await RegisterAsync(named)), StringComparison.Ordinal);
        Assert.Contains("Check your e-mail", await RegisterAsync(DemoDataSeeder.DemoPassword), StringComparison.Ordinal);
        // A taken address gets the same judgement of the password as a new one: the answer never tells who has an account.
        var taken = await (await client.SubmitAsync("/Account/Register", ("Input.DisplayName", "Ion Popa"), ("Input.Email", "provider@partnera.demo"),
            ("Input.Password", "aaaaaaaaaaaaaaaa"), ("Input.ConfirmPassword", "aaaaaaaaaaaaaaaa"))).TextAsync();
        Assert.Equal(Errors(await RegisterAsync("aaaaaaaaaaaaaaaa")), Errors(taken));
        Assert.DoesNotContain("Check your e-mail", taken, StringComparison.Ordinal);

        // The person changes it on their own account page, with the current one.
        var email = await CreateConfirmedAsync(app);
        await client.SignInAsync(email, Password);
        Assert.NotNull((await client.GetPageAsync("/Account/Manage")).QuerySelector("a[href='/Account/Manage/Password']"));
        var wrong = await client.SubmitAsync("/Account/Manage/Password", ("Input.CurrentPassword", "Not-the-password-1"), ("Input.Password", "Orhei-Dnipro-2030"), ("Input.ConfirmPassword", "Orhei-Dnipro-2030"));
        Assert.Contains("not correct", Errors(await wrong.TextAsync()), StringComparison.Ordinal);
        var common = await client.SubmitAsync("/Account/Manage/Password", ("Input.CurrentPassword", Password), ("Input.Password", "Password1234"), ("Input.ConfirmPassword", "Password1234"));
        Assert.Contains("most common", Errors(await common.TextAsync()), StringComparison.Ordinal);
        var changed = await client.SubmitAsync("/Account/Manage/Password", ("Input.CurrentPassword", Password), ("Input.Password", "Orhei-Dnipro-2030"), ("Input.ConfirmPassword", "Orhei-Dnipro-2030"));
        Assert.NotNull(Pages.Parse(await changed.TextAsync()).QuerySelector(".alert-success"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        await app.Browser().SignInAsync(email, "Orhei-Dnipro-2030");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_factor_sign_in_with_an_authenticator_app(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = await CreateConfirmedAsync(app);
        var client = app.Browser();
        await client.SignInAsync(email, Password);

        var elsewhere = app.Browser();
        await elsewhere.SignInAsync(email, Password);
        var setup = await client.GetPageAsync("/Account/Manage/TwoFactor");
        Assert.NotNull(setup.QuerySelector(".qr-code svg"));
        // Opening the page (a link anyone could send) makes a key but ends no session: the other browser is still signed in,
        // checked against the account as stored now (not the few seconds' cache of it).
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.WithScopeAsync(scope => { scope.GetRequiredService<Partnera.Features.Accounts.AccessCheck>().Forget(userId); return Task.FromResult(0); });
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(setup.QuerySelector("#shared-key")!.TextContent, (await client.GetPageAsync("/Account/Manage/TwoFactor")).QuerySelector("#shared-key")!.TextContent);
        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var wrong = await client.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = ["000000"] }, "form[action*='Enable']");
        Assert.Contains("not correct", await wrong.TextAsync());
        var enabled = await client.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = [Totp.Code(key, DateTimeOffset.UtcNow)] }, "form[action*='Enable']");
        var recovery = Pages.Parse(await enabled.TextAsync()).QuerySelectorAll("#recovery-codes li").Select(l => l.TextContent).ToList();
        Assert.Equal(10, recovery.Count);

        var fresh = app.Browser();
        var first = await fresh.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", Password));
        Assert.True(HttpStatusCode.Redirect == first.StatusCode, await first.TextAsync());
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/Account/Manage")).StatusCode);
        var second = await fresh.SubmitAsync(first.Headers.Location!.OriginalString, ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/Account/Manage")).StatusCode);

        var withRecovery = app.Browser();
        var step = await withRecovery.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal(HttpStatusCode.Redirect, (await withRecovery.SubmitAsync(step.Headers.Location!.OriginalString, ("Code", recovery[0]))).StatusCode);

        // Turning it off needs a current code, not just a moment at an unlocked computer.
        async Task<bool> EnabledAsync() => await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
        var noCode = await fresh.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]>(), "form[action*='Disable']");
        Assert.Equal(HttpStatusCode.OK, noCode.StatusCode);
        var wrongCode = await fresh.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = ["000000"] }, "form[action*='Disable']");
        Assert.Contains("not correct", await wrongCode.TextAsync());
        Assert.True(await EnabledAsync());
        var off = await fresh.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = [Totp.Code(key, DateTimeOffset.UtcNow)] }, "form[action*='Disable']");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await EnabledAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Guessing_the_code_to_switch_two_factor_off_locks_the_account(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = await CreateConfirmedAsync(app);
        var client = app.Browser();
        await client.SignInAsync(email, Password);
        var key = (await client.GetPageAsync("/Account/Manage/TwoFactor")).QuerySelector("#shared-key")!.TextContent;
        await client.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = [Totp.Code(key, DateTimeOffset.UtcNow)] }, "form[action*='Enable']");
        string last = "";
        for (var guess = 0; guess < 5; guess++)
            last = await (await client.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = [$"00000{guess}"] }, "form[action*='Disable']")).TextAsync();
        Assert.Contains("locked", Pages.Parse(last).FieldErrors().Single(), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // The lockout ends the session that guessed: it cannot go on, not even with the right code.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage/TwoFactor")).StatusCode);
    }

    [Fact]
    public async Task Where_required_staff_who_see_personal_data_set_up_two_factor_before_anything_else()
    {
        await using var app = await apps.NewAppAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "true" });
        var centre = await app.WithDbAsync(db => db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync());
        var (staff, email, _) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var sent = await staff.GetAsync("/People");
        Assert.Equal("/Account/Manage/TwoFactor", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/")).StatusCode);
        var setup = await staff.GetPageAsync("/Account/Manage/TwoFactor");
        Assert.NotNull(setup.QuerySelector("#two-factor-required"));
        var issued = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoDataSeeder.DemoPassword });
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations");
        read.Headers.Authorization = new("Bearer", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().SendAsync(read)).StatusCode);

        var key = setup.QuerySelector("#shared-key")!.TextContent;
        var enabled = await staff.SubmitAsync("/Account/Manage/TwoFactor", new Dictionary<string, string[]> { ["Code"] = [Totp.Code(key, DateTimeOffset.UtcNow)] }, "form[action*='Enable']");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/People")).StatusCode);

        // A role without personal data (a volunteer coordinator) and a resident are not held up.
        var (volunteers, _, _) = await app.NewStaffAsync(centre, Role.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await volunteers.GetAsync("/")).StatusCode);
        var (resident, _, _) = await app.NewResidentAsync("Resident");
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/Account/Manage")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_gives_and_takes_roles_and_the_person_gains_and_loses_rights(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = await CreateConfirmedAsync(app);
        var (userId, keystone) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
            await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync()));
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var editUrl = $"/Account/Users/Edit/{userId}";
        var added = await admin.SubmitAsync(editUrl, new Dictionary<string, string[]> { ["OrganisationId"] = [keystone.ToString()], ["Role"] = ["CsoLeader"] }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await admin.SubmitAsync(editUrl, new Dictionary<string, string[]> { ["OrganisationId"] = [keystone.ToString()], ["Role"] = ["CsoLeader"] }, "form[action*='handler=Add']");
        Assert.Contains("already has this role", await twice.TextAsync());

        // admin@ is not Keystone's administrator: a role that opens Keystone's personal data waits for Keystone's.
        var person = app.Browser();
        await person.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync($"/Organisations/Edit/{keystone}")).StatusCode);
        var (keystoneAdmin, _, _) = await app.NewStaffAsync(keystone, Role.Administrator);
        var waiting = await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await keystoneAdmin.SubmitAsync(editUrl, new Dictionary<string, string[]>(), $"li[data-membership='{waiting}'] form[action*='handler=Approve']")).StatusCode);
        var approved = app.Browser();
        await approved.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await approved.GetAsync($"/Organisations/Edit/{keystone}")).StatusCode);

        var membership = await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == userId).Select(m => m.Id).SingleAsync());
        var removed = await admin.SubmitAsync(editUrl, new Dictionary<string, string[]> { ["membershipId"] = [membership.ToString()] }, "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var again = app.Browser();
        await again.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync($"/Organisations/Edit/{keystone}")).StatusCode);

        var log = await admin.GetPageAsync($"/Audit?subject=PartneraUser:{userId}");
        var rows = log.QuerySelectorAll("#audit-log tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Created", StringComparison.Ordinal) && r.Contains("admin@partnera.demo", StringComparison.Ordinal) && r.Contains("CSO leader", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Deleted", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_opens_an_account_and_the_colleague_chooses_a_password(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var admin = app.Browser("uk");
        await admin.SignInAsync("admin@partnera.demo");
        var email = NewEmail();
        var opened = await admin.SubmitAsync("/Account/Users/Invite", ("Input.DisplayName", "Тарас Мельник"), ("Input.Email", email));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var twice = await admin.SubmitAsync("/Account/Users/Invite", ("Input.DisplayName", "Тарас Мельник"), ("Input.Email", email));
        Assert.Contains("вже існує", await twice.TextAsync());

        var colleague = app.Browser("uk");
        var chosen = await colleague.SubmitAsync(app.Emails.LastLinkTo(email), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        Assert.NotNull(Pages.Parse(await chosen.TextAsync()).QuerySelector(".alert-success"));
        await colleague.SignInAsync(email, Password);
        Assert.Contains("Тарас Мельник", (await colleague.GetPageAsync("/Account/Manage")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Only_administrators_see_accounts_and_the_audit_log()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var specialist = app.Browser();
        await specialist.SignInAsync("specialist@partnera.demo");
        Assert.StartsWith("/Account/AccessDenied", (await specialist.GetAsync("/Audit")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", (await specialist.GetAsync("/Account/Users")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var users = await admin.GetPageAsync("/Account/Users?q=partnera.demo");
        Assert.Equal(DemoAccounts.All.Length, users.QuerySelectorAll("tbody tr").Length);
    }

    /// <summary>A browser at the given client address (as the connection, not a header, shows it).</summary>
    private static HttpClient From(PartneraApp app, string address)
    {
        var handler = new CookieContainerHandler { InnerHandler = app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address)) };
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static async Task<string> CreateConfirmedAsync(PartneraApp app)
    {
        var email = NewEmail();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PartneraUser>>();
        var result = await users.CreateAsync(new PartneraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test person" }, Password);
        Assert.True(result.Succeeded);
        return email;
    }
}
