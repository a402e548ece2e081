using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partnera.Data;
using Partnera.Data.DemoData;
using Partnera.Features.Accounts;
using Partnera.Features.People;
using Partnera.Features.People.Matching;

namespace Partnera.BrowserTests;

/// <summary>
/// Pages a person opens on a small phone (360 px) fit its width: nothing scrolls sideways. Checked in the languages
/// whose words are longest, as the role that sees each page's widest parts (toolbars, the access log, a waiting role).
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture fixture)
{
    private const int Phone = 360;

    public static TheoryData<string> Languages() => ["uk", "ro"];

    [Theory, MemberData(nameof(Languages))]
    public async Task A_provider_s_people_pages_fit_a_small_phone(string language)
    {
        var twins = await TwinRecordsAsync();
        var page = await NarrowPageAsync("provider@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(A_provider_s_people_pages_fit_a_small_phone)}-{language}", async () =>
        {
            await AssertFitsAsync(page, "/People");
            await Assertions.Expect(page.Locator("#people-actions #register-person")).ToBeVisibleAsync();
            // A record the centre holds whole (others in the list may be shared by a referral, with no buttons), opened
            // twice so its access log has views besides its creation, and with its possible duplicate shown.
            var person = $"/People/Person/{twins.First}";
            await page.GotoAsync(person);
            await AssertFitsAsync(page, person);
            await Assertions.Expect(page.Locator("#person-actions #refer")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#access-log tbody tr").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#duplicates")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "/People/Duplicates");
            // (Another test's twins, one random letter apart, may pair with these too: any of their pairs will do.)
            await Assertions.Expect(page.Locator($"#pairs .side[data-person='{twins.Second}'] a").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"form[data-keep='{twins.Second}'] button.merge").First).ToContainTextAsync(twins.Second.ToString("N")[^8..]);
            await AssertFitsAsync(page, "/People/Referrals");
            await AssertFitsAsync(page, "/Directory/Manage");
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task An_administrator_s_account_pages_fit_a_small_phone_with_a_role_waiting_for_approval(string language)
    {
        var account = await AccountWithWaitingRoleAsync();
        var page = await NarrowPageAsync("admin@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(An_administrator_s_account_pages_fit_a_small_phone_with_a_role_waiting_for_approval)}-{language}", async () =>
        {
            await AssertFitsAsync(page, $"/Account/Users/Edit/{account}");
            var waiting = page.Locator("#memberships li:has(.pending)");
            await Assertions.Expect(waiting).ToHaveCountAsync(1);
            var remove = await waiting.Locator("button.btn-outline-danger").BoundingBoxAsync();
            Assert.True(remove is { } box && box.X >= 0 && box.X + box.Width <= Phone, $"the waiting role's Remove button is at {remove?.X}+{remove?.Width}");
            await AssertFitsAsync(page, "/Account/Users");
            await AssertFitsAsync(page, "/Audit");
            await AssertFitsAsync(page, "/Operations/Jobs");
        });
    }

    [Fact]
    public async Task The_needs_figures_with_their_ranges_and_warnings_fit_a_phone()
    {
        var page = await NarrowPageAsync("cso@partnera.demo", "ro");
        await Screenshots.OnFailureAsync(page, nameof(The_needs_figures_with_their_ranges_and_warnings_fit_a_phone), async () =>
        {
            await page.GotoAsync("/Needs");
            var gaps = await page.Locator("main li", new() { HasTextString = "Cahul, Glodeni și Strășeni" }).Locator("a[href^='/Needs/Gaps/']").First.GetAttributeAsync("href");
            var campaignId = gaps!.Split('?')[0].Split('/').Last();
            await AssertFitsAsync(page, $"/Needs/Gaps/{campaignId}");
            var community = await page.Locator("#gap-matrix tbody tr").First.GetAttributeAsync("data-community");
            await AssertFitsAsync(page, $"/Needs/Gaps/{campaignId}?community={community}");
            Assert.True(await page.Locator("#sample").IsVisibleAsync());
            await AssertFitsAsync(page, $"/Needs/Costs/{campaignId}");
            await AssertFitsAsync(page, $"/Needs/Costs/{campaignId}?community={community}");
            Assert.True(await page.Locator("#total-cost-range").IsVisibleAsync());
            await AssertFitsAsync(page, $"/Needs/Report/{campaignId}");
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task A_specialist_s_campaign_budget_and_refusal_pages_fit_a_small_phone(string language)
    {
        var page = await NarrowPageAsync("specialist@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(A_specialist_s_campaign_budget_and_refusal_pages_fit_a_small_phone)}-{language}", async () =>
        {
            await AssertFitsAsync(page, "/Needs");
            await AssertFitsAsync(page, "/Planning/Budgeting");
            var budget = await page.Locator("#budgets li a").First.GetAttributeAsync("href");
            await AssertFitsAsync(page, budget!);
            // The refusal about rights is a 403 page, and fits too.
            var refusal = await page.GotoAsync("/Account/AccessDenied?reason=working-group");
            Assert.Equal(403, refusal?.Status);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone, $"the refusal page is {width} px wide");
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task A_sender_s_referral_pages_fit_a_small_phone(string language)
    {
        var referral = await SentReferralAsync();
        var page = await NarrowPageAsync("provider@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(A_sender_s_referral_pages_fit_a_small_phone)}-{language}", async () =>
        {
            await AssertFitsAsync(page, "/People/Referrals?sent=true");
            await AssertFitsAsync(page, "/People/Referrals?sent=false");
            // Just sent: the panel of what happens next and the withdrawal behind its disclosure.
            await AssertFitsAsync(page, $"/People/Referrals/Referral/{referral}");
            await Assertions.Expect(page.Locator("#referral-next a.btn-primary")).ToBeVisibleAsync();
            await page.Locator("#withdraw summary").ClickAsync();
            await Assertions.Expect(page.Locator("#withdraw button")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone, $"the referral with its withdrawal open is {width} px wide");
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task The_send_referral_page_and_the_service_editor_fit_a_small_phone(string language)
    {
        var twins = await TwinRecordsAsync();
        Guid centre;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
            centre = await db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        }
        var page = await NarrowPageAsync("provider@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(The_send_referral_page_and_the_service_editor_fit_a_small_phone)}-{language}", async () =>
        {
            // Services offered as a list of choices a page at a time, with the category and the words above them.
            await AssertFitsAsync(page, $"/People/Referrals/Send/{twins.First}");
            // The centre's own services are not offered: a word finds another organisation's (Zaporizhzhia's information service).
            await page.Locator("#ServiceQuery").FillAsync("Інформування");
            await page.Locator("#find-service").ClickAsync();
            await Assertions.Expect(page.Locator("#services input[type=radio]").First).ToBeVisibleAsync();
            var found = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(found <= Phone, $"the send-referral page with services found is {found} px wide");
            // Categories as checkboxes with the filter box, the other countries' classifiers behind a fold.
            await AssertFitsAsync(page, $"/Directory/Manage/Service?organisationId={centre}");
            await Assertions.Expect(page.Locator("#home-categories input[type=checkbox]").First).ToBeVisibleAsync();
            await page.Locator("#other-categories summary").ClickAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone, $"the service editor with other countries' categories open is {width} px wide");
        });
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task On_a_small_phone_the_header_folds_its_menu_which_opens_with_a_tap_or_the_keyboard(string language)
    {
        var page = await NarrowPageAsync("admin@partnera.demo", language);
        await Screenshots.OnFailureAsync(page, $"{nameof(On_a_small_phone_the_header_folds_its_menu_which_opens_with_a_tap_or_the_keyboard)}-{language}", async () =>
        {
            await AssertFitsAsync(page, "/");
            // Folded: one short bar with the name, the languages and the toggle (the administrator has the most links).
            var header = await page.Locator("header").BoundingBoxAsync();
            Assert.True(header!.Height <= 72, $"the folded header is {header.Height} px high");
            var audit = page.Locator("header a[href='/Audit']");
            await Assertions.Expect(audit).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator($"header a[hreflang='{language}']")).ToBeVisibleAsync();
            var toggle = page.GetByRole(AriaRole.Checkbox, new() { Name = MenuLabel[language] });
            await Assertions.Expect(toggle).ToHaveCountAsync(1);

            await page.Locator("header label[for='menu-toggle']").ClickAsync();
            await Assertions.Expect(audit).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("header form[action='/Account/Logout'] button")).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= Phone, $"the header with its menu open is {width} px wide");
            await audit.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Audit$"));

            // The keyboard: the toggle takes the focus and Space opens the menu.
            await Assertions.Expect(audit).ToBeHiddenAsync();
            await toggle.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(audit).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task On_a_wide_screen_the_header_menu_is_open_without_a_toggle()
    {
        var page = await fixture.NewPageAsync("en", 1280, javaScript: false);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("header a[href='/Directory']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header a[href='/Account/Login']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header label[for='menu-toggle']")).ToBeHiddenAsync();
        var header = await page.Locator("header").BoundingBoxAsync();
        Assert.True(header!.Height <= 72, $"the header is {header.Height} px high on a wide screen");
    }

    private static readonly Dictionary<string, string> MenuLabel = new() { ["uk"] = "Меню", ["ro"] = "Meniu" };

    /// <summary>A window 360 px wide without JavaScript, signed in, in the given language (chosen in the header, as the account may prefer another).</summary>
    private async Task<IPage> NarrowPageAsync(string email, string language)
    {
        var page = await fixture.NewPageAsync(language, Phone, javaScript: false);
        await BrowserFixture.SignInAsync(page, email);
        await page.Locator($"header a[hreflang='{language}']").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Ok, $"{url}: {response?.Status}");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = width <= Phone ? "" : await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > " + Phone + ").slice(0, 4).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(width <= Phone, $"{url} is {width} px wide on a {Phone} px screen; reaching past it: {widest}");
    }

    /// <summary>Two records of one person with long names in the provider's centre, paired for review (the merge buttons are the longest).</summary>
    /// <summary>A referral the demo centre has just sent to another organisation's service, for a person with a long name.</summary>
    private async Task<Guid> SentReferralAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
        var centre = await db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var service = await db.Services.Where(s => s.OrganisationId != centre).OrderBy(s => s.Id).FirstAsync();
        var person = new Person
        {
            FamilyName = "Шевченко-Григоренко" + string.Concat(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('а' + c % 26))),
            GivenName = "Олександра",
            BirthDate = new DateOnly(1958, 9, 3),
            RegisteredById = centre,
            RegisteredAt = DateTime.UtcNow,
        };
        person.IndexNames();
        db.People.Add(person);
        db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = centre, Kind = Involvement.Registered, Since = DateTime.UtcNow });
        var referral = new Partnera.Features.People.Referrals.Referral
        {
            PersonId = person.Id,
            FromOrganisationId = centre,
            ToOrganisationId = service.OrganisationId,
            ServiceId = service.Id,
            Reason = "Потребує щоденного догляду вдома після виписки з лікарні",
            Status = Partnera.Features.People.Referrals.ReferralStatus.Sent,
            SentAt = DateTime.UtcNow,
            AnswerDue = DateTime.UtcNow.AddDays(3),
            UpdatedAt = DateTime.UtcNow,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    }

    private async Task<(Guid First, Guid Second)> TwinRecordsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
        var centre = await db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var family = "Дмитренко-Ковальчук" + string.Concat(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('а' + c % 26)));
        var twins = Enumerable.Range(0, 2).Select(i => new Person
        {
            FamilyName = family,
            GivenName = "Олександра",
            Patronymic = "Володимирівна",
            BirthDate = new DateOnly(1961, 4, 17),
            RegisteredById = centre,
            RegisteredAt = DateTime.UtcNow.AddDays(-30 * i),
        }).ToList();
        foreach (var person in twins)
        {
            person.IndexNames();
            db.People.Add(person);
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = centre, Kind = Involvement.Registered, Since = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
        var pairs = await scope.ServiceProvider.GetRequiredService<DuplicateScan>().CheckAsync([twins[1]], CancellationToken.None);
        Assert.Contains(pairs, p => p.Other == twins[0].Id || p.Person == twins[0].Id);
        return (twins[0].Id, twins[1].Id);
    }

    /// <summary>A new account with one role and another (in an organisation the administrator does not run) waiting for approval.</summary>
    private async Task<Guid> AccountWithWaitingRoleAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
        var council = await db.Memberships.Where(m => m.User!.Email == "admin@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var centre = await db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        var email = $"{Guid.NewGuid():N}@staff.test";
        var user = new PartneraUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Олександра Коваленко-Шевченко" };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PartneraUser>>().CreateAsync(user, DemoDataSeeder.DemoPassword)).Succeeded);
        db.Memberships.AddRange(
            new Membership { UserId = user.Id, OrganisationId = council, Role = Role.AuthoritySpecialist },
            new Membership { UserId = user.Id, OrganisationId = centre, Role = Role.ProviderStaff, PendingSince = DateTime.UtcNow, GrantedBy = "admin@partnera.demo" });
        await db.SaveChangesAsync();
        return user.Id;
    }
}
