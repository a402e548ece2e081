using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Infrastructure.Csv;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Partnera.Features.Needs.Reports;

/// <summary>The report's tables as an Excel workbook: one sheet each for responses, groups, gaps and costs; headers in the reader's language.</summary>
public static class ReportWorkbook
{
    public static byte[] Write(AssessmentReport report, CultureInfo culture, IStringLocalizer needs, IStringLocalizer directory)
    {
        var sheets = new Dictionary<string, object>
        {
            [needs["Report_SheetResponses"]] = report.Communities.Select(c => Row(
                (needs["Household_Community"], c.Name.In(culture)),
                (needs["Report_Population"], c.Population),
                (needs["ResponseSource_Staff"], report.Responses.GetValueOrDefault((c.Id, ResponseSource.Staff))),
                (needs["ResponseSource_Online"], report.Responses.GetValueOrDefault((c.Id, ResponseSource.Online))),
                (needs["ResponseSource_Import"], report.Responses.GetValueOrDefault((c.Id, ResponseSource.Import))),
                (needs["Gaps_Total"], report.ResponsesIn(c.Id)))).ToList(),
            [needs["Report_SheetGroups"]] = (from c in report.Communities
                                             from g in report.Groups
                                             select Row(
                                                 (needs["Household_Community"], c.Name.In(culture)),
                                                 (needs["Report_Group"], directory[$"TargetGroup_{g}"].Value),
                                                 (needs["Report_SurveyedHouseholds"], report.SurveyedGroups.GetValueOrDefault((c.Id, g))),
                                                 (needs["Gaps_RegistryPeople"], report.RegistryGroups.TryGetValue((c.Id, g), out var people) ? people : null))).ToList(),
            [needs["Report_SheetGaps"]] = report.Costs.Rows.Select(r => Row(
                (needs["Household_Community"], r.Gap.Community.In(culture)),
                (needs["Report_CategoryCode"], r.Gap.TermCode),
                (needs["Gaps_Category"], r.Gap.Category.In(culture)),
                (needs["Report_Unit"], needs[$"CountingUnit_{r.Gap.Unit}"].Value),
                (needs["Report_Answered"], r.Gap.Responses),
                (needs["Report_Needing"], r.Gap.Wanting),
                (needs["Report_SmallSampleColumn", GapAnalysis.MinimumSample], r.Gap.SmallSample ? needs["Report_Yes"].Value : ""),
                (needs["Report_Households"], r.Gap.Households is { } h ? Math.Round(h, 1) : null),
                (needs["Gaps_Need"], r.Gap.EstimatedNeed),
                (needs["Report_IntervalFrom", needs["Gaps_Need"]], r.Gap.NeedInterval?.Low),
                (needs["Report_IntervalTo", needs["Gaps_Need"]], r.Gap.NeedInterval?.High),
                (needs["Gaps_Capacity"], r.Gap.Capacity),
                (needs["Gaps_Gap"], r.Gap.Gap),
                (needs["Report_IntervalFrom", needs["Gaps_Gap"]], r.Gap.GapInterval?.Low),
                (needs["Report_IntervalTo", needs["Gaps_Gap"]], r.Gap.GapInterval?.High),
                (needs["Gaps_PreviousGap"], r.Gap.PreviousGap))).ToList(),
            [needs["Report_SheetCosts"]] = report.Costs.Rows.Select(r => Row(
                [(needs["Household_Community"], r.Gap.Community.In(culture)),
                 (needs["Report_CategoryCode"], r.Gap.TermCode),
                 (needs["Report_Unit"], needs[$"CountingUnit_{r.Gap.Unit}"].Value),
                 (needs["Gaps_Gap"], r.Gap.Gap),
                 (needs["Costs_UnitCost"] + ", " + report.Costs.Defaults.Currency, r.UnitCost),
                 (needs["Report_UnitCostBasis"], needs[$"UnitCostBasis_{r.Basis}"].Value),
                 (needs["Costs_Cost"] + ", " + report.Costs.Defaults.Currency, r.Cost),
                 (needs["Report_IntervalFrom", needs["Costs_Cost"] + ", " + report.Costs.Defaults.Currency], r.CostInterval?.Low),
                 (needs["Report_IntervalTo", needs["Costs_Cost"] + ", " + report.Costs.Defaults.Currency], r.CostInterval?.High),
                 .. CostDefaults.Sources.Select(s => ($"{directory[$"FundingSource_{s}"]}, {report.Costs.Defaults.Currency}", (object?)r.Shares[s]))])).ToList(),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    // Names typed by people are neutralised text; the numbers stay numbers.
    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => SpreadsheetText.Cell(c.Value));
}
