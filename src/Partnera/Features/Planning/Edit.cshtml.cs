using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>Draft a plan or change its title, kind, place, years and drafting organisation.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class EditModel(PartneraDbContext db, TimeProvider time, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    [BindProperty] public string? TerritoryQuery { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<TerritoryChoices.Choice> Territories { get; private set; } = [];
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) Input = PlanInput.New(time.GetUtcNow().Year, PlanEditor.Owners(User).FirstOrDefault() is { } o && o != Guid.Empty ? o : null);
        else if (await PlanEditor.EditableAsync(db, User, id.Value, ct) is { } plan) Input = PlanInput.From(plan);
        else return NotFound();
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var plan = id is null ? new CommunityPlan() : await PlanEditor.EditableAsync(db, User, id.Value, ct);
        if (plan is null) return NotFound();
        foreach (var (field, key) in Input.Problems()) ModelState.AddModelError($"{nameof(Input)}.{field}", t[key]);
        if (Input.TerritoryId is { } place && !await db.Territories.AnyAsync(x => x.Id == place && (x.Level == TerritoryLevel.Community || x.Level == TerritoryLevel.District), ct))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PlanInput.TerritoryId)}", t["Plan_UnknownTerritory"]);
        if (Input.OwnerId is { } owner && !PlanEditor.CanEdit(User, owner))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PlanInput.OwnerId)}", t["Plan_NoOrganisation"]);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        Input.Apply(plan);
        if (id is null) db.CommunityPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{plan.Id}");
    }

    /// <summary>Finds more places to choose from, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private async Task PrepareFormAsync(CancellationToken ct) =>
        (Territories, Owners) = await PlanEditor.ChoicesAsync(db, User, Input.TerritoryId, Input.OwnerId, TerritoryQuery, l => l is TerritoryLevel.Community or TerritoryLevel.District, ct);
}
