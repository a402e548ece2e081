using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Documents;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning;

/// <summary>Moves a plan along its lifecycle: to consultation with its dates, back to revision, to approval with the decision, on to implementation.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class StatusModel(PartneraDbContext db, PlanLifecycle lifecycle, DocumentStore documents, Consultation.ConsultationEmails emails, PublicLinks links, IStringLocalizer<PlanningStrings> t,
    IStringLocalizer<Resources.SharedStrings> shared) : PageModel
{
    [BindProperty] public TransitionInput Transition { get; set; } = new();
    [BindProperty] public PlanStatus To { get; set; }
    [BindProperty] public IFormFile? Document { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanStatus> Next => PlanLifecycle.Next(Plan.Status);
    public string MaxSizeText => documents.MaxSizeText;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, id, ct) is not { } plan) return NotFound();
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, id, ct) is not { } plan) return NotFound();
        Plan = plan;
        if (!ModelState.IsValid) return Page();
        foreach (var (field, key) in await lifecycle.MoveAsync(plan, To, Transition, Document, ct))
            ModelState.AddModelError(field switch { "" => "", "document" => nameof(Document), _ => $"{nameof(Transition)}.{field}" },
                key.StartsWith("Document_", StringComparison.Ordinal) ? shared[key, documents.MaxSizeText] : t[key]);
        if (!ModelState.IsValid) return Page();
        await db.SaveChangesAsync(ct);
        await emails.StageChangedAsync(plan, links.For($"/Planning/Public/{id}"), ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{id}");
    }
}
