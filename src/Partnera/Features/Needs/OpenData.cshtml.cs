using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Reports;
using Partnera.Infrastructure.Csv;

namespace Partnera.Features.Needs;

/// <summary>
/// Open data of an assessment that has finished collecting: one CSV row per community and service category with
/// the aggregate figures and costs, no household in it. Counts of households below
/// <see cref="AssessmentReport.SmallestShownCount"/> are written as "&lt;5", so a rare answer in a small place cannot be traced.
/// </summary>
[AllowAnonymous]
public sealed class OpenDataModel(PartneraDbContext db, AssessmentReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public NeedMethod Method { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        var open = await db.AssessmentCampaigns.AnyAsync(c => c.Id == campaignId && (c.Status == CampaignStatus.Analysing || c.Status == CampaignStatus.Completed), ct);
        if (!open || !Enum.IsDefined(Method)) return NotFound();
        var report = await reports.BuildAsync(campaignId, Method, null, addUp: false, ct);
        if (report is null) return NotFound();
        var codes = report.Communities.ToDictionary(c => c.Id, c => c.Code);
        var csv = new StringBuilder("community_code,community,category_code,category,unit,method,households_answered,households_needing,estimated_need,capacity,gap,previous_gap,unit_cost,unit_cost_basis,currency,cost,"
            + string.Join(',', CostDefaults.Sources.Select(s => Snake(s.ToString()))) + "\n");
        foreach (var row in report.Costs.Rows)
        {
            var g = row.Gap;
            // Names and codes are text people typed (neutralised); the numbers are the app's own.
            string[] cells =
            [
                Text(codes.GetValueOrDefault(g.CommunityId)), Text(g.Community.Value), Text(g.TermCode), Text(g.Category.In(CultureInfo.GetCultureInfo("en"))), g.Unit.ToString().ToLowerInvariant(), Method.ToString(),
                Count(g.Responses), Count(g.Wanting), Number(g.EstimatedNeed), Number(g.Capacity), Number(g.Gap), g.PreviousGap is { } p ? Number(p) : "",
                row.UnitCost is { } u ? Number(u) : "", row.Basis.ToString(), report.Costs.Defaults.Currency, Number(row.Cost),
                .. CostDefaults.Sources.Select(s => Number(row.Shares[s])),
            ];
            csv.Append(string.Join(',', cells)).Append('\n');
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"needs-assessment-{report.Campaign.PeriodStarts.Year}-{Method.ToString().ToLowerInvariant()}.csv");
    }

    private static string Count(int n) => n is > 0 and < AssessmentReport.SmallestShownCount ? $"<{AssessmentReport.SmallestShownCount}" : Number(n);

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Text(string? cell) => SpreadsheetText.CsvField(cell);

    private static string Snake(string name) => string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
