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
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        Household.CommunityId = community ?? (Communities.Count == 1 ? Communities[0].Id : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        if (Version is null || Definition is null) return Page();
        if (Household.CommunityId is { } c && Communities.All(x => x.Id != c))
            ModelState.AddModelError($"{nameof(Household)}.{nameof(Household.CommunityId)}", t["Household_UnknownCommunity"]);
        foreach (var (field, key) in Household.Problems()) ModelState.AddModelError($"{nameof(Household)}.{field}", t[key]);
        var (answers, problems) = AnswerRules.Read(Definition, code => Given(code));
        foreach (var problem in problems) ModelState.AddModelError($"A[{problem.Question}]", t[problem.Key]);
        if (!ModelState.IsValid) return Page();

        var now = time.GetUtcNow().UtcDateTime;
        var response = new HouseholdResponse
        {
            CampaignId = campaignId,
            QuestionnaireId = Version.Id,
            CommunityId = Household.CommunityId!.Value,
            Source = ResponseSource.Staff,
            Anonymous = Household.Anonymous,
            ContactName = Clean(Household.ContactName),
            Address = Clean(Household.Address),
            Phone = Clean(Household.Phone),
            ConsentGiven = Household.ConsentGiven && !Household.Anonymous,
            ConsentRecordedAt = Household.ConsentGiven && !Household.Anonymous ? now : null,
            ConsentRecordedBy = Household.ConsentGiven && !Household.Anonymous ? User.Identity?.Name : null,
            EnteredAt = now,
            EnteredBy = User.Identity?.Name,
        };
        answers.ForEach(a => a.ResponseId = response.Id);
        response.Answers.AddRange(answers);
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
        CampaignTitle = await db.AssessmentCampaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(ct);
        Communities = (await db.CampaignCommunities.Where(c => c.CampaignId == campaignId).Select(c => new { c.TerritoryId, c.Territory!.Name }).ToListAsync(ct))
            .Select(c => (c.TerritoryId, c.Name)).OrderBy(c => c.Name.Value).ToList();
        Version = await db.Questionnaires.AsNoTracking().Where(q => q.CampaignId == campaignId && q.PublishedAt != null)
            .OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        Definition = Version is null ? null : QuestionnaireDefinition.FromJson(Version.Definition);
        Entered = await db.HouseholdResponses.CountAsync(r => r.CampaignId == campaignId, ct);
        return true;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
