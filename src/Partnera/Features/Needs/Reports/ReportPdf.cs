using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Printing;

namespace Partnera.Features.Needs.Reports;

/// <summary>
/// The assessment report as a PDF made on the server, saying what the print view says in the reader's language:
/// campaign, method, responses, groups, the gap per community as a chart and per category as a table, costs by
/// funding source with their assumptions, and the priority formula.
/// </summary>
public static class ReportPdf
{
    public static byte[] Write(AssessmentReport report, NeedMethod method, CultureInfo culture, IStringLocalizer t, IStringLocalizer directory)
    {
        var c = report.Campaign;
        using var pdf = new PrintedDocument($"{t["Report_Title"]}: {c.Title.In(culture)}");
        pdf.Heading($"{t["Report_Title"]}: {c.Title.In(culture)}", main: true);
        pdf.Paragraph(t["Campaigns_Period", c.PeriodStarts.ToString("d", culture), c.PeriodEnds.ToString("d", culture)]);
        pdf.Paragraph($"{t["Report_Collection"]}: {c.CollectionStarts.ToString("d", culture)} – {c.CollectionEnds.ToString("d", culture)}\n" +
            $"{t["Report_Status"]}: {t[$"CampaignStatus_{c.Status}"]}\n" +
            $"{t["Campaign_WorkingGroup"]}: {string.Join("; ", report.WorkingGroup.Select(o => o.In(culture)))}\n" +
            $"{t["Questionnaire_Title"]}: {string.Join("; ", report.Versions.Select(v => t["Questionnaire_Published", v.Version, v.PublishedAt.ToString("d", culture)].Value))}" +
            (report.Scope?.AreaName is { } area ? $"\n{t["Report_Area"]}: {area.In(culture)}" : ""));
        if (report.RowsAreAreas) pdf.Paragraph(t["Report_RowsAreAreas", report.Scope!.Communities], small: true);

        pdf.Heading(t["Report_Method"]);
        pdf.Paragraph(method == NeedMethod.Registry ? t["Gaps_MethodRegistry"] : t["Gaps_Method", GapAnalysis.DefaultHouseholdSize.ToString(culture)]);
        if (report.Gaps.PreviousTitle is { } previous) pdf.Paragraph(t["Gaps_ComparedWith", previous.In(culture)]);

        Responses(pdf, report, culture, t);
        Groups(pdf, report, culture, t, directory);
        Gaps(pdf, report, culture, t);
        Costs(pdf, report, culture, t, directory);
        if (report.Priority is { } priority) Formula(pdf, priority, culture, t, directory);
        return pdf.ToPdf();
    }

    private static void Responses(PrintedDocument pdf, AssessmentReport report, CultureInfo culture, IStringLocalizer t)
    {
        var sources = Enum.GetValues<ResponseSource>();
        pdf.Heading(t["Report_Responses"]);
        pdf.Table(
            [new(RowHeader(report, t), 3), new(t["Report_Population"], 1.2, true), .. sources.Select(s => new PrintColumn(t[$"ResponseSource_{s}"], 1, true)), new(t["Gaps_Total"], 1, true)],
            report.Communities.Select(community => (IReadOnlyList<string>)[community.Name.In(culture), community.Population?.ToString("N0", culture) ?? "",
                .. sources.Select(s => report.Responses.GetValueOrDefault((community.Id, s)).ToString("N0", culture)), report.ResponsesIn(community.Id).ToString("N0", culture)]),
            [[t["Gaps_Total"], report.Communities.Sum(x => x.Population ?? 0).ToString("N0", culture),
                .. sources.Select(s => report.Responses.Where(x => x.Key.Source == s).Sum(x => x.Value).ToString("N0", culture)), report.Responses.Values.Sum().ToString("N0", culture)]]);
    }

    private static void Groups(PrintedDocument pdf, AssessmentReport report, CultureInfo culture, IStringLocalizer t, IStringLocalizer directory)
    {
        if (report.Groups.Count == 0) return;
        pdf.Heading(t["Report_Groups"]);
        pdf.Paragraph(t["Report_GroupsHelp"], small: true);
        pdf.Table(
            [new(RowHeader(report, t), 2), .. report.Groups.Select(g => new PrintColumn(directory[$"TargetGroup_{g}"], 1, true))],
            report.Communities.Select(community => (IReadOnlyList<string>)[community.Name.In(culture),
                .. report.Groups.Select(g => report.SurveyedGroups.GetValueOrDefault((community.Id, g)).ToString("N0", culture) + " / " +
                    (report.RegistryGroups.TryGetValue((community.Id, g), out var people) ? people.ToString("N0", culture) : "—"))]));
    }

    private static void Gaps(PrintedDocument pdf, AssessmentReport report, CultureInfo culture, IStringLocalizer t)
    {
        pdf.Heading(t["Gaps_Title"]);
        var rows = report.Gaps.Rows;
        if (rows.Count == 0) return;
        // One chart per unit: places for people and for households are never added into one bar.
        foreach (var unit in report.Gaps.Units)
        {
            pdf.Paragraph(t[$"Costs_Gap{unit}"], small: true);
            pdf.Bars(report.Gaps.Communities.Select(community =>
            {
                var gap = rows.Where(r => r.CommunityId == community.Id && r.Unit == unit).Sum(r => r.Gap);
                return (community.Name.In(culture), (double)gap, gap.ToString("N0", culture));
            }).ToList());
        }
        var small = rows.Where(r => r.SmallSample).Select(r => r.Community.In(culture)).Distinct().ToList();
        if (small.Count > 0) pdf.Paragraph(t["Report_SmallSample", GapAnalysis.MinimumSample, string.Join(", ", small)]);
        pdf.Paragraph(t["Report_Ranges"], small: true);
        string Ranged(decimal value, (decimal Low, decimal High)? range) => RangeText.Ranged(value, range, culture);
        pdf.Table(
            [new(RowHeader(report, t), 2), new(t["Gaps_Category"], 2.4), new(t["Report_Unit"], 1.2), new(t["Report_Answered"], 1, true), new(t["Gaps_Need"], 1.8, true),
                new(t["Gaps_Capacity"], 1.1, true), new(t["Gaps_Gap"], 1.8, true), new(t["Gaps_PreviousGap"], 1.1, true)],
            rows.Select(r => (IReadOnlyList<string>)[r.Community.In(culture), $"{r.TermCode} {r.Category.In(culture)}", t[$"CountingUnit_{r.Unit}"], r.Responses.ToString("N0", culture),
                Ranged(r.EstimatedNeed, r.NeedInterval), r.Capacity.ToString("N0", culture), Ranged(r.Gap, r.GapInterval), r.PreviousGap?.ToString("N0", culture) ?? "—"]),
            report.Gaps.Units.Select(unit =>
            {
                var inUnit = rows.Where(r => r.Unit == unit).ToList();
                return (IReadOnlyList<string>)[t[$"Gaps_Sum{unit}"], "", "", "", inUnit.Sum(r => r.EstimatedNeed).ToString("N0", culture),
                    inUnit.Sum(r => r.Capacity).ToString("N0", culture), inUnit.Sum(r => r.Gap).ToString("N0", culture), ""];
            }).ToList());
    }

    private static void Costs(PrintedDocument pdf, AssessmentReport report, CultureInfo culture, IStringLocalizer t, IStringLocalizer directory)
    {
        var costs = report.Costs;
        pdf.Heading(t["Costs_Title"]);
        pdf.Paragraph($"{t["Costs_Basis"]} {costs.Defaults.Source.In(culture)}", small: true);
        pdf.Table(
            [new(RowHeader(report, t), 2.4), new($"{t["Costs_Cost"]}, {costs.Defaults.Currency}", 1.3, true),
                .. CostDefaults.Sources.Select(s => new PrintColumn($"{directory[$"FundingSource_{s}"]} ({costs.Split.GetValueOrDefault(s).ToString("P0", culture)})", 1.3, true))],
            report.Communities.Select(community =>
            {
                var rows = costs.Rows.Where(x => x.Gap.CommunityId == community.Id).ToList();
                return (IReadOnlyList<string>)[community.Name.In(culture), rows.Sum(x => x.Cost).ToString("N0", culture),
                    .. CostDefaults.Sources.Select(s => rows.Sum(x => x.Shares[s]).ToString("N0", culture))];
            }),
            [[t["Gaps_Total"], costs.Total.ToString("N0", culture), .. CostDefaults.Sources.Select(s => costs.TotalOf(s).ToString("N0", culture))]]);
        var range = CostedResult.RangeOf(costs.Rows);
        pdf.Paragraph(t["Costs_TotalRange", $"{range.Low.ToString("N0", culture)}–{range.High.ToString("N0", culture)}", costs.Defaults.Currency]);
    }

    private static string RowHeader(AssessmentReport report, IStringLocalizer t) => report.RowsAreAreas ? t["Report_Area"] : t["Household_Community"];

    private static void Formula(PrintedDocument pdf, PriorityFormula priority, CultureInfo culture, IStringLocalizer t, IStringLocalizer directory)
    {
        pdf.Heading(t["Priority_Title"]);
        pdf.Paragraph(t["Priority_FormulaIntro"]);
        var lines = priority.Scheme.Weights.Where(w => w.Points != 0).ToList();
        if (lines.Count == 0) pdf.Paragraph(t["Priority_NoLines"]);
        foreach (var w in lines)
            pdf.Paragraph($"{PriorityWords.Points(w.Points, culture)} {(w.Answer is null && w.Group is null ? "× " : "")}{PriorityWords.Describe(w, priority.Definition, culture, t, directory)}");
    }
}
