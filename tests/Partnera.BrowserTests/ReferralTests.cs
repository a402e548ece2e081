using Microsoft.Playwright;

namespace Partnera.BrowserTests;

public sealed class ReferralTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_referral_goes_from_an_ngo_to_a_social_services_centre_and_back()
    {
        var ngo = await fixture.NewPageAsync("en-GB");
        await Screenshots.OnFailureAsync(ngo, nameof(A_referral_goes_from_an_ngo_to_a_social_services_centre_and_back), async () =>
        {
            // The NGO registers a person (names only: no consent yet) and refers them, sharing nothing more.
            var family = "Lungu" + Guid.NewGuid().ToString("N")[..5];
            await BrowserFixture.SignInAsync(ngo, "cso@partnera.demo");
            await ngo.GotoAsync("/People/Register");
            await ngo.Locator("#Input_FamilyName").FillAsync(family);
            await ngo.Locator("#Input_GivenName").FillAsync("Vasile");
            await ngo.Locator("#person-form button[type=submit]").ClickAsync();
            await Assertions.Expect(ngo.Locator("#no-consent")).ToBeVisibleAsync();
            await ngo.Locator("#refer").ClickAsync();
            await ngo.Locator("#ServiceQuery").FillAsync("Counselling for families");
            await ngo.Locator("#referral-form button[formnovalidate]").ClickAsync();
            // Services are choices a page at a time; the found one in Bakhmut is further down than the NGO's own country's.
            await ngo.Locator("#services .service-option", new() { HasTextString = "Bakhmut City Centre" }).First.Locator("input").CheckAsync();
            await ngo.Locator("#Input_Reason").FillAsync("Family needs counselling after displacement");
            await ngo.Locator("#referral-form button[type=submit]:not([formnovalidate])").ClickAsync();
            await Assertions.Expect(ngo.Locator("#referral-status")).ToHaveTextAsync("sent");
            var referral = new Uri(ngo.Url).AbsolutePath;

            // The centre finds it among received referrals, accepts, starts and completes the service.
            var centre = await fixture.NewPageAsync("en-GB");
            await BrowserFixture.SignInAsync(centre, "provider@partnera.demo");
            await centre.GotoAsync("/People/Referrals");
            await centre.Locator($"#referrals a[href='{referral}']").ClickAsync();
            await Assertions.Expect(centre.Locator("h1")).ToContainTextAsync(family);
            await centre.Locator("#move-Accepted button").ClickAsync();
            await Assertions.Expect(centre.Locator("#referral-status")).ToHaveTextAsync("accepted");
            await centre.Locator("#move-InService button").ClickAsync();
            await centre.Locator("#note-Completed").FillAsync("Three counselling sessions held");
            await centre.Locator("#move-Completed button").ClickAsync();
            await Assertions.Expect(centre.Locator("#outcome")).ToContainTextAsync("Three counselling sessions held");

            // Back at the NGO: every step with its organisation; the NGO closes the loop.
            await ngo.ReloadAsync();
            await Assertions.Expect(ngo.Locator("#referral-steps li")).ToHaveCountAsync(4);
            await ngo.Locator("#move-Closed button").ClickAsync();
            await Assertions.Expect(ngo.Locator("#referral-status")).ToHaveTextAsync("closed");
            await Assertions.Expect(ngo.Locator("#referral-steps li").Nth(3)).ToContainTextAsync("Three counselling sessions held");
        });
    }
}
