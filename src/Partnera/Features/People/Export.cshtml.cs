using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>Everything held about a person, for the person who asks: a readable page, the same for the printer (audited as a print) and as JSON (each an audited export).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportModel(PartneraDbContext db, PersonAccess access) : PageModel
{
    /// <summary>Names in Cyrillic and Romanian stay readable in the file the person receives, not \u escapes.</summary>
    private static readonly JsonSerializerOptions Readable = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public PersonExportDto Export { get; private set; } = null!;
    /// <summary>The same page sent to the printer: recorded as a print, and the print dialogue opens.</summary>
    public bool Printing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Exported, ct) is not { } person) return NotFound();
        Export = await PersonExportDto.OfAsync(db, person, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPrintAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Printed, ct) is not { } person) return NotFound();
        (Export, Printing) = (await PersonExportDto.OfAsync(db, person, ct), true);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Exported, ct) is not { } person) return NotFound();
        // A file to keep or hand to the person (their right of access), not a page to read in the browser.
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(await PersonExportDto.OfAsync(db, person, ct), Readable);
        return File(json, "application/json; charset=utf-8", $"person-{id:N}.json");
    }
}
