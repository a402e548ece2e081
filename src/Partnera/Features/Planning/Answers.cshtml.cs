using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Planning.Consultation;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning;

/// <summary>The drafting authority answers every comment and proposal (accepted, partly, rejected, out of scope, with reasons) and hides abusive ones with a public reason; unanswered ones first.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class AnswersModel(PartneraDbContext db, ConsultationEmails emails, PublicLinks links, TimeProvider time, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public Guid CommentId { get; set; }
    [BindProperty] public CommentDecision? Decision { get; set; }
    [BindProperty, StringLength(4000)] public string? Answer { get; set; }
    [BindProperty, StringLength(500)] public string? HiddenReason { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public Page<PlanComment> Comments { get; private set; } = new([], 1, 1, 0);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Decision is null) ModelState.AddModelError(nameof(Decision), t["Answer_DecisionRequired"]);
        if (string.IsNullOrWhiteSpace(Answer)) ModelState.AddModelError(nameof(Answer), t["Answer_ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        var comment = await db.PlanComments.FirstOrDefaultAsync(c => c.Id == CommentId && c.PlanId == id, ct);
        if (comment is null) return NotFound();
        (comment.Decision, comment.Answer, comment.AnsweredAt, comment.AnsweredBy) = (Decision, Answer!.Trim(), time.GetUtcNow().UtcDateTime, User.Identity?.Name);
        await db.SaveChangesAsync(ct);
        await emails.AnsweredAsync(comment, Plan.Title.Value, links.For($"/Planning/Public/{id}#comment-{comment.Id}"), ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Answers/{id}");
    }

    public async Task<IActionResult> OnPostHideAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(HiddenReason)) ModelState.AddModelError(nameof(HiddenReason), t["Moderation_ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        var comment = await db.PlanComments.FirstOrDefaultAsync(c => c.Id == CommentId && c.PlanId == id, ct);
        if (comment is null) return NotFound();
        (comment.HiddenReason, comment.HiddenAt, comment.HiddenBy) = (HiddenReason!.Trim(), time.GetUtcNow().UtcDateTime, User.Identity?.Name);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Answers/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, id, ct) is not { } plan) return false;
        Plan = plan;
        Comments = await db.PlanComments.AsNoTracking().Where(c => c.PlanId == id)
            .OrderBy(c => c.Decision != null || c.HiddenAt != null).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(PageNumber, null, ct);
        return true;
    }
}
