namespace Partnera.BrowserTests;

public sealed class NeedsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resident_answers_the_survey_in_Romanian_and_the_working_group_sees_the_gap_table_change()
    {
        var staff = await fixture.NewPageAsync("ro-RO");
        await Screenshots.OnFailureAsync(staff, nameof(A_resident_answers_the_survey_in_Romanian_and_the_working_group_sees_the_gap_table_change), async () =>
        {
            await BrowserFixture.SignInAsync(staff, "cso@partnera.demo");
            await staff.GotoAsync("/Needs");
            var campaign = staff.Locator("main li", new() { HasTextString = "Cahul, Glodeni și Strășeni" });
            var gaps = await campaign.Locator("a[href^='/Needs/Gaps/']").GetAttributeAsync("href");
            var campaignId = gaps!.Split('/').Last();
            await staff.GotoAsync(gaps);
            await staff.Locator("#community").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Municipiul Cahul" });
            await staff.Locator("#gap-filter button[type=submit]").ClickAsync();
            await staff.Locator("#gaps").WaitForAsync();
            var respite = staff.Locator("#gaps tr[data-term='MD-2.08'] td").Nth(2);
            var before = Counts(await respite.InnerTextAsync());

            var resident = await fixture.NewPageAsync("ro-RO");
            await resident.GotoAsync($"/Needs/Answer/{campaignId}");
            Assert.Equal("De ce are nevoie gospodăria dvs.?", (await resident.Locator("h1").InnerTextAsync()).Trim());
            await resident.Locator("#Household_CommunityId").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Municipiul Cahul" });
            await resident.Locator("#Household_Anonymous").CheckAsync();
            await resident.Locator("#q-A1 input").FillAsync("3");
            await resident.Locator("#q-A2 input").FillAsync("1");
            await resident.Locator("#q-A3 input").FillAsync("0");
            await resident.Locator("label[for='B1-child-disability']").ClickAsync();
            await resident.Locator("label[for='C2-4']").ClickAsync();
            await resident.Locator("label[for='D1-no']").ClickAsync();
            await resident.Locator("label[for='D3-MD-2.08']").ClickAsync();
            await resident.Locator("#answer-form button[type=submit]").ClickAsync();
            await resident.Locator("#answered").WaitForAsync();
            Assert.Contains("Vă mulțumim", await resident.Locator("#answered").InnerTextAsync());

            await staff.ReloadAsync();
            var after = Counts(await staff.Locator("#gaps tr[data-term='MD-2.08'] td").Nth(2).InnerTextAsync());
            Assert.Equal((before.Wanting + 1, before.Answered + 1), after);
        });
    }

    /// <summary>"3 / 30 (10 %)": households needing the service, households that answered.</summary>
    private static (int Wanting, int Answered) Counts(string cell)
    {
        var parts = cell.Split('(')[0].Split('/');
        return (int.Parse(parts[0].Trim(), System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
