using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Memoranda;

/// <summary>A memorandum's public page: parties, dates, scope, the signed document and the joint initiatives.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PartneraDbContext db) : PageModel
{
    public Memorandum Memorandum { get; private set; } = null!;
    public DocumentInfo? Document { get; private set; }
    public bool CanEdit { get; private set; }

    public sealed record DocumentInfo(string FileName, string ContentType, long Length);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var memorandum = await db.Memoranda.AsNoTracking()
            .Include(m => m.Parties).ThenInclude(p => p.Organisation)
            .Include(m => m.Initiatives).ThenInclude(i => i.ResponsibleOrganisation)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (memorandum is null) return NotFound();
        Memorandum = memorandum;
        // The document's bytes stay in the database; the page needs only its name and size.
        Document = await db.Documents.Where(d => d.Id == memorandum.DocumentId)
            .Select(d => new DocumentInfo(d.FileName, d.ContentType, d.Length)).FirstOrDefaultAsync(ct);
        CanEdit = MemorandumEditor.CanEdit(User, Memorandum.Parties.Select(p => p.OrganisationId));
        return Page();
    }
}
