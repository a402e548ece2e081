using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Gaps;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>The campaign's gap analysis: estimated need against directory capacity per community and service category.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GapsModel(PartneraDbContext db, GapAnalysis analysis) : PageModel
{
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public IReadOnlyList<GapRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        var campaign = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => new { c.Title }).FirstOrDefaultAsync(ct);
        if (campaign is null) return NotFound();
        CampaignTitle = campaign.Title;
        Rows = await analysis.ForCampaignAsync(campaignId, ct);
        return Page();
    }
}
