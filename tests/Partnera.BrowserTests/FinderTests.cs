using Microsoft.Playwright;

namespace Partnera.BrowserTests;

public sealed class FinderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resident_finds_home_care_in_Ukrainian_and_a_protected_home_in_Romanian()
    {
        var page = await fixture.NewPageAsync("uk-UA");
        await Screenshots.OnFailureAsync(page, nameof(A_resident_finds_home_care_in_Ukrainian_and_a_protected_home_in_Romanian), async () =>
        {
            await page.GotoAsync("/");
            await page.Locator("header a[href='/Directory']").ClickAsync();
            Assert.Equal("Пошук послуги", (await page.Locator("h1").InnerTextAsync()).Trim());
            await page.Locator("#q").FillAsync("Бахмут");
            await page.Locator("#group").SelectOptionAsync("FamiliesRaisingChildWithDisability");
            await page.Locator("#finder button[type=submit]").ClickAsync();
            await page.Locator("#results").WaitForAsync();
            var results = await page.Locator("#results a.fw-semibold").AllInnerTextsAsync();
            Assert.Equal(["Денний догляд дітей з інвалідністю"], results.Select(r => r.Trim()));
            await page.Locator("#results a.fw-semibold").First.ClickAsync();
            // Web-first checks that retry until the service page is there: waiting for a load event can miss one that fired already.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Directory/Service/"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Для кого");

            await page.Locator("header a[hreflang='ro']").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ro");
            await page.GotoAsync("/Directory");
            Assert.Equal("Găsiți un serviciu", (await page.Locator("h1").InnerTextAsync()).Trim());
            await page.Locator("#q").FillAsync("locuinta protejata Straseni");
            await page.Locator("#finder button[type=submit]").ClickAsync();
            await page.Locator("#results").WaitForAsync();
            Assert.Equal("Serviciul social „Locuința protejată”", (await page.Locator("#results a.fw-semibold").First.InnerTextAsync()).Trim());
            await page.Locator("#results a.fw-semibold").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Directory/Service/"));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pentru cine");
        });
    }
}
