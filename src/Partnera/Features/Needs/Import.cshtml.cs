using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Imports;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// Staff of the working group bring paper surveys typed into a spreadsheet: upload, say what each column holds,
/// see every bad row and field by number with a preview of the good ones, then save all, or only the valid rows.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[ImportRequestSize]
public sealed class ImportModel(PartneraDbContext db, SurveyImport import, AuditLog audit, IStringLocalizer<NeedsStrings> t) : PageModel
{
    /// <summary>The page lists this many problems; the full list is a CSV download.</summary>
    public const int ShownErrors = 200;
    public const int PreviewRows = 10;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public List<string> Targets { get; set; } = [];
    [BindProperty] public bool ValidOnly { get; set; }
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public SurveyUpload? Survey { get; private set; }
    public SurveyRowReader.Context? Context { get; private set; }
    public List<string[]> Samples { get; private set; } = [];
    public List<string> RequiredMissing { get; private set; } = [];
    public int Rows { get; private set; }
    public int ValidRows { get; private set; }
    public List<ImportReport.RowError> Errors { get; private set; } = [];
    public int ErrorCount { get; private set; }
    public List<SurveyRowReader.Row> Preview { get; private set; } = [];
    public int? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid campaignId, Guid? upload, int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, upload, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        Saved = saved;
        if (Survey is null || Context is null) return Page();
        // The preview shows the households' cells: a read of personal data.
        await audit.RecordAsync(AuditAction.Viewed, Survey, Survey.FileName, ct);
        Check();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, null, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Import_ChooseFile"]);
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var (file, problem) = await import.UploadAsync(campaignId, Upload.FileName, stream, ct);
        if (file is null)
        {
            ModelState.AddModelError(nameof(Upload), problem!);
            return Page();
        }
        return Redirect($"/Needs/Import/{campaignId}?upload={file.Id}");
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid campaignId, Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, upload, ct) || Survey is null || Context is null) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        var problems = ColumnMapping.Problems(Targets, Context.Definition, CommunityCount).ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(p => ModelState.AddModelError(nameof(Targets), t[p]));
            return Page();
        }
        var tracked = await db.SurveyUploads.SingleAsync(u => u.Id == upload, ct);
        tracked.Mapping = ColumnMapping.ToJson(Targets.Take(Context.Headers.Count).ToList());
        await db.SaveChangesAsync(ct);
        return Redirect($"/Needs/Import/{campaignId}?upload={upload}#check");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid campaignId, Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, upload, ct) || Survey is null || Context is null) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        var saved = await import.SaveAsync(Survey, Context, ValidOnly, ct);
        if (saved is null)
        {
            ModelState.AddModelError(nameof(ValidOnly), t["Import_HasErrors"]);
            Check();
            return Page();
        }
        return Redirect($"/Needs/Import/{campaignId}?saved={saved}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid campaignId, Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, upload, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        await db.SurveyUploads.Where(u => u.Id == upload && u.CampaignId == campaignId).ExecuteDeleteAsync(ct);
        return Redirect($"/Needs/Import/{campaignId}");
    }

    /// <summary>Every problem of the file as CSV: row, column, message.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(Guid campaignId, Guid upload, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, upload, ct) || Survey is null || Context is null) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        await audit.RecordAsync(AuditAction.Exported, Survey, Survey.FileName, ct);
        return File(ImportReport.ProblemsCsv(import.Rows(Survey, Context).SelectMany(r => r.Errors)), "text/csv", $"{Path.GetFileNameWithoutExtension(Survey.FileName)}-problems.csv");
    }

    /// <summary>An empty file with the columns this campaign's questionnaire expects, for typing paper surveys into.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, null, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        var campaign = await Answers.AnswerForm.LoadAsync(db, campaignId, ct);
        if (campaign?.Definition is null) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        var header = ColumnMapping.HouseholdFields.Concat(campaign.Definition.Questions.Select(q => q.Code));
        return File(Encoding.UTF8.GetBytes(string.Join(',', header) + "\n"), "text/csv", "survey-template.csv");
    }

    public int CommunityCount { get; private set; }

    private void Check()
    {
        foreach (var row in import.Rows(Survey!, Context!))
        {
            Rows++;
            if (row.Response is not null)
            {
                ValidRows++;
                if (Preview.Count < PreviewRows) Preview.Add(row);
            }
            ErrorCount += row.Errors.Count;
            if (Errors.Count < ShownErrors) Errors.AddRange(row.Errors.Take(ShownErrors - Errors.Count));
        }
    }

    private async Task<bool> LoadAsync(Guid campaignId, Guid? upload, CancellationToken ct)
    {
        CampaignId = campaignId;
        if (!await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct)) return false;
        CampaignTitle = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(ct);
        CommunityCount = await db.CampaignCommunities.CountAsync(c => c.CampaignId == campaignId, ct);
        if (upload is null) return true;
        Survey = await db.SurveyUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == upload && u.CampaignId == campaignId, ct);
        if (Survey is null) return false;
        Context = await import.ContextAsync(Survey, ct);
        if (Context is null) return true;
        if (Targets.Count == 0) Targets = [.. Context.Targets];
        Samples = TableFile.DataRows(Survey.Content, Survey.FileName).Take(3).Select(r => r.Cells).ToList();
        RequiredMissing = ColumnMapping.RequiredMissing(Targets, Context.Definition);
        return true;
    }
}
