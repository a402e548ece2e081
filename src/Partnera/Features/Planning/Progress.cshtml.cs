using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>The drafting authority reports on an approved measure: date, progress %, money spent by source, what happened. The reports are public.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class ProgressModel(PartneraDbContext db, IStringLocalizer<PlanningStrings> t) : PageModel
{
    public sealed class ProgressInput
    {
        [Required, Display(Name = "Progress_ReportedOn")] public DateOnly? ReportedOn { get; set; }
        [Required, Range(0, 100), Display(Name = "Progress_Percent")] public int? Percent { get; set; }
        [Display(Name = "Progress_Source")] public FundingSource? Source { get; set; }
        [Display(Name = "Progress_Spent")] public string? Spent { get; set; }
        [Required, StringLength(4000), Display(Name = "Progress_Note")] public string? Note { get; set; }
    }

    [BindProperty] public ProgressInput Input { get; set; } = new();
    public CommunityPlan Plan { get; private set; } = null!;
    public PlanMeasure Measure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid id, CancellationToken ct) => await LoadAsync(planId, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, id, ct)) return NotFound();
        if (Plan.Status is not (PlanStatus.Approved or PlanStatus.InImplementation)) ModelState.AddModelError("", t["Progress_NotApproved"]);
        if (!TypedNumber.TryReadAmount(Input.Spent, out var amount))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ProgressInput.Spent)}", t["Measure_BudgetInvalid"]);
        var spent = amount ?? 0;
        if (spent > 0 && Input.Source is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(ProgressInput.Source)}", t["Progress_SourceRequired"]);
        if (!ModelState.IsValid) return Page();
        db.MeasureProgress.Add(new MeasureProgress
        {
            MeasureId = id,
            PlanId = planId,
            ReportedOn = Input.ReportedOn!.Value,
            Percent = Input.Percent!.Value,
            Source = spent > 0 ? Input.Source : null,
            Spent = spent,
            Note = Input.Note!.Trim(),
            ReportedBy = User.Identity?.Name,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{planId}");
    }

    private async Task<bool> LoadAsync(Guid planId, Guid id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return false;
        if (await db.PlanMeasures.AsNoTracking().Include(m => m.Progress).FirstOrDefaultAsync(m => m.Id == id && m.PlanId == planId, ct) is not { } measure) return false;
        (Plan, Measure) = (plan, measure);
        return true;
    }
}
