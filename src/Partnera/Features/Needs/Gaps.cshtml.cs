using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Gaps;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// The campaign's gap analysis: need by the chosen method against directory capacity. All communities side by side
/// (gap per category, compared with the previous campaign), or one community in detail; as tables and a chart.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GapsModel(PartneraDbContext db, GapAnalysis analysis, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public NeedMethod Method { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    /// <summary>The communities the matrix shows: one page of them.</summary>
    public Page<(Guid Id, MultilingualText Name)> Shown { get; private set; } = new([], 1, 1, 0);
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public GapResult Result { get; private set; } = new(NeedMethod.Survey, [], null, null);
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];
    /// <summary>Whether the reader may open the community's households by priority (the working group's organisations only).</summary>
    public bool InWorkingGroup { get; private set; }
    /// <summary>A community's detail, by the same method: this followed by its id.</summary>
    public string CommunityLink => $"?method={Method}&community=";
    /// <summary>The rows the detail table shows: the chosen community's.</summary>
    public IReadOnlyList<GapRow> Rows => Community is { } c ? Result.Rows.Where(r => r.CommunityId == c).ToList() : [];

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        var campaign = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => new { c.Title }).FirstOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        CampaignTitle = campaign.Title;
        if (!Enum.IsDefined(Method)) Method = NeedMethod.Survey;
        Communities = await CampaignEditor.CommunitiesAsync(db, campaignId, ct);
        Community = CampaignEditor.OneOf(Communities, Community);
        Result = await analysis.ForCampaignAsync(campaignId, Method, ct, Community);
        InWorkingGroup = Community is not null && await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct);
        Shown = Result.Communities.ToPage(PageNumber, MatrixPage);
        return Page();
    }

    /// <summary>The chart's figures: one community's need, capacity and gap per category, or every community's total gap.</summary>
    public string ChartJson() => Community is not null
        ? GapChart.PerCategory(Rows, CultureInfo.CurrentUICulture, t["Gaps_Need"], t["Gaps_Capacity"], t["Gaps_Gap"])
        : GapChart.PerCommunity(Result, CultureInfo.CurrentUICulture, u => t[$"Costs_Gap{u}"], u => t["Gaps_PreviousGapIn", t[$"CountingUnit_{u}"]], Shown.Items);

    /// <summary>Communities per page of the matrix.</summary>
    public const int MatrixPage = 50;
}
