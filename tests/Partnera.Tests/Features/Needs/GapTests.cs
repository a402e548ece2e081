using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class GapTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Need_is_scaled_to_the_community_and_set_against_directory_capacity(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, population) = await CampaignAsync(app);
        // Four households of 2, 3, 3 and 4 people (average 3); two of them need respite for carers (021.0).
        await app.WithDbAsync(async db =>
        {
            var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId);
            foreach (var (size, needs) in new[] { (2, true), (3, false), (3, true), (4, false) })
            {
                var household = new HouseholdInput { CommunityId = place, Anonymous = true };
                List<Answer> answers = [new() { QuestionCode = "A1", Number = size }];
                if (needs) answers.Add(new() { QuestionCode = "D3", OptionCode = "021.0" });
                db.HouseholdResponses.Add(AnswerForm.Record(campaignId, version, household, answers, ResponseSource.Staff, DateTime.UtcNow, "test"));
            }
            return await db.SaveChangesAsync();
        });
        var before = Row(await AnalyseAsync(app, campaignId), place, "021.0");
        Assert.Equal((4, 2, 3m), (before.Responses, before.Wanting, before.HouseholdSize));
        Assert.Equal(Math.Round(2m / 4 * (population / 3m), 1), before.EstimatedNeed);

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
        var after = Row(await AnalyseAsync(app, campaignId), place, "021.0");
        Assert.Equal(before.Capacity + 120, after.Capacity);
        Assert.Equal(Math.Max(0, after.EstimatedNeed - after.Capacity), after.Gap);
        Assert.Equal(0, Row(await AnalyseAsync(app, campaignId), place, "015.1").Wanting);
    }

    [Fact]
    public async Task The_gap_table_shows_the_method_and_the_figures()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (campaignId, place, _) = await CampaignAsync(app);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var page = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}");
        Assert.Contains("population ÷ average household size", page.QuerySelector("#method")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#gaps tr[data-community='{place}'][data-term='021.0']"));
    }

    private static Task<List<GapRow>> AnalyseAsync(PartneraApp app, Guid campaignId) => app.WithScopeAsync(s => s.GetRequiredService<GapAnalysis>().ForCampaignAsync(campaignId, default));

    private static GapRow Row(List<GapRow> rows, Guid community, string term) => rows.Single(r => r.CommunityId == community && r.TermCode == term);

    private static async Task<(Guid Campaign, Guid Place, int Population)> CampaignAsync(PartneraApp app)
    {
        // A place of its own (a district outside every country), so the services added here change no other test's results;
        // with no country above it, the Ukrainian template is used.
        var (campaignId, place, population) = await app.WithDbAsync(async db =>
        {
            var code = Guid.NewGuid().ToString("N")[..12];
            var district = new Partnera.Features.Territories.Territory { Level = Partnera.Features.Territories.TerritoryLevel.District, Name = new MultilingualText("Testdistrict " + code), Code = "D" + code };
            var community = new Partnera.Features.Territories.Territory
            {
                ParentId = district.Id,
                Level = Partnera.Features.Territories.TerritoryLevel.Community,
                Name = new MultilingualText("Testville " + code),
                Code = "T" + code,
                Population = 30_000,
            };
            db.Territories.AddRange(district, community);
            var campaign = new AssessmentCampaign
            {
                Title = new MultilingualText("Gap analysis " + code),
                PeriodStarts = new DateOnly(2026, 1, 1),
                PeriodEnds = new DateOnly(2028, 12, 31),
                CollectionStarts = new DateOnly(2026, 1, 1),
                CollectionEnds = new DateOnly(2026, 6, 15),
            };
            campaign.Communities.Add(new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = community.Id });
            db.AssessmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, community.Id, community.Population!.Value);
        });
        await app.WithScopeAsync(async s =>
        {
            var book = s.GetRequiredService<QuestionnaireBook>();
            await book.DraftAsync(campaignId, default);
            return await book.PublishAsync(campaignId, default);
        });
        return (campaignId, place, population);
    }
}
