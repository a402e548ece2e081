using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class FinderTests(TestApps apps)
{
    private const string BakhmutFamilies = "Соціальний супровід сімей у складних життєвих обставинах";
    private const string ProtectedHousing = "Serviciul social „Locuința protejată”";

    private static async Task<List<string>> FindAsync(PartneraApp app, string query, string language = "uk")
    {
        var page = await app.Browser(language).GetPageAsync("/Directory?" + query);
        return page.QuerySelectorAll("#results a.fw-semibold").Select(a => a.TextContent.Trim()).ToList();
    }

    private static string Text(string words) => "q=" + Uri.EscapeDataString(words);

    [Theory, ClassData(typeof(Databases))]
    public async Task The_home_page_s_search_finds_services_and_points_to_organisations(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("uk");
        var home = await client.GetPageAsync("/");
        // The first thing a resident meets is the service finder, not a search of organisations.
        var form = home.QuerySelector("form[role=search]")!;
        Assert.Equal(("find-help", "/Directory"), (form.Id, form.GetAttribute("action")));
        var field = form.QuerySelector("input")!.GetAttribute("name")!;
        var page = await client.GetPageAsync($"/Directory?{field}={Uri.EscapeDataString("Бахмут")}");
        Assert.Contains(BakhmutFamilies, page.QuerySelectorAll("#results a.fw-semibold").Select(a => a.TextContent.Trim()));
        Assert.Equal("/Organisations", home.QuerySelector("#find-organisation")!.GetAttribute("href"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_place_is_found_however_it_is_spelled(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // Other tests may add services in Bakhmut meanwhile, so each spelling is checked for the demo ones.
        string[] inBakhmut = [BakhmutFamilies, "Денний догляд дітей з інвалідністю", "Консультування сімей з дітьми"];
        foreach (var spelling in new[] { "Бахмут", "Bakhmut", "Bahmut", "бахмуті" })
        {
            var found = await FindAsync(app, Text(spelling));
            Assert.All(inBakhmut, name => Assert.Contains(name, found));
            Assert.DoesNotContain(ProtectedHousing, found);
        }

        foreach (var spelling in new[] { "Strășeni", "Straseni", "Страшены", "Страшени", "Straşeni" })
            Assert.Equal([ProtectedHousing], await FindAsync(app, Text(spelling)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Small_typos_and_several_words_still_find_the_service(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        Assert.Equal([ProtectedHousing], await FindAsync(app, Text("locuinta protejta")));
        // Services of a crisis category ("Кризисное вмешательство") match one of the words: the room matching both comes first.
        Assert.Equal("Кризисная комната", (await FindAsync(app, Text("кризисная комната")))[0]);
        Assert.Equal("Кризисная комната", (await FindAsync(app, Text("кризісна")))[0]);
        Assert.Contains("Услуги почасового ухода", await FindAsync(app, Text("Воложин уход")));
        // A service matching one of two words is still found, after those matching both.
        Assert.Equal([ProtectedHousing, "Услуги почасового ухода"], (await FindAsync(app, Text("Воложин locuinta"))).Where(n => n is ProtectedHousing or "Услуги почасового ухода").Order());
        Assert.Empty(await FindAsync(app, Text("zzzzqqqq")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Word_beginnings_and_inflected_forms_find_the_service(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        const string Counselling = "Консультування сімей з дітьми";
        const string Kits = "Натуральна допомога: продуктові та гігієнічні набори";
        // "Психологічні та соціальні консультації" in the description.
        Assert.Contains(Counselling, await FindAsync(app, Text("психолог")));
        Assert.Contains(Counselling, await FindAsync(app, Text("психологічна консультація")));
        Assert.Contains(Kits, await FindAsync(app, Text("продукти")));
        Assert.Contains(Kits, await FindAsync(app, Text("продуктовий набір")));
        Assert.Contains(Kits, await FindAsync(app, Text("prodUkty")));
        // A typo before the ending, in another script: still the kits.
        Assert.Contains(Kits, await FindAsync(app, Text("прдукти")));
        // The placeholder's own example: day care in Bakhmut matches two of its three words.
        var homeCare = await FindAsync(app, Text("догляд вдома Бахмут"));
        Assert.Contains("Денний догляд дітей з інвалідністю", homeCare);
        Assert.Contains(BakhmutFamilies, homeCare);
        Assert.True(homeCare.IndexOf("Денний догляд дітей з інвалідністю") < homeCare.IndexOf(BakhmutFamilies), string.Join(" | ", homeCare));
        // Across scripts as before.
        Assert.Contains("Echipa mobilă", await FindAsync(app, Text("Кагул")));
        Assert.Contains("Кризисная комната", await FindAsync(app, Text("кризисной комнате")));
        var counselling = await app.WithDbAsync(db => db.Services.Where(s => s.Name.Value == Counselling).Select(s => s.Id).SingleAsync());
        var api = System.Text.Json.Nodes.JsonNode.Parse(await app.CreateClient().GetStringAsync("/api/v1/directory/find?q=" + Uri.EscapeDataString("психолог")))!;
        Assert.Contains(api["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == counselling);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Services_matching_more_of_the_words_come_first(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // Made-up words, so no other service (or other test) meets them.
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync();
            var services = new[] { "Зорвантія плімбардо", "Зорвантія плімбардо квесселя", "Плімбардо" }
                .Select(name => new Partnera.Features.Directory.Service { OrganisationId = organisation, Name = new(name) }).ToList();
            db.Services.AddRange(services);
            await db.SaveChangesAsync();
            await new Partnera.Features.Directory.Search.ServiceSearchIndex(db).RefreshAsync(services.Select(s => s.Id).ToList(), CancellationToken.None);
            return services.Count;
        });
        var page = await app.Browser("en").GetPageAsync("/Directory?" + Text("zorvantiu plimbardo kvessel"));
        var found = page.QuerySelectorAll("#results li").Select(li => (Name: li.QuerySelector("a.fw-semibold")!.TextContent.Trim(), Partial: li.QuerySelector(".partial-match")?.TextContent.Trim())).ToList();
        Assert.Equal([("Зорвантія плімбардо квесселя", null), ("Зорвантія плімбардо", "Matches 2 of 3 words"), ("Плімбардо", "Matches 1 of 3 words")], found);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_long_question_is_searched_by_its_first_words_and_the_page_says_so(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var question = await app.Browser("uk").GetPageAsync("/Directory?" + Text("Моя мама живе сама в Бахмуті, їй 82 роки, вона погано ходить і потребує допомоги вдома"));
        Assert.Contains("першими 6 словами", question.QuerySelector("#words-left-out")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await app.Browser("uk").GetPageAsync("/Directory?" + Text("догляд вдома Бахмут"))).QuerySelector("#words-left-out"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_word_naming_a_place_puts_services_there_before_the_same_help_elsewhere(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // Made-up words: both services match two of the three words; the one elsewhere matches them in its name (which
        // counts more), the one in Bakhmut matches the place the resident named.
        await app.WithDbAsync(async db =>
        {
            // An organisation whose name names no place, so only the service's area can match "Бахмут".
            var organisation = new Partnera.Features.Organisations.Organisation { Name = new("Фонд Вербена"), Kind = Partnera.Features.Organisations.OrganisationKind.Ngo };
            db.Organisations.Add(organisation);
            var bakhmut = await db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync();
            var elsewhere = new Partnera.Features.Directory.Service { Organisation = organisation, Name = new("Фрувалія стентопа") };
            var inBakhmut = new Partnera.Features.Directory.Service { Organisation = organisation, Name = new("Фрувалія") };
            inBakhmut.Areas.Add(new() { TerritoryId = bakhmut });
            db.Services.AddRange(elsewhere, inBakhmut);
            await db.SaveChangesAsync();
            await new Partnera.Features.Directory.Search.ServiceSearchIndex(db).RefreshAsync([elsewhere.Id, inBakhmut.Id], CancellationToken.None);
            return 2;
        });
        // (Bakhmut's other services follow, matching the place alone.)
        Assert.Equal(["Фрувалія", "Фрувалія стентопа"], (await FindAsync(app, Text("фрувалія стентопа Бахмут"))).Take(2));
        // Without a place word the name decides.
        Assert.Equal(["Фрувалія стентопа", "Фрувалія"], await FindAsync(app, Text("фрувалія стентопа")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Filters_narrow_by_category_group_place_price_and_language(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var ids = await app.WithDbAsync(async db => new
        {
            MdSpecialised = await db.TaxonomyTerms.Where(t => t.Code == "MD-2").Select(t => t.Id).SingleAsync(),
            DayCare = await db.TaxonomyTerms.Where(t => t.Code == "016.0").Select(t => t.Id).SingleAsync(),
            BakhmutCommunity = await db.Territories.Where(t => t.Code == "UA14020010000053143").Select(t => t.Id).SingleAsync(),
            CahulDistrict = await db.Territories.Where(t => t.Code == "1700").Select(t => t.Id).SingleAsync(),
            Moldova = await db.Territories.Where(t => t.Code == "MD").Select(t => t.Id).SingleAsync(),
        });
        Assert.Equal(3, (await FindAsync(app, $"category={ids.MdSpecialised}")).Count);
        Assert.Equal(["Денний догляд дітей з інвалідністю"], await FindAsync(app, $"category={ids.DayCare}"));
        var disabilityFamilies = await FindAsync(app, "group=FamiliesRaisingChildWithDisability");
        Assert.Equal(["Centrul de zi pentru copii cu dizabilități", "Денний догляд дітей з інвалідністю"], disabilityFamilies.Order());
        var inBakhmut = await FindAsync(app, $"territoryId={ids.BakhmutCommunity}");
        Assert.Contains(BakhmutFamilies, inBakhmut);
        Assert.Contains("Консультування сімей з дітьми", inBakhmut);
        Assert.DoesNotContain("Інформування з питань соціального захисту", inBakhmut);
        Assert.Equal(["Echipa mobilă"], await FindAsync(app, $"territoryId={ids.CahulDistrict}"));
        Assert.Equal(3, (await FindAsync(app, $"territoryId={ids.Moldova}")).Count);
        Assert.DoesNotContain("Отделение дневного пребывания", await FindAsync(app, "free=true"));
        Assert.Equal(3, (await FindAsync(app, "lang=ro")).Count);
        var careInBakhmut = await FindAsync(app, Text("догляд") + $"&territoryId={ids.BakhmutCommunity}");
        Assert.Contains("Денний догляд дітей з інвалідністю", careInBakhmut);
        Assert.DoesNotContain("Centrul de zi pentru copii cu dizabilități", careInBakhmut);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_community_added_to_the_tree_is_searchable_at_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var cahul = await app.WithDbAsync(db => db.Territories.Where(t => t.Code == "1700").Select(t => t.Id).SingleAsync());
        // The finder keeps the tree in memory: this search fills it before the new community exists.
        Assert.Equal(["Echipa mobilă"], await FindAsync(app, $"territoryId={cahul}"));
        var village = await app.WithDbAsync(async db =>
        {
            var community = new Partnera.Features.Territories.Territory
            {
                ParentId = cahul,
                Level = Partnera.Features.Territories.TerritoryLevel.Community,
                Name = new Partnera.Infrastructure.Text.MultilingualText($"Satul Nou {Guid.NewGuid():N}"),
                Code = $"T{Guid.NewGuid():N}"[..20],
                TimeZone = "Europe/Chisinau",
            };
            db.Territories.Add(community);
            await db.SaveChangesAsync();
            return community.Id;
        });
        // The district's mobile team serves every village in it, the new one included.
        Assert.Equal(["Echipa mobilă"], await FindAsync(app, $"territoryId={village}"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Open_now_uses_each_services_own_time_zone_and_lunch_break(DatabaseProvider provider)
    {
        // Monday 23 November 2026, 10:30 UTC: 12:30 in Kyiv and Chișinău (open), 13:30 in Minsk (lunch break).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero));
        await using var app = await apps.NewAppAsync(provider, time: clock);
        var open = await FindAsync(app, "open=true");
        Assert.Contains(BakhmutFamilies, open);
        Assert.Contains(ProtectedHousing, open);
        Assert.DoesNotContain("Услуги почасового ухода", open);
        Assert.DoesNotContain("Кризисная комната", open);

        clock.Advance(TimeSpan.FromHours(1)); // 14:30 in Minsk: open again; 13:30 in Kyiv: lunch.
        var later = await FindAsync(app, "open=true");
        Assert.Contains("Услуги почасового ухода", later);
        Assert.DoesNotContain(BakhmutFamilies, later);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero)); // Sunday
        Assert.Empty(await FindAsync(app, "open=true"));
    }

    [Fact]
    public async Task A_service_page_shows_hours_with_the_lunch_break_and_flags_stale_information()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (valozhyn, stale) = await app.WithDbAsync(async db => (
            await db.Services.Where(s => s.Name.Value == "Услуги почасового ухода").Select(s => s.Id).SingleAsync(),
            await db.Services.Where(s => s.Name.Value == "Консультування сімей з дітьми").Select(s => s.Id).SingleAsync()));
        var page = await app.Browser("ru").GetPageAsync($"/Directory/Service/{valozhyn}");
        Assert.Equal("08:30–13:00, 14:00–17:30", page.QuerySelector("#service-hours dd")!.TextContent.Trim());
        Assert.Contains("+375 (1772) 5-55-72", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("#not-verified"));
        var old = await app.Browser("ro").GetPageAsync($"/Directory/Service/{stale}");
        Assert.NotNull(old.QuerySelector("#not-verified"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_finder_answers_as_json_too(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/directory/find?q=bahmut&group=FamiliesRaisingChildWithDisability"))!;
        Assert.Equal(["Day care for children with disabilities"], page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(1, page["totalItems"]!.GetValue<int>());
    }
}
