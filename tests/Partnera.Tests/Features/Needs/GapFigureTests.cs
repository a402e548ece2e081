using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Gaps;
using Partnera.Infrastructure.Text;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Needs;

/// <summary>The needs figures of a small campaign worked out by hand, checked figure by figure on the pages.</summary>
public sealed class GapFigureTests(TestApps apps)
{
    [Theory]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(2, 5, 0.1176, 0.7693)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void The_interval_of_a_share_is_Wilsons(int k, int n, double low, double high)
    {
        var (l, h) = Wilson.Interval(k, n);
        Assert.Equal(low, (double)l, 4);
        Assert.Equal(high, (double)h, 4);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_gap_page_shows_the_sample_its_95_percent_ranges_and_warns_when_it_is_too_small(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (campaignId, place, _) = await NeedsCampaigns.TestvilleAsync(app);
        // Testville: 30,000 people. Five households of 2, 3, 3, 4 and 3 people (average 3: 10,000 households);
        // two need respite for carers (021.0), one home care (015.1), both counted in people; one needs in-kind help (014.0),
        // counted in households. A respite service there has 1,000 places.
        await HouseholdsAsync(app, campaignId, place, (2, ["021.0", "014.0"]), (3, ["021.0", "015.1"]), (3, []), (4, []), (3, []));
        await app.WithDbAsync(async db =>
        {
            var term = await db.TaxonomyTerms.Where(t => t.Code == "021.0").Select(t => t.Id).SingleAsync();
            var organisation = await db.Organisations.Where(o => o.ShortName == "Keystone").Select(o => o.Id).SingleAsync();
            var service = new Service { OrganisationId = organisation, Name = new MultilingualText("Respite " + Guid.NewGuid().ToString("N")[..6]), Status = ServiceStatus.Active, Capacity = 1_000 };
            service.Terms.Add(new ServiceTerm { ServiceId = service.Id, TaxonomyTermId = term });
            service.Areas.Add(new ServiceArea { ServiceId = service.Id, TerritoryId = place });
            db.Services.Add(service);
            return await db.SaveChangesAsync();
        });
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        var one = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?community={place}");

        Assert.Equal("Sample: 5 households answered here, of about 10,000 households in the community. The range under each figure is its 95 % interval: "
            + "the Wilson score interval of the share of answering households, scaled to the community's households.", one.QuerySelector("#sample")!.TextContent.Trim());
        Assert.StartsWith("Only 5 households answered here: fewer than 30 are too few to estimate the need.", one.QuerySelector("#small-sample")!.TextContent.Trim(), StringComparison.Ordinal);
        // Households needing at least one service: the same two, not four, of 5: 4,000 (1,176.2–7,692.8) of 10,000 households.
        Assert.StartsWith("Households needing at least one service: 4,000 (95 % interval 1,176–7,693); 2 of 5 answering households named one or more.",
            one.QuerySelector("#needing-any")!.TextContent.Trim(), StringComparison.Ordinal);
        // Respite, counted in people (a person in each household that needs it): 2 of 5 (40 %) of 10,000 households = 4,000,
        // Wilson 11.76–76.93 % = 1,176.2–7,692.8; less 1,000 places.
        Assert.Equal(("people", "2 / 5 (40%)", "3", "4,000", "1,176–7,693", "1,000", "3,000", "176–6,693"), Figures(one, "021.0"));
        // Home care: 1 of 5 (20 %), Wilson 3.62–62.45 % = 362.2–6,244.7; no places.
        Assert.Equal(("people", "1 / 5 (20%)", "3", "2,000", "362–6,245", "0", "2,000", "362–6,245"), Figures(one, "015.1"));
        // In-kind help, counted in households: the same share, of the same 10,000 households.
        Assert.Equal(("households", "1 / 5 (20%)", "3", "2,000", "362–6,245", "0", "2,000", "362–6,245"), Figures(one, "014.0"));
        // Nobody asked for day care (016.0): 0 of 5 still leaves up to 43.45 % = 4,344.9.
        Assert.Equal(("people", "0 / 5 (0%)", "3", "0", "0–4,345", "0", "0", "0–4,345"), Figures(one, "016.0"));
        // Sums are kept per unit and labelled as places: people 4,000 + 2,000 need, 1,000 places, 5,000 gap; households 2,000.
        var people = one.QuerySelector("#gaps tfoot tr[data-unit='Person']")!;
        Assert.Equal("Sum over categories counted in people (a person needing several services counts in each)", people.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["6,000", "1,000", "5,000"], people.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()));
        Assert.Equal(["2,000", "0", "2,000"], one.QuerySelectorAll("#gaps tfoot tr[data-unit='Household'] td").Take(3).Select(c => c.TextContent.Trim()));
        Assert.Equal(2, one.QuerySelectorAll("#gaps tfoot tr").Length);

        // The side-by-side matrix shows how many answered in each community and marks the small sample.
        var all = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}");
        var answered = all.QuerySelector($"#gap-matrix tr[data-community='{place}'] .answered")!;
        Assert.Equal("5 ⚠", answered.TextContent.Trim());
        Assert.Contains("small-sample", answered.ClassName, StringComparison.Ordinal);
        Assert.Equal("4,000", all.QuerySelector($"#gap-matrix tr[data-community='{place}'] .needing-any")!.TextContent.Trim());
        Assert.Equal(("5,000", "2,000"), (all.QuerySelector($"#gap-matrix tr[data-community='{place}'] .total[data-unit='Person']")!.TextContent.Trim(),
            all.QuerySelector($"#gap-matrix tr[data-community='{place}'] .total[data-unit='Household']")!.TextContent.Trim()));
        Assert.Equal("014.0 — In-kind assistance (households)", all.QuerySelector("#gap-categories li[data-term='014.0']")!.TextContent.Trim());
        Assert.StartsWith("⚠ fewer than 30 households answered in this community", all.QuerySelector("#small-sample-note")!.TextContent.Trim(), StringComparison.Ordinal);

        // Costs (the Ukrainian defaults, a year, per person or per household as the category is counted): respite 30,000 UAH × 3,000
        // people (176.2–6,692.8); home care 36,000 × 2,000 (362.2–6,244.7); in-kind help 4,000 × 2,000 households (362.2–6,244.7).
        var costs = await specialist.GetPageAsync($"/Needs/Costs/{campaignId}?community={place}");
        Assert.Equal(("3,000", "176–6,693", "90,000,000", "5,286,000–200,784,000"), Costed(costs, "021.0"));
        Assert.Equal(("2,000", "362–6,245", "72,000,000", "13,039,200–224,809,200"), Costed(costs, "015.1"));
        Assert.Equal(("2,000", "362–6,245", "8,000,000", "1,448,800–24,978,800"), Costed(costs, "014.0"));
        // Day care, nobody asked for: a gap of 0, but up to 4,344.9 people × 60,000.
        Assert.Equal(("0", "0–4,345", "0", "0–260,694,000"), Costed(costs, "016.0"));
        Assert.Equal("Closing every gap costs 170,000,000 UAH a year.", costs.QuerySelector("#total-cost")!.TextContent.Trim());
        // Lows: 5,286,000 + 13,039,200 + 1,448,800; highs: those of every category, the eleven nobody asked for included.
        Assert.StartsWith("From the low to the high end of each category's 95 % interval: 19,774,000–2,557,848,500 UAH a year",
            costs.QuerySelector("#total-cost-range")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(costs.QuerySelector("#small-sample"));
        Assert.Equal(["Service category", "Counted in", "Gap", "Unit cost, UAH", "Cost, UAH", "Local budget, UAH"],
            costs.QuerySelectorAll("#costs thead th").Take(6).Select(h => h.TextContent.Trim()));
        var costList = await specialist.GetPageAsync($"/Needs/Costs/{campaignId}");
        Assert.NotNull(costList.QuerySelector($"#costs tr[data-community='{place}'] .small-sample"));
        Assert.Equal(["5,000", "2,000"], costList.QuerySelectorAll($"#costs tr[data-community='{place}'] .gap").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Community", "Gap (people)", "Gap (households)", "Cost, UAH"], costList.QuerySelectorAll("#costs thead th").Take(4).Select(h => h.TextContent.Trim()));

        // The report, its PDF and its Excel file carry the same figures.
        var report = await specialist.GetPageAsync($"/Needs/Report/{campaignId}");
        Assert.Equal("170,000,000", report.QuerySelector("#report-total-cost")!.TextContent.Trim());
        Assert.StartsWith("From the low to the high end of each category's 95 % interval: 19,774,000–2,557,848,500 UAH a year",
            report.QuerySelector("#report-total-cost-range")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("5 ⚠", report.QuerySelector($"#gap-matrix tr[data-community='{place}'] .answered")!.TextContent.Trim());
        Assert.Equal("4,000", report.QuerySelector($"#gap-matrix tr[data-community='{place}'] .needing-any")!.TextContent.Trim());
        var ranged = report.QuerySelector($"#report-gap-ranges tr[data-community='{place}'][data-term='021.0']")!;
        Assert.Equal(("4,000 (1,176–7,693)", "3,000 (176–6,693)"), (ranged.QuerySelector(".need")!.TextContent.Trim(), ranged.QuerySelector(".gap")!.TextContent.Trim()));

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await (await specialist.GetAsync(report.QuerySelector("#report-pdf")!.GetAttribute("href")!)).Content.ReadAsByteArrayAsync()))
        {
            var text = Pages.Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
            foreach (var figure in new[] { "Fewer than 30 households answered in: Testville", "4,000 (1,176–7,693)", "3,000 (176–6,693)", "2,000 (362–6,245)",
                         "0 (0–4,345)", "Sum over categories counted in households", "170,000,000", "19,774,000–2,557,848,500 UAH" })
                Assert.Contains(Pages.Squeezed(figure), text, StringComparison.Ordinal);
        }

        using var workbook = new MemoryStream(await (await specialist.GetAsync(report.QuerySelector("#report-excel")!.GetAttribute("href")!)).Content.ReadAsByteArrayAsync());
        var sheet = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Gaps").Cast<IDictionary<string, object?>>().ToList();
        var respite = sheet.Single(r => (string?)r["Category code"] == "021.0");
        double Number(IDictionary<string, object?> row, string column) => Convert.ToDouble(row[column], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("people", 5d, 2d, 10_000d, 4_000d, 1_176.2d, 7_692.8d, 1_000d, 3_000d, 176.2d, 6_692.8d, "yes"),
            ((string?)respite["Counted in"], Number(respite, "Households answered"), Number(respite, "Households needing it"), Number(respite, "Households in the community"),
             Number(respite, "Estimated need"), Number(respite, "Estimated need: 95 % interval, from"), Number(respite, "Estimated need: 95 % interval, to"),
             Number(respite, "Capacity (places)"), Number(respite, "Gap"), Number(respite, "Gap: 95 % interval, from"), Number(respite, "Gap: 95 % interval, to"),
             (string?)respite["Fewer than 30 answered"]));
        var costRows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Costs").Cast<IDictionary<string, object?>>().ToList();
        var homeCare = costRows.Single(r => (string?)r["Category code"] == "015.1");
        Assert.Equal((36_000d, 72_000_000d, 13_039_200d, 224_809_200d, 50_400_000d),
            (Number(homeCare, "Unit cost, UAH"), Number(homeCare, "Cost, UAH"), Number(homeCare, "Cost, UAH: 95 % interval, from"), Number(homeCare, "Cost, UAH: 95 % interval, to"),
             Number(homeCare, "Local budget, UAH")));

        // With 30 households answering (25 more needing nothing, of 3 people) the warning goes and the ranges narrow:
        // respite 2 of 30 of 10,000 households = 666.7, Wilson 1.85–21.32 % = 184.8–2,132.4.
        await HouseholdsAsync(app, campaignId, place, [.. Enumerable.Repeat((3, Array.Empty<string>()), 25)]);
        var enough = await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}?community={place}");
        Assert.Null(enough.QuerySelector("#small-sample"));
        Assert.Equal(("people", "2 / 30 (7%)", "3", "667", "185–2,132", "1,000", "0", "0–1,132"), Figures(enough, "021.0"));
        Assert.Null((await specialist.GetPageAsync($"/Needs/Gaps/{campaignId}")).QuerySelector("#small-sample-note"));
    }

    private static (string, string, string, string, string, string, string, string) Figures(AngleSharp.Html.Dom.IHtmlDocument page, string term)
    {
        var row = page.QuerySelector($"#gaps tr[data-term='{term}']")!;
        string Text(string selector) => row.QuerySelector(selector)?.TextContent.Trim() ?? "";
        return (Text(".unit"), row.Children[2].TextContent.Trim(), row.Children[3].TextContent.Trim(), Text(".need"), Text(".need-range"), Text(".capacity"), Text(".gap"), Text(".gap-range"));
    }

    private static (string, string, string, string) Costed(AngleSharp.Html.Dom.IHtmlDocument page, string term)
    {
        var row = page.QuerySelector($"#costs tr[data-term='{term}']")!;
        string Text(string selector) => row.QuerySelector(selector)?.TextContent.Trim() ?? "";
        return (Text(".gap"), Text(".gap-range"), Text(".cost"), Text(".cost-range"));
    }

    /// <summary>Anonymous households of a place, each of a size and naming the given services as needed.</summary>
    private static Task<int> HouseholdsAsync(PartneraApp app, Guid campaignId, Guid place, params (int Size, string[] Needs)[] households) => app.WithDbAsync(async db =>
    {
        var version = await db.Questionnaires.SingleAsync(q => q.CampaignId == campaignId);
        foreach (var (size, needs) in households)
        {
            List<Answer> answers = [new() { QuestionCode = "A1", Number = size }, .. needs.Select(n => new Answer { QuestionCode = "D3", OptionCode = n })];
            db.HouseholdResponses.Add(AnswerForm.Record(campaignId, version, new HouseholdInput { CommunityId = place, Anonymous = true }, answers, ResponseSource.Staff, DateTime.UtcNow, "test"));
        }
        return await db.SaveChangesAsync();
    });
}
