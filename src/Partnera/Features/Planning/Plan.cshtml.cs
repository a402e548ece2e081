using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Needs.Costing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>
/// A plan with its goals and measures, how much of each costed gap it closes and what stays unfunded; its drafters
/// add goals and turn the place's waiting costed gaps into measures.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PlanModel(PartneraDbContext db, PlanCoverage coverage, IStringLocalizer<PlanningStrings> t) : PageModel
{
    public CommunityPlan Plan { get; private set; } = null!;
    public MultilingualText Territory { get; private set; } = new();
    public MultilingualText Owner { get; private set; } = new();
    public Dictionary<Guid, MultilingualText> Responsible { get; private set; } = [];
    public IReadOnlyList<GapCoverage> Coverage { get; private set; } = [];
    public IReadOnlyList<GapCoverage> Waiting { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>Whether goals and measures can be changed now: by the drafters, in the draft or during revision.</summary>
    public bool CanChangeContent => CanEdit && Plan.ContentEditable;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public IReadOnlyList<Consultation.PlanHearing> Hearings { get; private set; } = [];
    public string TimeZone { get; private set; } = "UTC";
    public string Currency => Coverage.Concat(Waiting).Select(c => c.Gap.Currency).FirstOrDefault() ?? "";

    [BindProperty, StringLength(500)] public string? GoalTitle { get; set; }
    [BindProperty] public List<Guid> GapIds { get; set; } = [];
    [BindProperty] public Guid? GoalId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGoalAsync(Guid id, CancellationToken ct)
    {
        var plan = await PlanEditor.EditableAsync(db, User, id, ct);
        if (plan is null) return NotFound();
        if (!plan.ContentEditable) ModelState.AddModelError("", t["Plan_Frozen"]);
        if (string.IsNullOrWhiteSpace(GoalTitle)) ModelState.AddModelError(nameof(GoalTitle), t["Goal_Required"]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var number = await db.PlanGoals.Where(g => g.PlanId == id).Select(g => (int?)g.Number).MaxAsync(ct) ?? 0;
        db.PlanGoals.Add(new PlanGoal { PlanId = id, Number = number + 1, Title = new MultilingualText(GoalTitle!.Trim()) });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{id}");
    }

    /// <summary>One measure per ticked gap, under the chosen goal: the gap's category, size and cost (in the plan's first year, split as assessed).</summary>
    public async Task<IActionResult> OnPostFromGapsAsync(Guid id, CancellationToken ct)
    {
        var plan = await PlanEditor.EditableAsync(db, User, id, ct);
        if (plan is null) return NotFound();
        if (!plan.ContentEditable)
        {
            ModelState.AddModelError("", t["Plan_Frozen"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var goal = await db.PlanGoals.FirstOrDefaultAsync(g => g.Id == GoalId && g.PlanId == id, ct);
        var waiting = (await coverage.WaitingAsync(plan, ct)).Where(w => GapIds.Contains(w.Gap.Id)).ToList();
        if (goal is null || waiting.Count == 0)
        {
            ModelState.AddModelError(nameof(GapIds), t["FromGaps_Choose"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        foreach (var gap in waiting) db.PlanMeasures.Add(MeasureFrom(plan, goal, gap));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{id}");
    }

    private static PlanMeasure MeasureFrom(CommunityPlan plan, PlanGoal goal, GapCoverage waiting)
    {
        var gap = waiting.Gap;
        var measure = new PlanMeasure
        {
            PlanId = plan.Id,
            GoalId = goal.Id,
            Title = waiting.Category,
            TermCode = gap.TermCode,
            ExpectedUsers = (int)Math.Ceiling(gap.Gap),
            ResponsibleId = plan.OwnerId,
            StartsOn = new DateOnly(plan.FirstYear, 1, 1),
            EndsOn = new DateOnly(plan.LastYear, 12, 31),
        };
        foreach (var (source, amount) in Shares(gap).Where(s => s.Amount > 0))
            measure.Budget.Add(new MeasureBudgetLine { MeasureId = measure.Id, PlanId = plan.Id, Year = plan.FirstYear, Source = source, Amount = amount });
        measure.Gaps.Add(new MeasureGap { MeasureId = measure.Id, PlanId = plan.Id, GapId = gap.Id, Closes = gap.Gap });
        return measure;
    }

    private static (Directory.FundingSource Source, decimal Amount)[] Shares(HandedOverGap gap) =>
    [
        (Directory.FundingSource.LocalBudget, gap.LocalBudget),
        (Directory.FundingSource.StateBudget, gap.StateBudget),
        (Directory.FundingSource.Donor, gap.Donor),
        (Directory.FundingSource.Other, gap.Other),
    ];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.CommunityPlans.AsNoTracking().Include(p => p.Goals.OrderBy(g => g.Number)).ThenInclude(g => g.Measures).ThenInclude(m => m.Budget)
            .Include(p => p.Goals).ThenInclude(g => g.Measures).ThenInclude(m => m.Partners)
            .Include(p => p.Goals).ThenInclude(g => g.Measures).ThenInclude(m => m.Milestones)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return false;
        Plan = plan;
        (Territory, TimeZone) = await db.Territories.Where(x => x.Id == plan.TerritoryId).Select(x => new ValueTuple<MultilingualText, string>(x.Name, x.TimeZone)).SingleAsync(ct);
        Hearings = await db.PlanHearings.AsNoTracking().Where(h => h.PlanId == id).OrderBy(h => h.HeldAt).ToListAsync(ct);
        Owner = await db.Organisations.Where(x => x.Id == plan.OwnerId).Select(x => x.Name).SingleAsync(ct);
        var responsible = plan.Goals.SelectMany(g => g.Measures).SelectMany(m => m.Partners.Select(p => (Guid?)p.OrganisationId).Append(m.ResponsibleId)).OfType<Guid>().Distinct().ToList();
        Responsible = await db.Organisations.AsNoTracking().Where(o => responsible.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        CanEdit = PlanEditor.CanEdit(User, plan.OwnerId);
        Coverage = await coverage.OfAsync(id, ct);
        Waiting = CanChangeContent ? await coverage.WaitingAsync(plan, ct) : [];
        Versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return true;
    }
}
