using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Infrastructure.Documents;
using Partnera.Infrastructure.Text;
using Partnera.Resources;

namespace Partnera.Features.Planning;

/// <summary>
/// The drafting authority reports on an approved measure: date, progress %, money spent by source, what happened, and
/// evidence (a photo, an act); and names the directory services the measure created. All of it is public.
/// </summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class ProgressModel(PartneraDbContext db, DocumentStore documents, IStringLocalizer<PlanningStrings> t, IStringLocalizer<SharedStrings> shared) : PageModel
{
    private const int MostServicesOffered = 200;

    public sealed class ProgressInput
    {
        [Required, Display(Name = "Progress_ReportedOn")] public DateOnly? ReportedOn { get; set; }
        [Required, Range(0, 100), Display(Name = "Progress_Percent")] public int? Percent { get; set; }
        [Display(Name = "Progress_Source")] public FundingSource? Source { get; set; }
        [Display(Name = "Progress_Spent")] public string? Spent { get; set; }
        [Required, StringLength(4000), Display(Name = "Progress_Note")] public string? Note { get; set; }
    }

    [BindProperty] public ProgressInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Evidence { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public string Currency { get; private set; } = "";
    public PlanMeasure Measure { get; private set; } = null!;
    /// <summary>Services of the organisations carrying out the measure (responsible, partners, the plan's author): those it may have created.</summary>
    public IReadOnlyList<(Guid Id, MultilingualText Name)> ServiceChoices { get; private set; } = [];
    public string MaxSizeText => documents.MaxSizeText;

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
        Guid? evidence = null;
        if (Evidence is { Length: > 0 })
        {
            var (stored, error) = await documents.AddAsync(Evidence, ct);
            if (stored is null)
            {
                ModelState.AddModelError(nameof(Evidence), shared[error!, documents.MaxSizeText]);
                return Page();
            }
            evidence = stored.Id;
        }
        db.MeasureProgress.Add(new MeasureProgress
        {
            EvidenceDocumentId = evidence,
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

    /// <summary>Sets the directory services the measure created (any time, also before it is approved: a service can open early).</summary>
    public async Task<IActionResult> OnPostServicesAsync(Guid planId, Guid id, List<Guid> services, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(planId, id, ct)) return NotFound();
        var offered = ServiceChoices.Select(s => s.Id).ToHashSet();
        var chosen = services.Where(offered.Contains).Distinct().ToHashSet();
        var links = await db.MeasureServices.Where(l => l.MeasureId == id).ToListAsync(ct);
        db.MeasureServices.RemoveRange(links.Where(l => !chosen.Contains(l.ServiceId)));
        db.MeasureServices.AddRange(chosen.Except(links.Select(l => l.ServiceId)).Select(s => new MeasureService { MeasureId = id, PlanId = planId, ServiceId = s }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Progress/{planId}/{id}");
    }

    private async Task<bool> LoadAsync(Guid planId, Guid id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return false;
        if (await db.PlanMeasures.AsNoTracking().Include(m => m.Progress).Include(m => m.Services).Include(m => m.Partners)
            .FirstOrDefaultAsync(m => m.Id == id && m.PlanId == planId, ct) is not { } measure) return false;
        (Plan, Measure) = (plan, measure);
        Currency = await Budgeting.BudgetCurrency.OfAsync(db, plan.TerritoryId, ct);
        var organisations = measure.Partners.Select(p => p.OrganisationId).Append(plan.OwnerId).Concat(measure.ResponsibleId is { } r ? [r] : []).ToList();
        var linked = measure.Services.Select(s => s.ServiceId).ToList();
        ServiceChoices = (await db.Services.AsNoTracking().Where(s => organisations.Contains(s.OrganisationId) || linked.Contains(s.Id))
            .OrderBy(s => s.Name.Value).Take(MostServicesOffered).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        return true;
    }
}
