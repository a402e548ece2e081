using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;

namespace Partnera.Features.Needs;

/// <summary>Open or change an assessment campaign: communities, period, collection dates, working group, status.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class CampaignModel(PartneraDbContext db, CampaignEditor editor, TimeProvider time, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty] public CampaignInput Input { get; set; } = new();
    [BindProperty] public string? TerritoryQuery { get; set; }
    [BindProperty] public string? OrganisationQuery { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<TerritoryChoices.Choice> Territories { get; private set; } = [];
    public IReadOnlyList<OrganisationChoices.Choice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) Input = CampaignInput.New(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), User.OrganisationIds().Take(1));
        else if (await LoadAsync(id.Value, tracked: false, ct) is { } campaign) Input = CampaignInput.From(campaign);
        else return NotFound();
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var campaign = id is null ? new AssessmentCampaign() : await LoadAsync(id.Value, tracked: true, ct);
        if (campaign is null) return NotFound();
        // The rules run even when fields are missing, so a person sees every problem at once.
        foreach (var error in await editor.CheckAsync(Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Key]);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        CampaignEditor.Apply(campaign, Input);
        if (id is null) db.AssessmentCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect("/Needs");
    }

    /// <summary>Finds more communities or organisations to choose from, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private Task<AssessmentCampaign?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var campaigns = tracked ? db.AssessmentCampaigns : db.AssessmentCampaigns.AsNoTracking();
        return campaigns.Include(c => c.Communities).Include(c => c.WorkingGroup).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        // With no search, the communities next to the specialist's own organisation's territory are offered first.
        var home = await db.Organisations.Where(o => Input.WorkingGroupIds.Contains(o.Id) && o.TerritoryId != null)
            .Select(o => o.Territory!.ParentId ?? o.TerritoryId).FirstOrDefaultAsync(ct);
        Territories = (await TerritoryChoices.LoadAsync(db, TerritoryQuery, Input.CommunityIds, home, ct))
            .Where(c => c.Level == TerritoryLevel.Community || Input.CommunityIds.Contains(c.Id)).ToList();
        Organisations = await OrganisationChoices.LoadAsync(db, OrganisationQuery, Input.WorkingGroupIds, ct);
    }
}
