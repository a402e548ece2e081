using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Answers;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// The households that answered in a campaign, for its working group. The list shows no personal data (so reading
/// it is not a read of anyone's record); opening a household is, and is audited.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HouseholdsModel(PartneraDbContext db) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public Page<Row> Households { get; private set; } = null!;

    public sealed record Row(Guid Id, MultilingualText Community, ResponseSource Source, bool Anonymous, DateTime EnteredAt, string? EnteredBy, int Version);

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        if (!await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        CampaignTitle = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(ct);
        Households = await db.HouseholdResponses.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .OrderByDescending(r => r.EnteredAt).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, db.Territories.Where(t => t.Id == r.CommunityId).Select(t => t.Name).First(), r.Source, r.Anonymous, r.EnteredAt, r.EnteredBy,
                db.Questionnaires.Where(q => q.Id == r.QuestionnaireId).Select(q => q.Version).First()))
            .ToPageAsync(PageNumber, null, ct);
        return Page();
    }
}
