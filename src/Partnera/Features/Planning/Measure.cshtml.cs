using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>Add a measure under a goal of the plan, or change one: what, for whom, how many, who, when, the money, and how much of each linked gap it closes.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class MeasureModel(PartneraDbContext db, TimeProvider time, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [BindProperty] public MeasureInput Input { get; set; } = new();
    [BindProperty] public string? OrganisationQuery { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public Guid? Id { get; private set; }
    public IReadOnlyList<PlanGoal> Goals { get; private set; } = [];
    public IReadOnlyList<OrganisationChoices.Choice> Organisations { get; private set; } = [];
    public IReadOnlyList<(Guid Link, string TermCode, MultilingualText Community, decimal Gap, string Unit)> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid? id, Guid? goal, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return NotFound();
        (Plan, Id) = (plan, id);
        if (id is null) Input = new MeasureInput { GoalId = goal, ResponsibleId = plan.OwnerId, StartsOn = new DateOnly(plan.FirstYear, 1, 1), EndsOn = new DateOnly(plan.LastYear, 12, 31) };
        else if (await LoadAsync(planId, id.Value, ct) is { } measure) Input = MeasureInput.From(measure);
        else return NotFound();
        Input.WithEmptyMilestones();
        if (!plan.ContentEditable) ModelState.AddModelError("", t["Plan_Frozen"]);
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return NotFound();
        (Plan, Id) = (plan, id);
        var measure = id is null ? new PlanMeasure { PlanId = planId } : await LoadAsync(planId, id.Value, ct);
        if (measure is null) return NotFound();
        if (!plan.ContentEditable) ModelState.AddModelError("", t["Plan_Frozen"]);
        var (problems, amounts, closed) = Input.Read(plan);
        foreach (var (field, key) in problems) ModelState.AddModelError($"{nameof(Input)}.{field}", t[key]);
        if (Input.GoalId is { } goal && !await db.PlanGoals.AnyAsync(g => g.Id == goal && g.PlanId == planId, ct))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MeasureInput.GoalId)}", t["Measure_UnknownGoal"]);
        var named = Input.PartnerIds.Append(Input.ResponsibleId ?? Guid.Empty).Where(x => x != Guid.Empty).Distinct().ToList();
        if (await db.Organisations.CountAsync(o => named.Contains(o.Id), ct) != named.Count)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MeasureInput.PartnerIds)}", t["Measure_UnknownOrganisation"]);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        Apply(measure, amounts, closed);
        if (id is null) db.PlanMeasures.Add(measure);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Plan/{planId}");
    }

    /// <summary>Finds more organisations to choose from, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return NotFound();
        (Plan, Id) = (plan, id);
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private void Apply(PlanMeasure m, Dictionary<(int Year, Directory.FundingSource Source), decimal> amounts, Dictionary<Guid, decimal> closed)
    {
        m.GoalId = Input.GoalId!.Value;
        m.Title = new MultilingualText(Input.Title!.Trim(), m.Title.Translations);
        m.TermCode = string.IsNullOrWhiteSpace(Input.TermCode) ? null : Input.TermCode.Trim();
        m.TargetGroup = Input.TargetGroup;
        m.ExpectedUsers = Input.ExpectedUsers;
        m.ResponsibleId = Input.ResponsibleId;
        m.StartsOn = Input.StartsOn;
        m.EndsOn = Input.EndsOn;
        // Budget lines are replaced by what the grid says: a cleared cell removes its line.
        foreach (var line in m.Budget.ToList().Where(l => !amounts.ContainsKey((l.Year, l.Source)))) m.Budget.Remove(line);
        foreach (var ((year, source), amount) in amounts)
        {
            if (m.Budget.Find(l => l.Year == year && l.Source == source) is { } line) line.Amount = amount;
            else m.Budget.Add(new MeasureBudgetLine { MeasureId = m.Id, PlanId = m.PlanId, Year = year, Source = source, Amount = amount });
        }
        foreach (var link in m.Gaps) if (closed.TryGetValue(link.Id, out var value)) link.Closes = value;
        var partners = Input.PartnerIds.Where(p => p != Input.ResponsibleId).Distinct().ToList();
        m.Partners.RemoveAll(p => !partners.Contains(p.OrganisationId));
        m.Partners.AddRange(partners.Where(p => m.Partners.TrueForAll(x => x.OrganisationId != p)).Select(p => new MeasurePartner { MeasureId = m.Id, PlanId = m.PlanId, OrganisationId = p }));
        ApplyMilestones(m);
    }

    private void ApplyMilestones(PlanMeasure m)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var kept = Input.Milestones.Where(x => !string.IsNullOrWhiteSpace(x.Title) && x.DueOn is not null).ToList();
        m.Milestones.RemoveAll(x => !kept.Exists(k => k.Id == x.Id));
        foreach (var step in kept)
        {
            var milestone = m.Milestones.Find(x => x.Id == step.Id);
            if (milestone is null) m.Milestones.Add(milestone = new MeasureMilestone { MeasureId = m.Id, PlanId = m.PlanId });
            milestone.Title = step.Title!.Trim();
            milestone.DueOn = step.DueOn!.Value;
            milestone.DoneOn = step.Done ? milestone.DoneOn ?? today : null;
        }
    }

    private Task<PlanMeasure?> LoadAsync(Guid planId, Guid id, CancellationToken ct) =>
        db.PlanMeasures.Include(m => m.Budget).Include(m => m.Gaps).Include(m => m.Partners).Include(m => m.Milestones).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id && m.PlanId == planId, ct);

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        Goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == Plan.Id).OrderBy(g => g.Number).ToListAsync(ct);
        Organisations = await OrganisationChoices.LoadAsync(db, OrganisationQuery, Input.ResponsibleId is { } r ? [r, .. Input.PartnerIds] : Input.PartnerIds, ct);
        Links = Id is null ? [] : (await db.MeasureGaps.AsNoTracking().Where(l => l.MeasureId == Id)
                .Select(l => new { l.Id, l.Gap!.TermCode, Community = db.Territories.Where(x => x.Id == l.Gap.CommunityId).Select(x => x.Name).First(), l.Gap.Gap, l.Gap.Unit }).ToListAsync(ct))
            .Select(l => (l.Id, l.TermCode, l.Community, l.Gap, l.Unit)).ToList();
    }
}
