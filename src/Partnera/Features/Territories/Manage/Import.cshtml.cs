using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Csv;

namespace Partnera.Features.Territories.Manage;

/// <summary>Administrators load a territory tree from a CSV file and see every bad row by number.</summary>
[Authorize(Policy = Policies.Administrator)]
[Infrastructure.Imports.ImportRequestSize]
public sealed class ImportModel(TerritoryImporter importer, IStringLocalizer<TerritoryStrings> t) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Import_ChooseFile"]);
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        Report = await importer.ImportAsync(stream, ct);
        return Page();
    }
}
