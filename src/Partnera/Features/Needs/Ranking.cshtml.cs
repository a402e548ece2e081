using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Priority;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// The households most in need first, for outreach by the working group only: score, community and, where the
/// household consented, how to reach it. Each household named on the page is recorded as read.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RankingModel(PartneraDbContext db, PriorityRanking ranking) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Community { get; set; }
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];
    public Page<RankedHousehold> Households { get; private set; } = null!;

    /// <summary>A campaign of more communities than a list can offer is ranked one community at a time, chosen from the gap analysis.</summary>
    public bool ManyCommunities => Communities.Count > Gaps.GapFilter.SelectableCommunities;

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        if (!await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        CampaignTitle = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(ct);
        Communities = await CampaignEditor.CommunitiesAsync(db, campaignId, ct);
        Community = CampaignEditor.OneOf(Communities, Community);
        Households = ManyCommunities && Community is null
            ? new Page<RankedHousehold>([], 1, 1, 0)
            : await ranking.RankAsync(campaignId, Community, PageNumber, ct);
        return Page();
    }
}
