using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>A campaign's questionnaire: its versions, the questions of one of them, and preparing and publishing versions.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class QuestionnaireModel(PartneraDbContext db, QuestionnaireBook book, IStringLocalizer<NeedsStrings> t) : PageModel
{
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public IReadOnlyList<Questionnaire> Versions { get; private set; } = [];
    public Questionnaire? Shown { get; private set; }
    public QuestionnaireDefinition? Definition { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid campaignId, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, version, ct)) return NotFound();
        return Page();
    }

    /// <summary>Prepares the draft: from the template for a new questionnaire, else as the next version of the published one.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, null, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        await book.DraftAsync(campaignId, ct);
        return Redirect($"/Needs/Questionnaire/{campaignId}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, null, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var problems = await book.PublishAsync(campaignId, ct);
        if (problems.Count == 0)
        {
            TempData["Message"] = "Common_Saved";
            return Redirect($"/Needs/Questionnaire/{campaignId}");
        }
        foreach (var problem in problems) ModelState.AddModelError("", t["Questionnaire_Problem", problem.Question, t[problem.Key]]);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid campaignId, int? version, CancellationToken ct)
    {
        CampaignId = campaignId;
        var campaign = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => new { c.Title }).FirstOrDefaultAsync(ct);
        if (campaign is null) return false;
        CampaignTitle = campaign.Title;
        CanEdit = CampaignEditor.CanEdit(User);
        Versions = await book.VersionsAsync(campaignId, ct);
        Shown = version is { } v ? Versions.FirstOrDefault(q => q.Version == v) : Versions.FirstOrDefault();
        Definition = Shown is null ? null : QuestionnaireDefinition.FromJson(Shown.Definition);
        return true;
    }
}
