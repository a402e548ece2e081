using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>
/// Create an organisation (administrators and authority specialists) or change one (they, and the
/// organisation's own members).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(PartneraDbContext db, OrganisationEditor editor, IStringLocalizer<OrganisationStrings> t) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    [BindProperty] public string? SocialLinksText { get; set; }
    [BindProperty] public string? TerritoryQuery { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<TerritoryChoice> TerritoryChoices { get; private set; } = [];

    public sealed record TerritoryChoice(Guid Id, MultilingualText Name, Territories.TerritoryLevel Level);

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
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Key]);
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
        var selected = Input.ServedTerritoryIds.Append(Input.TerritoryId ?? Guid.Empty).ToList();
        var key = SearchKey.For(TerritoryQuery);
        var matches = db.Territories.AsNoTracking();
        if (key.Length > 0) matches = matches.Where(x => x.SearchText.Contains(key));
        var found = await matches.OrderBy(x => x.Level).ThenBy(x => x.Name.Value).Take(200)
            .Select(x => new TerritoryChoice(x.Id, x.Name, x.Level)).ToListAsync(ct);
        var kept = await db.Territories.AsNoTracking().Where(x => selected.Contains(x.Id))
            .Select(x => new TerritoryChoice(x.Id, x.Name, x.Level)).ToListAsync(ct);
        TerritoryChoices = found.UnionBy(kept, c => c.Id).OrderBy(c => c.Level).ThenBy(c => c.Name.Value).ToList();
    }
}
