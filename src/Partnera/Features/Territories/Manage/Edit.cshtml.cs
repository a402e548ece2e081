using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories.Manage;

/// <summary>Administrators add a territory under a parent or change one.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(PartneraDbContext db, TerritoryEditor editor, IStringLocalizer<TerritoryStrings> t) : PageModel
{
    [BindProperty] public TerritoryInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<ParentOption> Parents { get; private set; } = [];

    public sealed record ParentOption(Guid Id, MultilingualText Name, TerritoryLevel Level);

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? parentId, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var territory = await db.Territories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (territory is null) return NotFound();
            Input = TerritoryInput.From(territory);
        }
        else if (parentId is not null)
        {
            var parent = await db.Territories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == parentId, ct);
            if (parent is null) return NotFound();
            Input = new TerritoryInput
            {
                ParentId = parent.Id,
                Level = parent.Level < TerritoryLevel.Community ? parent.Level + 1 : TerritoryLevel.Community,
                TimeZone = parent.TimeZone,
            };
        }
        else
        {
            Input = new TerritoryInput { Level = TerritoryLevel.Country };
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var territory = id is null ? new Territory() : await db.Territories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (territory is null) return NotFound();
        // The rules run even when fields are missing, so a person sees every problem at once.
        foreach (var error in await editor.CheckAsync(Input, id, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Key]);
        if (!ModelState.IsValid)
        {
            await LoadParentsAsync(ct);
            return Page();
        }
        TerritoryEditor.Apply(territory, Input);
        if (id is null) db.Territories.Add(territory);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Territories?parentId={territory.ParentId}");
    }

    /// <summary>Deletes a territory entered by mistake; one with territories or organisations under it stays.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var territory = await db.Territories.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (territory is null) return NotFound();
        var inUse = await db.Territories.AnyAsync(x => x.ParentId == id, ct)
            || await db.Organisations.AnyAsync(o => o.TerritoryId == id, ct)
            || await db.OrganisationTerritories.AnyAsync(s => s.TerritoryId == id, ct);
        if (inUse || !await DeletedAsync(territory, ct))
        {
            Id = id;
            Input = TerritoryInput.From(territory);
            ModelState.AddModelError("", t["Territory_InUse"]);
            await LoadParentsAsync(ct);
            return Page();
        }
        TempData["Message"] = "Common_Deleted";
        return Redirect($"/Territories?parentId={territory.ParentId}");
    }

    /// <summary>False when other records still refer to the territory (a campaign, its households, a service area…): the database refuses.</summary>
    private async Task<bool> DeletedAsync(Territory territory, CancellationToken ct)
    {
        db.Territories.Remove(territory);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = await db.Territories.AsNoTracking()
            .Where(x => x.Level != TerritoryLevel.Community)
            .OrderBy(x => x.Level).ThenBy(x => x.Name.Value)
            .Select(x => new ParentOption(x.Id, x.Name, x.Level))
            .Take(2000)
            .ToListAsync(ct);
}
