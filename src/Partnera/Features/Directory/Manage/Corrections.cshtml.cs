using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Corrections;
using Partnera.Features.Directory.Search;
using Partnera.Features.Organisations;

namespace Partnera.Features.Directory.Manage;

/// <summary>
/// The provider's staff (or an administrator) decide on suggested corrections field by field; accepted values are
/// written to the service, so the audit log (and the service's HSDS metadata) records each change.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CorrectionsModel(PartneraDbContext db, ServiceSearchIndex search, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<ServiceCorrection> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var organisation = await ServiceAccess.OrganisationAsync(db, User, OrganisationId, ct);
        if (organisation is null) return Forbid();
        Organisation = organisation;
        Pending = await db.ServiceCorrections.AsNoTracking()
            .Include(c => c.Fields).Include(c => c.Service!).ThenInclude(s => s.Phones)
            .Where(c => c.Status == CorrectionStatus.Pending && c.Service!.OrganisationId == organisation.Id)
            .OrderBy(c => c.SubmittedAt).Take(50).AsSplitQuery().ToListAsync(ct);
        return Page();
    }

    /// <summary>Records the decision on every field of one correction and applies the accepted values.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid correctionId, Dictionary<Guid, bool> accept, CancellationToken ct)
    {
        var correction = await db.ServiceCorrections.Include(c => c.Fields).FirstOrDefaultAsync(c => c.Id == correctionId, ct);
        if (correction is null || correction.Status != CorrectionStatus.Pending) return NotFound();
        var service = await db.Services.Include(s => s.Phones).FirstAsync(s => s.Id == correction.ServiceId, ct);
        if (!OrganisationAccess.CanEdit(User, service.OrganisationId)) return Forbid();
        foreach (var field in correction.Fields)
        {
            field.Accepted = accept.GetValueOrDefault(field.Id);
            if (field.Accepted == true) CorrectionFields.Apply(service, field.Field, field.ProposedValue);
        }
        var accepted = correction.Fields.Count(f => f.Accepted == true);
        correction.Status = accepted == 0 ? CorrectionStatus.Rejected
            : accepted == correction.Fields.Count ? CorrectionStatus.Accepted
            : CorrectionStatus.PartlyAccepted;
        correction.ReviewedAt = time.GetUtcNow().UtcDateTime;
        correction.ReviewedBy = User.Identity?.Name;
        if (accepted > 0)
        {
            service.LastModified = correction.ReviewedAt.Value;
            service.RefreshSearchText();
        }
        await db.SaveChangesAsync(ct);
        if (accepted > 0) await search.RefreshAsync([service.Id], ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Directory/Manage/Corrections?organisationId={service.OrganisationId}");
    }
}
