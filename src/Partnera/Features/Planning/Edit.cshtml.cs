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

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        var chosen = Input.TerritoryId is { } c ? new[] { c } : [];
        var owners = User.IsAdministrator() && Input.OwnerId is { } o ? [.. PlanEditor.Owners(User), o] : PlanEditor.Owners(User);
        var home = await db.Organisations.Where(x => owners.Contains(x.Id) && x.TerritoryId != null).Select(x => x.Territory!.ParentId ?? x.TerritoryId).FirstOrDefaultAsync(ct);
        Territories = (await TerritoryChoices.LoadAsync(db, TerritoryQuery, chosen, home, ct))
            .Where(x => x.Level is TerritoryLevel.Community or TerritoryLevel.District).ToList();
        Owners = (await db.Organisations.AsNoTracking().Where(x => owners.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => (x.Id, x.Name)).ToList();
    }
}
