using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs;

/// <summary>Add, change or remove one question of a campaign's draft questionnaire.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class QuestionModel(PartneraDbContext db, QuestionnaireBook book, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty] public QuestionInput Input { get; set; } = new();
    public Guid CampaignId { get; private set; }
    /// <summary>The code of the question being changed (null when adding).</summary>
    public string? Editing { get; private set; }
    public int DraftVersion { get; private set; }
    public QuestionnaireDefinition Definition { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid campaignId, string? code, string? section, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, code, ct)) return NotFound();
        var question = code is null ? null : Definition.Questions.FirstOrDefault(q => q.Code == code);
        if (code is not null && question is null) return NotFound();
        var home = code is null ? section ?? Definition.Sections.LastOrDefault()?.Code : SectionOf(code)?.Code;
        Input = QuestionInput.For(home ?? "", question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, code, ct)) return NotFound();
        var before = code is null ? null : Definition.Questions.FirstOrDefault(q => q.Code == code);
        var section = Definition.Sections.FirstOrDefault(s => s.Code == Input.Section);
        if (section is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Section)}", t["Question_UnknownSection"]);
        if (!ModelState.IsValid) return Page();
        // A changed question keeps its place; one moved to another section goes to its end.
        var oldSection = before is null ? null : SectionOf(before.Code);
        var index = oldSection == section ? oldSection!.Questions.IndexOf(before!) : -1;
        oldSection?.Questions.Remove(before!);
        section!.Questions.Insert(index >= 0 ? index : section.Questions.Count, Input.ToQuestion(before));
        return await SaveAsync(campaignId, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid campaignId, string code, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, code, ct)) return NotFound();
        SectionOf(code)?.Questions.RemoveAll(q => q.Code == code);
        return await SaveAsync(campaignId, ct);
    }

    // The draft is saved only when the whole questionnaire still holds together (conditions, codes, answers).
    private async Task<IActionResult> SaveAsync(Guid campaignId, CancellationToken ct)
    {
        var problems = QuestionnaireRules.Check(Definition);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError("", t["Questionnaire_Problem", problem.Question, t[problem.Key]]);
            return Page();
        }
        await book.SaveDraftAsync(campaignId, Definition, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Needs/Questionnaire/{campaignId}");
    }

    private QuestionSection? SectionOf(string code) => Definition.Sections.FirstOrDefault(s => s.Questions.Any(q => q.Code == code));

    private async Task<bool> LoadAsync(Guid campaignId, string? code, CancellationToken ct)
    {
        CampaignId = campaignId;
        Editing = code;
        if (!await db.AssessmentCampaigns.AnyAsync(c => c.Id == campaignId, ct)) return false;
        // Opening the form changes nothing: the draft is saved only with the first change.
        var draft = await book.PeekDraftAsync(campaignId, ct);
        DraftVersion = draft.Version;
        Definition = QuestionnaireDefinition.FromJson(draft.Definition);
        return true;
    }
}
