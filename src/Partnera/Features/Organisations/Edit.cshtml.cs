using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Localisation;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>
/// Create an organisation (administrators and authority specialists) or change one (they, and the
/// organisation's own members).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(PartneraDbContext db, OrganisationEditor editor, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    [BindProperty] public string? SocialLinksText { get; set; }
    [BindProperty] public string? TerritoryQuery { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<Territories.TerritoryChoices.Choice> TerritoryChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!Allowed(id)) return Forbid();
        Id = id;
        if (id is not null)
        {
            var organisation = await Load(id.Value, ct);
            if (organisation is null) return NotFound();
            Input = OrganisationInput.From(organisation);
            SocialLinksText = string.Join('\n', organisation.SocialLinks);
        }
        else Input.Kind = OrganisationKind.Ngo;
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!Allowed(id)) return Forbid();
        Id = id;
        var organisation = id is null ? new Organisation() : await Load(id.Value, ct, tracked: true);
        if (organisation is null) return NotFound();
        Input.SocialLinks = (SocialLinksText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        // The rules run even when fields are missing, so a person sees every problem at once.
        foreach (var error in await editor.CheckAsync(Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", FeatureStringsLocalizer.For(typeof(OrganisationInput), localizers)[error.Key]);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        OrganisationEditor.Apply(organisation, Input);
        if (id is null) db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Organisations/Details/{organisation.Id}");
    }

    /// <summary>Narrows the territory lists to a search without saving (the form works without JavaScript).</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken ct)
    {
        if (!Allowed(id)) return Forbid();
        Id = id;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private bool Allowed(Guid? id) => id is null ? User.CanManageOrganisations() : OrganisationAccess.CanEdit(User, id.Value);

    private Task<Organisation?> Load(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Organisations.Include(o => o.ServedTerritories).Include(o => o.WorkingHours).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, ct);
    }

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        Input.WorkingHours = WorkingWeek.Days
            .Select(day => Input.WorkingHours.FirstOrDefault(d => d.Day == day) ?? new WorkingDayInput { Day = day })
            .ToList();
        // Without a search the form offers everything (a community-sized tree); a search narrows it.
        TerritoryChoices = await Territories.TerritoryChoices.LoadAsync(db, TerritoryQuery ?? "",
            Input.ServedTerritoryIds.Append(Input.TerritoryId ?? Guid.Empty), null, ct);
    }
}
