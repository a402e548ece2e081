using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Directory;

/// <summary>A service's public page: what it is, who it is for, how to apply, when and where, phones, fees.</summary>
[AllowAnonymous]
public sealed class ServiceModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    public Service Service { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking()
            .Include(s => s.Organisation)
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Languages).Include(s => s.CostOptions)
            .Include(s => s.RequiredDocuments).Include(s => s.Contacts).Include(s => s.TargetGroups)
            .Include(s => s.Areas).ThenInclude(a => a.Territory)
            .Include(s => s.Terms).ThenInclude(t => t.Term!).ThenInclude(t => t.Taxonomy)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Addresses)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Territory)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id && s.Status != ServiceStatus.Defunct, ct);
        if (service is null) return NotFound();
        Service = service;
        Now = time.GetUtcNow().UtcDateTime;
        return Page();
    }
}
