using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Gaps;
using Partnera.Features.Needs.Reports;

namespace Partnera.Features.Needs;

/// <summary>
/// The printable assessment report (print view), the same report as a PDF made on the server, and its tables as an
/// Excel workbook: campaign, method, response counts, groups, gaps, costs, the priority formula. Aggregates only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReportModel(PartneraDbContext db, AssessmentReports reports, IStringLocalizer<NeedsStrings> t, IStringLocalizer<DirectoryStrings> directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public NeedMethod Method { get; set; }
    /// <summary>Only the communities within this place (a region or district of a large campaign).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Area { get; set; }
    public AssessmentReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct) =>
        await LoadAsync(campaignId, addUp: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, addUp: false, ct)) return NotFound();
        return File(ReportWorkbook.Write(Report, CultureInfo.CurrentUICulture, t, directory),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"needs-assessment-{Report.Campaign.PeriodStarts.Year}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, addUp: true, ct)) return NotFound();
        return File(ReportPdf.Write(Report, Method, CultureInfo.CurrentUICulture, t, directory), "application/pdf", $"needs-assessment-{Report.Campaign.PeriodStarts.Year}.pdf");
    }

    public string ChartJson() => GapChart.PerCommunity(Report.Gaps, CultureInfo.CurrentUICulture, u => t[$"Costs_Gap{u}"], u => t["Gaps_PreviousGapIn", t[$"CountingUnit_{u}"]]);

    /// <summary>Where a row's name leads when the rows are areas: the report of that area.</summary>
    public string? AreaLink => Report.Scope?.RowsAreAreas == true ? $"/Needs/Report/{Report.Campaign.Id}?method={Method}&area=" : null;

    private async Task<bool> LoadAsync(Guid campaignId, bool addUp, CancellationToken ct)
    {
        if (!await CampaignEditor.Visible(db, User).AnyAsync(c => c.Id == campaignId, ct)) return false;
        if (!Enum.IsDefined(Method)) Method = NeedMethod.Survey;
        var report = await reports.BuildAsync(campaignId, Method, Area, addUp, ct);
        if (report is null) return false;
        Report = report;
        return true;
    }
}
