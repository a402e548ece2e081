using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Documents;

namespace Partnera.Features.Memoranda;

/// <summary>Record or change a memorandum: its parties, dates, scope, status and signed document.</summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class EditModel(PartneraDbContext db, MemorandumEditor editor, DocumentStore documents, IStringLocalizer<MemorandumStrings> t,
    IStringLocalizer<Resources.SharedStrings> shared) : PageModel
{
    [BindProperty] public MemorandumInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public bool RemoveDocument { get; set; }
    [BindProperty] public string? OrganisationQuery { get; set; }
    public Guid? Id { get; private set; }
    public string? CurrentDocument { get; private set; }
    public IReadOnlyList<OrganisationChoices.Choice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var memorandum = await db.Memoranda.AsNoTracking().Include(m => m.Parties).FirstOrDefaultAsync(m => m.Id == id, ct);
            if (memorandum is null) return NotFound();
            if (!MemorandumEditor.CanEdit(User, memorandum.Parties.Select(p => p.OrganisationId))) return Forbid();
            Input = MemorandumInput.From(memorandum);
        }
        else
        {
            Input = new MemorandumInput { Kind = MemorandumKind.Memorandum, Status = MemorandumStatus.Draft, PartyIds = [.. User.OrganisationIds().Take(1)] };
        }
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var memorandum = id is null ? new Memorandum() : await db.Memoranda.Include(m => m.Parties).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (memorandum is null) return NotFound();
        if (id is not null && !MemorandumEditor.CanEdit(User, memorandum.Parties.Select(p => p.OrganisationId))) return Forbid();
        // The rules run even when fields are missing, so a person sees every problem at once.
        foreach (var error in await editor.CheckAsync(Input, User, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", t[error.Key]);
        StoredDocument? uploaded = null;
        if (ModelState.IsValid && Document is not null)
        {
            var (document, error) = await documents.AddAsync(Document, ct);
            if (error is not null) ModelState.AddModelError(nameof(Document), shared[error, documents.MaxSizeText]);
            uploaded = document;
        }
        if (!ModelState.IsValid)
        {
            if (uploaded is not null) db.Documents.Remove(uploaded);
            await PrepareFormAsync(ct);
            return Page();
        }
        MemorandumEditor.Apply(memorandum, Input);
        if (uploaded is not null) memorandum.DocumentId = uploaded.Id;
        else if (RemoveDocument) memorandum.DocumentId = null;
        if (id is null) db.Memoranda.Add(memorandum);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Memoranda/Details/{memorandum.Id}");
    }

    /// <summary>Deletes a memorandum entered by mistake, with its parties, initiatives and document.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var memorandum = await db.Memoranda.Include(m => m.Parties).Include(m => m.Initiatives).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (memorandum is null) return NotFound();
        if (!MemorandumEditor.CanEdit(User, memorandum.Parties.Select(p => p.OrganisationId))) return Forbid();
        // One transaction: the memorandum (with its audit entries) and its document go together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Memoranda.Remove(memorandum);
        await db.SaveChangesAsync(ct);
        if (memorandum.DocumentId is { } documentId) await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = "Common_Deleted";
        return Redirect("/Memoranda");
    }

    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        Organisations = await OrganisationChoices.LoadAsync(db, OrganisationQuery, Input.PartyIds, ct);
        if (Id is not null)
            CurrentDocument = await db.Memoranda.Where(m => m.Id == Id).Select(m => m.Document == null ? null : m.Document.FileName).FirstOrDefaultAsync(ct);
    }
}
