using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

public sealed class ReportTests(TestApps apps)
{
    private static Answer Option(string question, string option) => new() { QuestionCode = question, OptionCode = option };

    [Theory, ClassData(typeof(Databases))]
    public async Task The_report_prints_counts_gaps_and_costs_and_its_tables_open_in_Excel(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("B1", "displaced"), Option("D3", "021.0")], [Option("D3", "015.1")], [], []);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var report = await specialist.GetPageAsync($"/Needs/Report/{campaignId}");
        Assert.Equal("4", report.QuerySelector("#report-total-responses")!.TextContent.Trim());
        Assert.Contains("population ÷ average household size", report.QuerySelector("#report-method")!.TextContent, StringComparison.Ordinal);
        // One household in four needs respite and one home care, both counted in people (one per household): gaps of 3,000 each, × 30,000 and 36,000 UAH.
        Assert.Equal("198,000,000", report.QuerySelector("#report-total-cost")!.TextContent.Trim());
        Assert.Equal("Planned", report.QuerySelector("#report-status")!.TextContent.Trim());
        Assert.NotNull(report.QuerySelector($"#gap-matrix tr[data-community='{place}'] td[data-term='021.0']"));
        Assert.NotNull(report.QuerySelector("#priority-formula"));
        Assert.Null(report.QuerySelector("#report-open-data"));

        var excel = await specialist.GetAsync(report.QuerySelector("#report-excel")!.GetAttribute("href")!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Responses", "Groups", "Gaps", "Costs"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var gaps = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Gaps").Cast<IDictionary<string, object?>>().ToList();
        var respite = gaps.Single(r => (string?)r["Category code"] == "021.0");
        Assert.Equal((3000d, "people"), (Convert.ToDouble(respite["Gap"], System.Globalization.CultureInfo.InvariantCulture), (string?)respite["Counted in"]));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_report_downloads_as_a_PDF_in_the_readers_language_for_staff_of_the_campaign_only(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [Option("B1", "displaced"), Option("D3", "021.0")], [Option("D3", "015.1")], [], []);
        var specialist = app.Browser("uk");
        await specialist.SignInAsync("specialist@partnera.demo");
        var report = await specialist.GetPageAsync($"/Needs/Report/{campaignId}");
        var response = await specialist.GetAsync(report.QuerySelector("#report-pdf")!.GetAttribute("href")!);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        // Group separators and line breaks differ between print and screen: the words and figures are compared without spaces.
        var text = Pages.Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Pages.Squeezed("Звіт про оцінювання потреб"), text, StringComparison.Ordinal);
        Assert.Contains(Pages.Squeezed("Домогосподарства, що відповіли"), text, StringComparison.Ordinal);
        Assert.Contains(Pages.Squeezed("198 000 000"), text, StringComparison.Ordinal);
        // One word per concept: the gap is «прогалина» everywhere; the status has its own label beside the collection dates.
        Assert.DoesNotContain("розрив", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Pages.Squeezed("Стан: Заплановано"), text, StringComparison.Ordinal);
        Assert.Contains("Testville", text, StringComparison.Ordinal);

        var outsider = app.Browser("uk");
        await outsider.SignInAsync("provider@partnera.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Needs/Report/{campaignId}?handler=Pdf")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_of_many_communities_adds_them_up_by_area_and_each_area_opens_as_its_own_report(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // A region of two districts: 60 and 41 communities, more than a report lists one by one or a list offers to choose from.
        var (campaignId, first, second) = await app.WithDbAsync(async db =>
        {
            var code = Guid.NewGuid().ToString("N")[..8];
            var region = new Territory { Level = TerritoryLevel.Region, Name = new MultilingualText("Testregion " + code) };
            var districts = new[] { "North", "South" }.Select(n => new Territory { ParentId = region.Id, Level = TerritoryLevel.District, Name = new MultilingualText($"{n} {code}") }).ToList();
            var communities = Enumerable.Range(0, 101).Select(i => new Territory
            {
                ParentId = districts[i < 60 ? 0 : 1].Id,
                Level = TerritoryLevel.Community,
                Name = new MultilingualText($"Village {i:000} {code}"),
                Population = 1_000,
            }).ToList();
            db.Territories.AddRange([region, .. districts, .. communities]);
            var campaign = new AssessmentCampaign
            {
                Title = new MultilingualText("Region " + code),
                PeriodStarts = new DateOnly(2026, 1, 1),
                PeriodEnds = new DateOnly(2028, 12, 31),
                CollectionStarts = new DateOnly(2026, 1, 1),
                CollectionEnds = new DateOnly(2026, 6, 15),
            };
            campaign.Communities.AddRange(communities.Select(c => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = c.Id }));
            campaign.WorkingGroup.Add(new WorkingGroupMember { CampaignId = campaign.Id, OrganisationId = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync() });
            db.AssessmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, communities[0].Id, communities[80].Id);
        });
        await app.WithScopeAsync(async s =>
        {
            var book = s.GetRequiredService<QuestionnaireBook>();
            await book.DraftAsync(campaignId, default);
            return await book.PublishAsync(campaignId, default);
        });
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, first, [Option("D3", "021.0")], []);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, second, [Option("D3", "021.0")], [Option("D3", "021.0")], []);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");

        var response = await specialist.GetAsync($"/Needs/Report/{campaignId}");
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 100_000);
        var report = await specialist.GetPageAsync($"/Needs/Report/{campaignId}");
        Assert.Contains("101 communities", report.QuerySelector("#report-rows-are-areas")!.TextContent, StringComparison.Ordinal);
        var rows = report.QuerySelectorAll("#report-responses tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2", "3"], rows.Select(r => r.QuerySelector(".total")!.TextContent.Trim()));
        // Need for respite, a person in each of ½ of 400 households in the first village and ⅔ of 400 in the other; no capacity anywhere.
        Assert.Equal("467", report.QuerySelector("#total-gap-Person")!.TextContent.Trim());
        Assert.Equal(2, report.QuerySelectorAll("#gap-matrix tbody tr").Length);

        var south = await specialist.GetPageAsync(report.QuerySelectorAll("#gap-matrix tbody tr a")[1].GetAttribute("href")!);
        Assert.StartsWith("South", south.QuerySelector("#report-area")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(south.QuerySelector("#report-rows-are-areas"));
        Assert.Equal(41, south.QuerySelectorAll("#report-responses tbody tr").Length);
        Assert.Equal("267", south.QuerySelector("#total-gap-Person")!.TextContent.Trim());
        Assert.Equal("3", south.QuerySelector("#report-total-responses")!.TextContent.Trim());

        // The households most in need are listed one community at a time, opened from that community's gaps.
        var group = app.Browser("en");
        await group.SignInAsync("cso@partnera.demo");
        var ranking = await group.GetPageAsync($"/Needs/Ranking/{campaignId}");
        Assert.NotNull(ranking.QuerySelector("#ranking-community"));
        Assert.Null(ranking.QuerySelector("#ranking"));
        var gaps = await group.GetPageAsync($"/Needs/Gaps/{campaignId}?community={second}");
        ranking = await group.GetPageAsync(gaps.QuerySelector("#community-ranking")!.GetAttribute("href")!);
        Assert.Equal(3, ranking.QuerySelectorAll("#ranking tbody tr").Length);
        Assert.Null(ranking.QuerySelector("#community"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Open_data_is_public_once_collection_is_over_and_hides_small_counts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [.. Enumerable.Repeat<Answer[]>([Option("D3", "021.0")], 6), [Option("D3", "015.1")]]);
        var visitor = app.Browser("en");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Needs/OpenData/{campaignId}")).StatusCode);

        await app.WithDbAsync(db => db.AssessmentCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Completed)));
        var csv = await visitor.GetStringAsync($"/Needs/OpenData/{campaignId}");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = lines[0].ToList();
        string Cell(string term, string column) => lines.Single(l => l[2] == term)[header.IndexOf(column)];
        Assert.Equal("7", Cell("021.0", "households_answered"));
        Assert.Equal("6", Cell("021.0", "households_needing"));
        // One household named home care: too few to print.
        Assert.Equal("<5", Cell("015.1", "households_needing"));
        Assert.Equal("0", Cell("016.0", "households_needing"));
        // Respite is counted in people: a person in each of 6 of 7 households' share of the 12,000 households, at 30,000 UAH each.
        Assert.Equal("person", Cell("021.0", "unit"));
        Assert.Equal((Math.Round(6m / 7 * 12_000, 1) * 30_000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Cell("021.0", "cost"));
    }
}
