using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Priority;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// The priority formula of a campaign, readable by everyone who sees the campaign; its working group and those
/// who run campaigns set the points of each line.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PriorityModel(PartneraDbContext db, PriorityRanking ranking, IStringLocalizer<NeedsStrings> t) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Points { get; set; } = [];
    public Guid CampaignId { get; private set; }
    public MultilingualText CampaignTitle { get; private set; } = new();
    public PriorityScheme Scheme { get; private set; } = new();
    public bool IsDefault { get; private set; }
    public QuestionnaireDefinition? Definition { get; private set; }
    public List<PriorityWeight> Choices { get; private set; } = [];
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        Points = Choices.ToDictionary(c => c.Key, c => Scheme.PointsFor(c) is var p && p != 0 ? p.ToString("0.##", CultureInfo.InvariantCulture) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct)) return NotFound();
        if (!CanChange || Definition is null) return Forbid();
        var scheme = new PriorityScheme();
        foreach (var choice in Choices)
        {
            var typed = Points.GetValueOrDefault(choice.Key)?.Trim();
            if (string.IsNullOrEmpty(typed)) continue;
            if (!TypedNumber.TryRead(typed, out var points) || Math.Abs(points) > PriorityScheme.MaxPoints)
                ModelState.AddModelError($"Points[{choice.Key}]", t["Priority_BadPoints", PriorityScheme.MaxPoints]);
            else if (points != 0) scheme.Weights.Add(new PriorityWeight { Group = choice.Group, Question = choice.Question, Answer = choice.Answer, Points = points });
        }
        if (!ModelState.IsValid) return Page();
        var campaign = await db.AssessmentCampaigns.SingleAsync(c => c.Id == campaignId, ct);
        campaign.PriorityWeights = scheme.ToJson();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Needs/Priority/{campaignId}");
    }

    private async Task<bool> LoadAsync(Guid campaignId, CancellationToken ct)
    {
        CampaignId = campaignId;
        var title = await CampaignEditor.Visible(db, User).Where(c => c.Id == campaignId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        CampaignTitle = title;
        (Scheme, IsDefault, Definition) = await ranking.SchemeAsync(campaignId, ct);
        Choices = Definition is null ? [] : PriorityScheme.Choices(Definition);
        CanChange = CampaignEditor.CanEdit(User) || await CampaignEditor.InWorkingGroupAsync(db, User, campaignId, ct);
        return true;
    }
}
