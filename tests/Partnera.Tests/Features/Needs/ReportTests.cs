using System.Net;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
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
        // One household in four needs respite and one home care: gaps of 3,000 households each, × 30,000 and 36,000 UAH.
        Assert.Equal("198,000,000", report.QuerySelector("#report-total-cost")!.TextContent.Trim());
        Assert.NotNull(report.QuerySelector($"#gap-matrix tr[data-community='{place}'] td[data-term='021.0']"));
        Assert.NotNull(report.QuerySelector("#priority-formula"));
        Assert.Null(report.QuerySelector("#report-open-data"));

        var excel = await specialist.GetAsync(report.QuerySelector("#report-excel")!.GetAttribute("href")!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Responses", "Groups", "Gaps", "Costs"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var gaps = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Gaps").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3000d, Convert.ToDouble(gaps.Single(r => (string?)r["Category code"] == "021.0")["Gap"], System.Globalization.CultureInfo.InvariantCulture));
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
        var text = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeezed("Звіт про оцінювання потреб"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Домогосподарства, що відповіли"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("198 000 000"), text, StringComparison.Ordinal);
        Assert.Contains("Testville", text, StringComparison.Ordinal);

        var outsider = app.Browser("uk");
        await outsider.SignInAsync("provider@partnera.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Needs/Report/{campaignId}?handler=Pdf")).StatusCode);
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

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
        Assert.Equal((Math.Round(6m / 7 * 12_000, 1) * 30_000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Cell("021.0", "cost"));
    }
}
