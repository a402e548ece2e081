using Microsoft.Playwright;
using Partnera.Data.DemoData;

namespace Partnera.BrowserTests;

public sealed class PartnerFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_specialist_signs_in()
    {
        var page = await fixture.NewPageAsync();
        await Screenshots.OnFailureAsync(page, nameof(A_specialist_signs_in), async () =>
        {
            await BrowserFixture.SignInAsync(page, "specialist@partnera.demo");
            Assert.Equal("Олена Коваленко", (await page.Locator("header a[href='/Account/Manage']").InnerTextAsync()).Trim());
            await page.GotoAsync("/Account/Manage");
            Assert.Contains("Bakhmut City Council", await page.Locator("main").InnerTextAsync());
        });
    }

    [Fact]
    public async Task The_language_switch_changes_and_remembers_the_language()
    {
        var page = await fixture.NewPageAsync("ru-RU");
        await Screenshots.OnFailureAsync(page, nameof(The_language_switch_changes_and_remembers_the_language), async () =>
        {
            await page.GotoAsync("/Organisations");
            Assert.Equal("Организации", (await page.Locator("h1").InnerTextAsync()).Trim());
            await page.Locator("header a[hreflang='ro']").ClickAsync();
            // Retrying checks of what the person sees, not waits for page events that may already have fired.
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Organizații");
            await page.GotoAsync("/Memoranda");
            Assert.Equal("ro", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("Memorandumuri și acorduri", (await page.Locator("h1").InnerTextAsync()).Trim());
        });
    }

    [Fact]
    public async Task A_specialist_adds_an_organisation_and_anyone_finds_it_in_the_public_list()
    {
        var page = await fixture.NewPageAsync("uk-UA");
        var name = "ГО «Крила надії» " + Guid.NewGuid().ToString("N")[..6];
        await Screenshots.OnFailureAsync(page, nameof(A_specialist_adds_an_organisation_and_anyone_finds_it_in_the_public_list), async () =>
        {
            await BrowserFixture.SignInAsync(page, "specialist@partnera.demo");
            await page.GotoAsync("/Organisations");
            await page.Locator("main a[href='/Organisations/Edit']").ClickAsync();
            await page.Locator("#Input_Email").FillAsync("not an address");
            await page.Locator("#organisation-form button[type=submit]:not([formnovalidate])").ClickAsync();

            var nameError = page.Locator("span[data-valmsg-for='Input.Name']");
            Assert.Equal("Поле «Назва» обов'язкове.", (await nameError.InnerTextAsync()).Trim());
            Assert.Contains("електронної пошти", await page.Locator("span[data-valmsg-for='Input.Email']").InnerTextAsync());

            await page.Locator("#Input_Name").FillAsync(name);
            await page.Locator("#Input_Email").FillAsync("krila@example.org");
            await page.Locator("#Input_Kind").SelectOptionAsync("VolunteerGroup");
            await page.Locator("#TerritoryQuery").FillAsync("Бахмут");
            await page.Locator("button[formnovalidate]").ClickAsync();
            await page.Locator("#Input_TerritoryId").SelectOptionAsync(new SelectOptionValue { Label = "Бахмутська міська громада (Громада)" });
            await page.Locator("input[name='Input.WorkingHours[0].Opens']").FillAsync("09:00");
            await page.Locator("input[name='Input.WorkingHours[0].Closes']").FillAsync("18:00");
            await page.Locator("#organisation-form button[type=submit]:not([formnovalidate])").ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Organisations/Details/"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
            Assert.Contains("09:00–18:00", await page.Locator("#hours + table").InnerTextAsync());

            var visitor = await fixture.NewPageAsync("uk-UA");
            await visitor.GotoAsync("/Organisations");
            await visitor.Locator("#q").FillAsync("крила надії");
            await visitor.Locator("main form[role=search] button").ClickAsync();
            await visitor.Locator("#organisation-list").WaitForAsync();
            Assert.Contains(name, await visitor.Locator("#organisation-list").InnerTextAsync());
        });
    }
}
