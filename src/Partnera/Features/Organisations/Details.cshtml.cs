using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>An organisation's public page: contacts, reception hours, where it works, its memoranda.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PartneraDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<MemorandumLink> Memoranda { get; private set; } = [];
    public IReadOnlyList<ServiceLink> Services { get; private set; } = [];

    public sealed record ServiceLink(Guid Id, MultilingualText Name, Directory.ServiceStatus Status);

    public sealed record MemorandumLink(Guid Id, MultilingualText Title, DateOnly? SignedOn);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Include(o => o.Territory)
            .Include(o => o.ServedTerritories).ThenInclude(s => s.Territory)
            .Include(o => o.WorkingHours)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        Organisation = organisation;
        Memoranda = await db.MemorandumParties.AsNoTracking()
            .Where(p => p.OrganisationId == id)
            .Join(db.Memoranda, p => p.MemorandumId, m => m.Id, (p, m) => m)
            .OrderByDescending(m => m.SignedOn)
            .Select(m => new MemorandumLink(m.Id, m.Title, m.SignedOn))
            .Take(50)
            .ToListAsync(ct);
        Services = await db.Services.AsNoTracking()
            .Where(s => s.OrganisationId == id && s.Status != Directory.ServiceStatus.Defunct)
            .OrderBy(s => s.Name.Value)
            .Select(s => new ServiceLink(s.Id, s.Name, s.Status))
            .Take(200)
            .ToListAsync(ct);
        return Page();
    }
}
