using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Hsds;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Csv;

namespace Partnera.Features.Directory.Manage;

/// <summary>Staff bring their services from another system: an HSDS 3.0 JSON file or tabular package (zip).</summary>
[Authorize(Policy = Policies.Staff)]
[Infrastructure.Imports.ImportRequestSize]
public sealed class ImportModel(PartneraDbContext db, HsdsImport importer, IStringLocalizer<DirectoryStrings> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>Administrators only: create or match the organisations the file names instead of importing into one.</summary>
    [BindProperty] public bool IntoNamedOrganisations { get; set; }
    public Organisation Organisation { get; private set; } = null!;
    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["HsdsImport_ChooseFile"]);
            return Page();
        }
        var target = IntoNamedOrganisations && User.IsAdministrator() ? (Guid?)null : Organisation.Id;
        await using var stream = Upload.OpenReadStream();
        var isZip = Upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || Upload.ContentType == "application/zip";
        Report = isZip ? await importer.ImportPackageAsync(stream, target, ct) : await importer.ImportJsonAsync(stream, target, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var organisation = await ServiceAccess.OrganisationAsync(db, User, OrganisationId, ct);
        if (organisation is null) return false;
        Organisation = organisation;
        return true;
    }
}
