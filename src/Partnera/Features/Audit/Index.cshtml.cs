using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;

namespace Partnera.Features.Audit;

/// <summary>Administrators read the audit log: newest first, filtered by record, kind of record, person or action.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(PartneraDbContext db, AuditChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<AuditEntry> Entries { get; private set; } = null!;
    /// <summary>Each entry's changes as readable lines, by entry.</summary>
    public Dictionary<Guid, List<ChangeLine>> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Subject)) query = query.Where(e => e.Subject == Subject.Trim());
        if (!string.IsNullOrWhiteSpace(EntityType)) query = query.Where(e => e.EntityType == EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(Person)) query = query.Where(e => e.UserName != null && e.UserName.Contains(Person.Trim()));
        if (Action is not null) query = query.Where(e => e.Action == Action);
        Entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(PageNumber, 50, ct);
        Changes = await changes.ReadAsync(Entries.Items, ct);
    }
}
