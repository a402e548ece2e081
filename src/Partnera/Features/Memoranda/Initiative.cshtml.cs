using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Memoranda;

/// <summary>Add or change a joint initiative carried out under a memorandum.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InitiativeModel(PartneraDbContext db, MemorandumEditor editor, IStringLocalizer<MemorandumStrings> t) : PageModel
{
    [BindProperty] public InitiativeInput Input { get; set; } = new();
    [BindProperty] public string? OrganisationQuery { get; set; }
    public Guid MemorandumId { get; private set; }
    public Guid? Id { get; private set; }
    public MultilingualText MemorandumTitle { get; private set; } = new();
    public IReadOnlyList<OrganisationChoices.Choice> Organisations { get; private set; } = [];
    private List<Guid> partyIds = [];

    public async Task<IActionResult> OnGetAsync(Guid memorandumId, Guid? id, CancellationToken ct)
    {
        if (await LoadMemorandumAsync(memorandumId, id, ct) is { } refusal) return refusal;
        if (id is not null)
        {
            var initiative = await db.JointInitiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.MemorandumId == memorandumId, ct);
            if (initiative is null) return NotFound();
            Input = InitiativeInput.From(initiative);
        }
        else Input = new InitiativeInput { Status = InitiativeStatus.Planned, ResponsibleOrganisationId = partyIds.FirstOrDefault() };
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid memorandumId, Guid? id, CancellationToken ct)
    {
        if (await LoadMemorandumAsync(memorandumId, id, ct) is { } refusal) return refusal;
        var initiative = id is null ? new JointInitiative { MemorandumId = memorandumId }
            : await db.JointInitiatives.FirstOrDefaultAsync(i => i.Id == id && i.MemorandumId == memorandumId, ct);
        if (initiative is null) return NotFound();
        // The rules run even when fields are missing, so a person sees every problem at once.
        foreach (var error in await editor.CheckAsync(Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Key]);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        MemorandumEditor.Apply(initiative, Input);
        if (id is null) db.JointInitiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Memoranda/Details/{memorandumId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid memorandumId, Guid id, CancellationToken ct)
    {
        if (await LoadMemorandumAsync(memorandumId, id, ct) is { } refusal) return refusal;
        var initiative = await db.JointInitiatives.FirstOrDefaultAsync(i => i.Id == id && i.MemorandumId == memorandumId, ct);
        if (initiative is null) return NotFound();
        db.JointInitiatives.Remove(initiative);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Deleted";
        return Redirect($"/Memoranda/Details/{memorandumId}");
    }

    public async Task<IActionResult> OnPostFindAsync(Guid memorandumId, Guid? id, CancellationToken ct)
    {
        if (await LoadMemorandumAsync(memorandumId, id, ct) is { } refusal) return refusal;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadMemorandumAsync(Guid memorandumId, Guid? id, CancellationToken ct)
    {
        MemorandumId = memorandumId;
        Id = id;
        var memorandum = await db.Memoranda.AsNoTracking().Where(m => m.Id == memorandumId)
            .Select(m => new { m.Title, Parties = m.Parties.Select(p => p.OrganisationId).ToList() }).FirstOrDefaultAsync(ct);
        if (memorandum is null) return NotFound();
        if (!MemorandumEditor.CanEdit(User, memorandum.Parties)) return Forbid();
        MemorandumTitle = memorandum.Title;
        partyIds = memorandum.Parties;
        return null;
    }

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        var selected = partyIds.Append(Input.ResponsibleOrganisationId ?? Guid.Empty).Where(x => x != Guid.Empty);
        Organisations = await OrganisationChoices.LoadAsync(db, OrganisationQuery ?? "", selected, ct);
        if (string.IsNullOrWhiteSpace(OrganisationQuery))
            Organisations = Organisations.Where(o => selected.Contains(o.Id)).ToList();
    }
}
