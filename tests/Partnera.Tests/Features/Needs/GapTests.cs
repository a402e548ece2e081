using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Needs.Registry;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class GapTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Need_is_scaled_to_the_community_and_set_against_directory_capacity(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, population) = await NeedsCampaigns.TestvilleAsync(app);
        // Four households of 2, 3, 3 and 4 people (average 3); two of them need respite for carers (021.0) and in-kind help (014.0).
        await app.WithDbAsync(async db =>
        {
            var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId);
            foreach (var (size, needs) in new[] { (2, true), (3, false), (3, true), (4, false) })
            {
                var household = new HouseholdInput { CommunityId = place, Anonymous = true };
                List<Answer> answers = [new() { QuestionCode = "A1", Number = size }];
                if (needs) answers.AddRange([new() { QuestionCode = "D3", OptionCode = "021.0" }, new() { QuestionCode = "D3", OptionCode = "014.0" }]);
                db.HouseholdResponses.Add(AnswerForm.Record(campaignId, version, household, answers, ResponseSource.Staff, DateTime.UtcNow, "test"));
            }
            return await db.SaveChangesAsync();
        });
        var before = Row((await AnalyseAsync(app, campaignId)).Rows, place, "021.0");
        Assert.Equal((4, 2, 3m), (before.Responses, before.Wanting, before.HouseholdSize));
        // Respite is counted in people: one person in each of half of the population ÷ 3 households (not every member of them).
        Assert.Equal((CountingUnit.Person, Math.Round(2m / 4 * (population / 3m), 1)), (before.Unit, before.EstimatedNeed));
        // In-kind help is counted in households: half of population ÷ 3 households.
        var inKind = Row((await AnalyseAsync(app, campaignId)).Rows, place, "014.0");
        Assert.Equal((CountingUnit.Household, Math.Round(2m / 4 * (population / 3m), 1)), (inKind.Unit, inKind.EstimatedNeed));

        // A new respite service with 120 places there adds exactly its places to the capacity and takes them off the gap.
        await app.WithDbAsync(async db =>
        {
            var term = await db.TaxonomyTerms.Where(t => t.Code == "021.0").Select(t => t.Id).SingleAsync();
            var organisation = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync();
            var service = new Service { OrganisationId = organisation, Name = new MultilingualText("Respite " + Guid.NewGuid().ToString("N")[..6]), Status = ServiceStatus.Active, Capacity = 120 };
            service.Terms.Add(new ServiceTerm { ServiceId = service.Id, TaxonomyTermId = term });
            service.Areas.Add(new ServiceArea { ServiceId = service.Id, TerritoryId = place });
            db.Services.Add(service);
            return await db.SaveChangesAsync();
        });
        var after = Row((await AnalyseAsync(app, campaignId)).Rows, place, "021.0");
        Assert.Equal(before.Capacity + 120, after.Capacity);
        Assert.Equal(Math.Max(0, after.EstimatedNeed - after.Capacity), after.Gap);
        Assert.Equal(0, Row((await AnalyseAsync(app, campaignId)).Rows, place, "015.1").Wanting);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Need_from_registries_weighs_each_groups_count_by_how_often_its_households_need_the_service(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place,
            [Option("B1", "older-alone"), Option("D3", "015.1")],
            [Option("B1", "older-alone")],
            [Option("B1", "disability"), Option("D3", "015.1")],
            [Option("B1", "disability"), Option("D3", "015.1"), Option("D3", "021.0")]);
        // Before any count is entered the registry's need is unknown there, not zero.
        Assert.All((await AnalyseAsync(app, campaignId, NeedMethod.Registry)).Rows.Where(r => r.CommunityId == place), r => Assert.True(r.NoRegistryCount));
        await app.WithDbAsync(async db =>
        {
            db.RegistryCounts.AddRange(
                new RegistryCount { TerritoryId = place, Group = TargetGroup.OlderPeople, AsOf = new DateOnly(2026, 1, 1), People = 300 },
                new RegistryCount { TerritoryId = place, Group = TargetGroup.PeopleWithDisabilities, AsOf = new DateOnly(2025, 12, 31), People = 120 },
                // Counted after data collection ended (15 June): not the campaign's figure.
                new RegistryCount { TerritoryId = place, Group = TargetGroup.OlderPeople, AsOf = new DateOnly(2026, 9, 1), People = 999 });
            return await db.SaveChangesAsync();
        });
        var rows = (await AnalyseAsync(app, campaignId, NeedMethod.Registry)).Rows;
        Assert.All(rows.Where(r => r.CommunityId == place), r => Assert.False(r.NoRegistryCount));
        // Home care: older people 300 × ½ + people with disabilities 120 × 2/2 = 270; respite: 120 × ½ = 60.
        Assert.Equal(270m, Row(rows, place, "015.1").EstimatedNeed);
        Assert.Equal(420, Row(rows, place, "015.1").RegistryPeople);
        Assert.Equal(60m, Row(rows, place, "021.0").EstimatedNeed);
        Assert.Equal(0m, Row(rows, place, "016.0").EstimatedNeed);
        // Each group's rate is known only from its sample: home care, Wilson 9.45–90.55 % of 300 plus 34.24–100 % of 120;
        // respite, 0–65.76 % of 300 (none of the two older households asked, which does not mean none would) plus 9.45–90.55 % of 120.
        Assert.Equal((69.4m, 391.6m), Row(rows, place, "015.1").NeedInterval);
        Assert.Equal((11.3m, 305.9m), Row(rows, place, "021.0").NeedInterval);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Need_from_registries_that_count_one_person_in_several_groups_never_exceeds_the_community(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, population) = await NeedsCampaigns.TestvilleAsync(app);
        // Every surveyed household of both groups needs home care (people) and in-kind help (households).
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place,
            [Option("B1", "older-alone"), Option("D3", "015.1"), Option("D3", "014.0")],
            [Option("B1", "disability"), Option("D3", "015.1"), Option("D3", "014.0")]);
        // Registries that overlap: most older people are also registered as people with disabilities.
        await app.WithDbAsync(async db =>
        {
            db.RegistryCounts.AddRange(
                new RegistryCount { TerritoryId = place, Group = TargetGroup.OlderPeople, AsOf = new DateOnly(2026, 1, 1), People = population * 4 / 5 },
                new RegistryCount { TerritoryId = place, Group = TargetGroup.PeopleWithDisabilities, AsOf = new DateOnly(2026, 1, 1), People = population * 3 / 5 });
            return await db.SaveChangesAsync();
        });
        var rows = (await AnalyseAsync(app, campaignId, NeedMethod.Registry)).Rows;
        // 80 % + 60 % of the population would be 140 %: home care is held to everyone there, in-kind help to its households.
        var homeCare = Row(rows, place, "015.1");
        Assert.Equal((decimal)population, homeCare.EstimatedNeed);
        Assert.Equal((decimal)population, homeCare.NeedInterval!.Value.High);
        var inKind = Row(rows, place, "014.0");
        Assert.Equal(Math.Round(inKind.Households!.Value, 1), inKind.EstimatedNeed);
        Assert.True(inKind.EstimatedNeed < population / 2);
        Assert.True(inKind.NeedInterval!.Value.High <= inKind.EstimatedNeed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Gaps_are_compared_with_the_previous_campaign_of_the_same_community(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (earlier, place, population) = await NeedsCampaigns.TestvilleAsync(app, periodStarts: new DateOnly(2023, 1, 1));
        await NeedsCampaigns.HouseholdsAsync(app, earlier, place, [Option("D3", "021.0")], [Option("D3", "021.0")]);
        var (current, _, _) = await NeedsCampaigns.TestvilleAsync(app, place);
        await NeedsCampaigns.HouseholdsAsync(app, current, place, [Option("D3", "021.0")], [Option("D3", "015.1")]);
        var result = await AnalyseAsync(app, current);
        Assert.Equal(earlier, result.PreviousId);
        // Before: every household needed respite (30,000 ÷ 2.5 households, a person in each); now half of them do.
        Assert.Equal(population / 2.5m, Row(result.Rows, place, "021.0").PreviousGap);
        Assert.Equal(population / 2.5m / 2, Row(result.Rows, place, "021.0").Gap);
        Assert.Null((await AnalyseAsync(app, earlier)).PreviousId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_answers_the_pages_say_there_is_no_estimate_yet_and_nothing_is_handed_over(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        // Zeros for want of answers are not a finding: each page says so instead of "closing every gap costs 0".
        foreach (var url in new[] { $"/Needs/Costs/{campaignId}", $"/Needs/Costs/{campaignId}?community={place}", $"/Needs/Gaps/{campaignId}?community={place}" })
            Assert.StartsWith("No estimate yet: no household has answered here", (await specialist.GetPageAsync(url)).QuerySelector("#no-answers")?.TextContent.Trim() ?? url, StringComparison.Ordinal);
        var handed = await specialist.SubmitAsync($"/Needs/Costs/{campaignId}", new Dictionary<string, string[]>(), "#hand-over-form");
        var after = await specialist.GetPageAsync(handed.Headers.Location!.OriginalString);
        Assert.Contains("Nothing handed over: no gap was found", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.HandedOverGaps.CountAsync(g => g.CampaignId == campaignId)));

        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("D3", "021.0")]);
        Assert.Null((await specialist.GetPageAsync($"/Needs/Costs/{campaignId}")).QuerySelector("#no-answers"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Costs_multiply_each_gap_by_the_communitys_directorys_or_countrys_unit_cost_and_split_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        // 2 of 4 households need respite (021.0) and 1 home care (015.1), both counted in people (one per household): gaps of
        // 6,000 and 3,000 people, of 12,000 households of 2.5 in 30,000 people.
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("D3", "021.0")], [Option("D3", "021.0"), Option("D3", "015.1")], [], []);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var costs = await specialist.GetPageAsync($"/Needs/Costs/{campaignId}?community={place}");
        // The Ukrainian defaults: respite 30,000 and home care 36,000 UAH a year per person.
        Assert.Equal("180,000,000", Cell(costs, "021.0", "cost"));
        Assert.Equal("108,000,000", Cell(costs, "015.1", "cost"));
        Assert.Contains("country", costs.QuerySelector("#costs tr[data-term='021.0'] .unit")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("UAH a year per person", costs.QuerySelector("label[for='u-021.0']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("UAH a year per household", costs.QuerySelector("label[for='u-014.0']")!.TextContent.Trim(), StringComparison.Ordinal);

        // A directory service of the community that states its unit cost gives the figure; the community's own figure wins over both.
        await app.WithDbAsync(async db =>
        {
            var term = await db.TaxonomyTerms.Where(t => t.Code == "015.1").Select(t => t.Id).SingleAsync();
            var organisation = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync();
            var service = new Service { OrganisationId = organisation, Name = new MultilingualText("Home care " + Guid.NewGuid().ToString("N")[..6]), Status = ServiceStatus.Active, UnitCost = 24_000, UnitCostCurrency = "UAH" };
            service.Terms.Add(new ServiceTerm { ServiceId = service.Id, TaxonomyTermId = term });
            service.Areas.Add(new ServiceArea { ServiceId = service.Id, TerritoryId = place });
            db.Services.Add(service);
            return await db.SaveChangesAsync();
        });
        var url = $"/Needs/Costs/{campaignId}?community={place}";
        Assert.Equal("72,000,000", Cell(await specialist.GetPageAsync(url), "015.1", "cost"));
        var refused = Pages.Parse(await (await specialist.SubmitAsync(url, new Dictionary<string, string[]> { ["UnitCosts[021.0]"] = ["cheap"] }, "#unit-cost-form")).TextAsync());
        Assert.Contains("Enter a cost from 0 to 1,000,000,000, or leave the field empty.", refused.FieldErrors());
        var huge = Pages.Parse(await (await specialist.SubmitAsync(url, new Dictionary<string, string[]> { ["UnitCosts[021.0]"] = ["79228162514264337593543950335"] }, "#unit-cost-form")).TextAsync());
        Assert.Contains("Enter a cost from 0 to 1,000,000,000, or leave the field empty.", huge.FieldErrors());
        var saved = await specialist.SubmitAsync(url, new Dictionary<string, string[]> { ["UnitCosts[021.0]"] = ["20 000"] }, "#unit-cost-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var own = await specialist.GetPageAsync(url);
        Assert.Equal("120,000,000", Cell(own, "021.0", "cost"));
        Assert.Contains("community", own.QuerySelector("#costs tr[data-term='021.0'] .unit")!.TextContent, StringComparison.Ordinal);

        // The split: the country's usual one (70/20/10) until the campaign sets its own, which must add up to 100%.
        var all = $"/Needs/Costs/{campaignId}";
        var total = 120_000_000m + 72_000_000m;
        Assert.Equal((total * 0.7m).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")), (await specialist.GetPageAsync(all)).QuerySelector("#total-LocalBudget")!.TextContent.Trim());
        var badSplit = Pages.Parse(await (await specialist.SubmitAsync(all, new Dictionary<string, string[]> { ["Split.LocalBudget"] = ["50"] }, "#split-form")).TextAsync());
        Assert.Equal("The shares must add up to 100%.", badSplit.QuerySelector("#split-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(all, new Dictionary<string, string[]>
        { ["Split.LocalBudget"] = ["50"], ["Split.StateBudget"] = ["25"], ["Split.Donor"] = ["25"], ["Split.Other"] = ["0"] }, "#split-form")).StatusCode);
        var split = await specialist.GetPageAsync(all);
        Assert.Equal("96,000,000", split.QuerySelector("#total-LocalBudget")!.TextContent.Trim());
        Assert.Contains("Donor 25%", split.QuerySelector("#assumptions")!.TextContent, StringComparison.Ordinal);

        // Handed over to planning: the costed gaps are stored with their figures and assumptions.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(all, new Dictionary<string, string[]>(), "#hand-over-form")).StatusCode);
        var handed = await app.WithDbAsync(db => db.HandedOverGaps.Where(g => g.CampaignId == campaignId).OrderBy(g => g.TermCode).ToListAsync());
        Assert.Equal(["015.1", "021.0"], handed.Select(g => g.TermCode));
        var respite = handed[1];
        Assert.Equal((6_000m, "Person", 20_000m, 120_000_000m, 60_000_000m, 30_000_000m, "UAH", "Community"),
            (respite.Gap, respite.Unit, respite.UnitCost!.Value, respite.Cost, respite.LocalBudget, respite.Donor, respite.Currency, respite.UnitCostBasis));
        Assert.Contains("Donor 25%", respite.Assumptions, StringComparison.Ordinal);
        // Handing over again replaces the figures rather than adding to them.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(all, new Dictionary<string, string[]>(), "#hand-over-form")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.HandedOverGaps.CountAsync(g => g.CampaignId == campaignId)));
    }

    [Fact]
    public async Task The_gap_page_compares_communities_and_details_one_with_the_method_shown()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var all = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}");
        Assert.NotNull(all.QuerySelector($"#gap-matrix tr[data-community='{place}'] td[data-term='021.0']"));
        Assert.NotNull(all.QuerySelector("#gap-chart-data"));
        var one = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?community={place}");
        Assert.Contains("population ÷ average household size", one.QuerySelector("#method")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(one.QuerySelector($"#gaps tr[data-community='{place}'][data-term='021.0']"));
        var registry = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?community={place}&method=Registry");
        Assert.Contains("the people the registry counts", registry.QuerySelector("#method")!.TextContent, StringComparison.Ordinal);
        // No registry count entered for the place: its need by registry is unknown, said on the gaps and the cost pages.
        Assert.Contains("unknown, not zero", registry.QuerySelector("#no-registry")!.TextContent, StringComparison.Ordinal);
        var placeName = await app.WithDbAsync(db => db.Territories.Where(t => t.Id == place).Select(t => t.Name.Value).SingleAsync());
        Assert.Contains(placeName, (await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?method=Registry")).QuerySelector("#no-registry")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(placeName, (await specialist.GetPageAsync($"/Needs/Costs/{campaignId}?method=Registry")).QuerySelector("#no-registry")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await specialist.GetPageAsync($"/Needs/Costs/{campaignId}")).QuerySelector("#no-registry"));
    }

    [Fact]
    public async Task A_campaign_of_many_communities_shows_them_a_page_at_a_time()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var campaignId = await app.WithDbAsync(async db =>
        {
            var code = Guid.NewGuid().ToString("N")[..8];
            var district = new Partnera.Features.Territories.Territory { Level = Partnera.Features.Territories.TerritoryLevel.District, Name = new MultilingualText("Bigdistrict " + code), Code = "B" + code };
            var communities = Enumerable.Range(1, 55).Select(i => new Partnera.Features.Territories.Territory
            {
                ParentId = district.Id,
                Level = Partnera.Features.Territories.TerritoryLevel.Community,
                Name = new MultilingualText($"Village {i:D2} {code}"),
                Code = $"V{code}{i}",
                Population = 1_000,
            }).ToList();
            db.Territories.AddRange([district, .. communities]);
            var campaign = new AssessmentCampaign
            {
                Title = new MultilingualText("Many " + code),
                PeriodStarts = new DateOnly(2026, 1, 1),
                PeriodEnds = new DateOnly(2028, 12, 31),
                CollectionStarts = new DateOnly(2026, 1, 1),
                CollectionEnds = new DateOnly(2026, 6, 15),
            };
            campaign.Communities.AddRange(communities.Select(c => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = c.Id }));
            db.AssessmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        await app.WithScopeAsync(async s =>
        {
            var book = s.GetRequiredService<QuestionnaireBook>();
            await book.DraftAsync(campaignId, default);
            return await book.PublishAsync(campaignId, default);
        });
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var first = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}");
        Assert.Equal(50, first.QuerySelectorAll("#gap-matrix tbody tr").Length);
        Assert.StartsWith("Village 01", first.QuerySelector("#gap-matrix tbody th")!.TextContent.Trim(), StringComparison.Ordinal);
        var second = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?page=2");
        Assert.Equal(5, second.QuerySelectorAll("#gap-matrix tbody tr").Length);
        Assert.Equal(5, (await specialist.GetPageAsync($"/Needs/Costs/{campaignId}?page=2")).QuerySelectorAll("#costs tbody tr").Length);
    }

    private static Answer Option(string question, string option) => new() { QuestionCode = question, OptionCode = option };

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string term, string column) =>
        page.QuerySelector($"#costs tr[data-term='{term}'] .{column}")!.TextContent.Trim();

    private static Task<GapResult> AnalyseAsync(PartneraApp app, Guid campaignId, NeedMethod method = NeedMethod.Survey) =>
        app.WithScopeAsync(s => s.GetRequiredService<GapAnalysis>().ForCampaignAsync(campaignId, method, default));

    private static GapRow Row(List<GapRow> rows, Guid community, string term) => rows.Single(r => r.CommunityId == community && r.TermCode == term);
}
