using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// Staff of the working group enter paper questionnaires household by household: one keyboard-only form in the
/// published version; after saving, a blank form for the next household in the same community.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EntryModel(PartneraDbContext db, TimeProvider time, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty] public HouseholdInput Household { get; set; } = new();
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public Questionnaire? Version { get; private set; }
    public QuestionnaireDefinition? Definition { get; private set; }
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Communities { get; private set; } = [];
    public int Entered { get; private set; }

    /// <summary>What was typed for a question, to show it again when the form comes back with errors.</summary>
    public IReadOnlyList<string> Given(string code) => Request.HasFormContentType ? Request.Form[$"A[{code}]"].OfType<string>().ToList() : [];

    public async Task<IActionResult> OnGetAsync(Guid campaignId, Guid? community, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        Household.CommunityId = community ?? (Communities.Count == 1 ? Communities[0].Id : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return await CampaignEditor.RefusalAsync(db, User, campaignId, ct);
        if (Version is null || Definition is null) return Page();
        var answers = AnswerForm.Check(ModelState, Household, Communities, Definition, code => Given(code), t);
        if (!ModelState.IsValid) return Page();
        var response = AnswerForm.Record(campaignId, Version, Household, answers, ResponseSource.Staff, time.GetUtcNow().UtcDateTime, User.Identity?.Name);
        db.HouseholdResponses.Add(response);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Needs/Entry/{campaignId}?community={response.CommunityId}");
    }

    private async Task<bool> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        // Outside the working group the campaign's households do not exist, as far as this page tells.
        if (!await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct)) return false;
        var campaign = (await AnswerForm.LoadAsync(db, campaignId, ct))!;
        CampaignTitle = campaign.Title;
        Communities = campaign.Communities;
        Version = campaign.Version;
        Definition = campaign.Definition;
        Entered = await db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId, ct);
        return true;
    }
}
