using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Search;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Manage;

/// <summary>Provider staff's dashboard: their organisation's services (stale ones flagged) and locations.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PartneraDbContext db, ServiceEditor editor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Row> Services { get; private set; } = [];
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Locations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, MultilingualText Name)> MyOrganisations { get; private set; } = [];
    public DateTime Now { get; private set; }
    public int PendingCorrections { get; private set; }

    public sealed record Row(Guid Id, MultilingualText Name, ServiceStatus Status, DateTime? LastVerifiedAt, int? Capacity, int? Occupancy);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var organisation = await ServiceAccess.OrganisationAsync(db, User, OrganisationId, ct);
        if (organisation is null) return Forbid();
        Organisation = organisation;
        Now = time.GetUtcNow().UtcDateTime;
        Services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == organisation.Id)
            .OrderBy(s => s.LastVerifiedAt).ThenBy(s => s.Name.Value)
            .Select(s => new Row(s.Id, s.Name, s.Status, s.LastVerifiedAt, s.Capacity, s.Occupancy))
            .Take(500).ToListAsync(ct);
        Locations = (await db.Locations.AsNoTracking().Where(l => l.OrganisationId == organisation.Id).OrderBy(l => l.Name.Value)
            .Select(l => new { l.Id, l.Name }).Take(500).ToListAsync(ct)).Select(l => (l.Id, l.Name)).ToList();
        PendingCorrections = await db.ServiceCorrections.CountAsync(c => c.Status == Corrections.CorrectionStatus.Pending && c.Service!.OrganisationId == organisation.Id, ct);
        var mine = User.OrganisationIds();
        MyOrganisations = (await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return Page();
    }

    /// <summary>"Still correct": confirms a service without changing it.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid serviceId, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return NotFound();
        if (!OrganisationAccess.CanEdit(User, service.OrganisationId)) return Forbid();
        editor.Confirm(service, User);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Directory/Manage?organisationId={service.OrganisationId}");
    }
}
