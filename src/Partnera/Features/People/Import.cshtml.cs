using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.People.Imports;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// A provider brings its list of people: upload, say what each column holds, see every bad row by number with a
/// preview of the good ones, then register all, or only the valid rows; duplicates found are left for review.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Infrastructure.Imports.ImportRequestSize]
public sealed class ImportModel(PartneraDbContext db, PeopleImport import, PersonRegister register, AuditLog audit, CurrentUser user, IStringLocalizer<PeopleStrings> t) : PageModel
{
    public const int ShownErrors = 200;
    public const int PreviewRows = 10;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public List<string> Targets { get; set; } = [];
    [BindProperty] public bool ValidOnly { get; set; }
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Organisations { get; private set; } = [];
    public PeopleUpload? Sheet { get; private set; }
    public PeopleRowReader.Context? Context { get; private set; }
    public List<string[]> Samples { get; private set; } = [];
    public int Rows { get; private set; }
    public int ValidRows { get; private set; }
    public List<ImportReport.RowError> Errors { get; private set; } = [];
    public int ErrorCount { get; private set; }
    public List<PeopleRowReader.Row> Preview { get; private set; } = [];
    public PeopleImport.Saved? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? upload, int? people, int? households, int? duplicates, CancellationToken ct)
    {
        if (!await LoadAsync(upload, ct)) return NotFound();
        if (people is { } n) Saved = new(n, households ?? 0, duplicates ?? 0);
        if (Sheet is null) return Page();
        // The check shows the people's cells: a read of personal data.
        await audit.RecordAsync(AuditAction.Viewed, Sheet, null, ct); // A file name can name the people in it: not copied to the log.
        Check();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(null, ct)) return NotFound();
        if (OrganisationId is not { } organisation || !Organisations.Any(o => o.Id == organisation))
            ModelState.AddModelError(nameof(OrganisationId), t["Person_ChooseOrganisation"]);
        if (Upload is null) ModelState.AddModelError(nameof(Upload), t["PeopleImport_ChooseFile"]);
        if (!ModelState.IsValid) return Page();
        await using var stream = Upload!.OpenReadStream();
        var (file, problem) = await import.UploadAsync(OrganisationId!.Value, Upload.FileName, stream, ct);
        if (file is null)
        {
            ModelState.AddModelError(nameof(Upload), problem!);
            return Page();
        }
        return Redirect($"/People/Import?upload={file.Id}");
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(upload, ct) || Sheet is null || Context is null) return NotFound();
        var problems = PeopleColumns.Problems(Targets).ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(p => ModelState.AddModelError(nameof(Targets), t[p]));
            return Page();
        }
        var tracked = await db.PeopleUploads.SingleAsync(u => u.Id == upload, ct);
        tracked.Mapping = PeopleColumns.ToJson(Targets.Take(Context.Headers.Count).ToList());
        await db.SaveChangesAsync(ct);
        return Redirect($"/People/Import?upload={upload}#check");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(upload, ct) || Sheet is null || Context is null) return NotFound();
        if (await import.SaveAsync(Sheet, Context, ValidOnly, ct) is not { } saved)
        {
            ModelState.AddModelError(nameof(ValidOnly), t["PeopleImport_HasErrors"]);
            Check();
            return Page();
        }
        return Redirect($"/People/Import?people={saved.People}&households={saved.Households}&duplicates={saved.WithDuplicates}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(upload, ct) || Sheet is null) return NotFound();
        await db.PeopleUploads.Where(u => u.Id == upload).ExecuteDeleteAsync(ct);
        return Redirect("/People/Import");
    }

    /// <summary>Every problem of the file as CSV: row, column, message.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(upload, ct) || Sheet is null || Context is null) return NotFound();
        await audit.RecordAsync(AuditAction.Exported, Sheet, null, ct);
        return File(ImportReport.ProblemsCsv(import.Rows(Sheet, Context).SelectMany(r => r.Errors)), "text/csv", $"{Path.GetFileNameWithoutExtension(Sheet.FileName)}-problems.csv");
    }

    /// <summary>An empty file with every column the import knows, for a provider starting a list from scratch.</summary>
    public IActionResult OnGetTemplate() => PersonAccess.WorksWithPeople(User)
        ? File(Encoding.UTF8.GetBytes(string.Join(',', PeopleColumns.All) + "\n"), "text/csv", "people-template.csv")
        : NotFound();

    private void Check()
    {
        foreach (var row in import.Rows(Sheet!, Context!))
        {
            Rows++;
            if (row.Person is not null && ++ValidRows <= PreviewRows) Preview.Add(row);
            ErrorCount += row.Errors.Count;
            if (Errors.Count < ShownErrors) Errors.AddRange(row.Errors.Take(ShownErrors - Errors.Count));
        }
    }

    /// <summary>Only the user who uploaded a file, still working with people for its organisation, reaches it.</summary>
    private async Task<bool> LoadAsync(Guid? upload, CancellationToken ct)
    {
        var mine = PersonAccess.Organisations(User);
        if (mine.Count == 0) return false;
        Organisations = await register.OrganisationsAsync(User, ct);
        OrganisationId ??= Organisations.FirstOrDefault().Id;
        if (upload is null) return true;
        Sheet = await db.PeopleUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == upload && u.UploadedBy == user.Name && mine.Contains(u.OrganisationId), ct);
        if (Sheet is null) return false;
        Context = await import.ContextAsync(Sheet, User, ct);
        if (Targets.Count == 0) Targets = [.. Context.Targets];
        Samples = Infrastructure.Imports.TableFile.DataRows(Sheet.Content, Sheet.FileName).Take(3).Select(r => r.Cells).ToList();
        return true;
    }
}
