using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>Assessment campaigns the person runs or whose working group their organisation belongs to.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PartneraDbContext db) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<Row> Campaigns { get; private set; } = null!;
    public Dictionary<Guid, List<MultilingualText>> Communities { get; private set; } = [];
    public Dictionary<Guid, List<MultilingualText>> WorkingGroups { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>Campaigns on this page whose working group the reader's organisation is in: only they open the households' pages.</summary>
    public HashSet<Guid> InWorkingGroup { get; private set; } = [];

    public sealed record Row(Guid Id, MultilingualText Title, DateOnly PeriodStarts, DateOnly PeriodEnds, DateOnly CollectionStarts,
        DateOnly CollectionEnds, CampaignStatus Status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = CampaignEditor.CanEdit(User);
        Campaigns = await CampaignEditor.Visible(db, User).AsNoTracking()
            .OrderByDescending(c => c.PeriodStarts).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Title, c.PeriodStarts, c.PeriodEnds, c.CollectionStarts, c.CollectionEnds, c.Status))
            .ToPageAsync(PageNumber, null, ct);
        var ids = Campaigns.Items.Select(c => c.Id).ToList();
        var own = User.OrganisationIds();
        InWorkingGroup = [.. await db.WorkingGroupMembers.AsNoTracking().Where(x => ids.Contains(x.CampaignId) && own.Contains(x.OrganisationId))
            .Select(x => x.CampaignId).Distinct().ToListAsync(ct)];
        // One query each for the communities and working groups of the whole page, not one per campaign.
        Communities = (await db.CampaignCommunities.AsNoTracking().Where(x => ids.Contains(x.CampaignId))
                .Select(x => new { x.CampaignId, x.Territory!.Name }).ToListAsync(ct))
            .GroupBy(x => x.CampaignId).ToDictionary(g => g.Key, g => g.Select(x => x.Name).ToList());
        WorkingGroups = (await db.WorkingGroupMembers.AsNoTracking().Where(x => ids.Contains(x.CampaignId))
                .Select(x => new { x.CampaignId, x.Organisation!.Name }).ToListAsync(ct))
            .GroupBy(x => x.CampaignId).ToDictionary(g => g.Key, g => g.Select(x => x.Name).ToList());
    }
}
