using Microsoft.Playwright;
using Partnera.Data;
using Partnera.Data.DemoData;

[assembly: AssemblyFixture(typeof(Partnera.BrowserTests.BrowserFixture))]

namespace Partnera.BrowserTests;

/// <summary>
/// The app on a real Kestrel port with a fresh SQLite database and the demo data, and the system
/// Chromium (Debian's package; Playwright's own browser download does not work here).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"partnera-browser-{Guid.NewGuid():N}.db");
    private PartneraApp? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    /// <summary>The app itself, for a test that prepares records a person would need many steps to reach.</summary>
    public PartneraApp App => app ?? throw new InvalidOperationException("The app has not started.");
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        app = new PartneraApp(DatabaseProvider.Sqlite, $"Data Source={database}");
        BaseUrl = app.StartOnKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        });
    }

    /// <summary>
    /// A fresh browser window (own cookies) whose first visit asks for the given language; a phone's width when given,
    /// and without JavaScript when told (pages must work and fit without it).
    /// </summary>
    public async Task<IPage> NewPageAsync(string language = "en", int? width = null, bool javaScript = true)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language, JavaScriptEnabled = javaScript };
        if (width is { } w) options.ViewportSize = new ViewportSize { Width = w, Height = 800 };
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the header link and the login form, as a person would, with the demo password.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await OpenMenuAsync(page);
        await page.Locator("header a[href='/Account/Login']").ClickAsync();
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(DemoDataSeeder.DemoPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        // A retrying check of what the person sees (signed in: the sign-out button), not a wait for a page event that
        // may already have fired on a loaded machine.
        await Assertions.Expect(page.Locator("header form[action='/Account/Logout']")).ToBeAttachedAsync();
        await OpenMenuAsync(page);
        await Assertions.Expect(page.Locator("header form[action='/Account/Logout']")).ToBeVisibleAsync();
    }

    /// <summary>On a phone the header's links are folded behind the menu toggle: opens it, as a person would, if it is there.</summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        var toggle = page.Locator("header label[for='menu-toggle']");
        if (await toggle.IsVisibleAsync() && !await page.Locator("#menu-toggle").IsCheckedAsync()) await toggle.ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (File.Exists(database)) File.Delete(database);
    }
}
