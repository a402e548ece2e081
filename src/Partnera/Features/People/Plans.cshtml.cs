using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// A person's individual plans (needs assessment, goals with service, responsible organisation and date, next review)
/// and transition plans out of an institution (the move, then follow-up visits at 3, 6 and 12 months).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PlansModel(PartneraDbContext db, PersonAccess access, TimeProvider time, IStringLocalizer<PeopleStrings> t) : PageModel
{
    private const int ChoicesOffered = 200;

    public Person Person { get; private set; } = null!;
    public List<IndividualPlan> Plans { get; private set; } = [];
    public Dictionary<Guid, MultilingualText> Names { get; private set; } = [];
    public List<(Guid Id, MultilingualText Name)> Institutions { get; private set; } = [];
    public List<(Guid Id, MultilingualText Name)> Responsible { get; private set; } = [];
    public List<(Guid Id, MultilingualText Name)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(Guid id, IndividualPlanKind kind, DateOnly? assessedOn, string? needs, DateOnly? nextReview, Guid? institution, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (assessedOn is null) ModelState.AddModelError("", t["Plan_AssessedOnRequired"]);
        if (string.IsNullOrWhiteSpace(needs)) ModelState.AddModelError("", t["Plan_NeedsRequired"]);
        if (kind == IndividualPlanKind.TransitionPlan && !Institutions.Any(i => i.Id == institution)) ModelState.AddModelError("", t["Plan_InstitutionRequired"]);
        if (!ModelState.IsValid) return Page();
        var mine = PersonAccess.Organisations(User);
        var organisation = await db.PersonInvolvements.Where(i => i.PersonId == id && mine.Contains(i.OrganisationId)).Select(i => i.OrganisationId).FirstAsync(ct);
        db.IndividualPlans.Add(new IndividualPlan
        {
            PersonId = id,
            OrganisationId = organisation,
            Kind = kind,
            AssessedOn = assessedOn!.Value,
            Needs = needs!.Trim(),
            NextReview = nextReview,
            InstitutionId = kind == IndividualPlanKind.TransitionPlan ? institution : null,
        });
        return await SavedAsync(id, ct);
    }

    public async Task<IActionResult> OnPostGoalAsync(Guid id, Guid plan, string? text, Guid? service, Guid? responsible, DateOnly? due, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Plans.All(p => p.Id != plan)) return NotFound();
        if (string.IsNullOrWhiteSpace(text)) ModelState.AddModelError("", t["Goal_TextRequired"]);
        if (!ModelState.IsValid) return Page();
        db.IndividualGoals.Add(new IndividualGoal
        {
            PlanId = plan,
            PersonId = id,
            Text = text!.Trim(),
            Due = due,
            ServiceId = Services.Any(s => s.Id == service) ? service : null,
            ResponsibleId = Responsible.Any(r => r.Id == responsible) ? responsible : null,
        });
        return await SavedAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid goal, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await db.IndividualGoals.FirstOrDefaultAsync(g => g.Id == goal && g.PersonId == id, ct) is not { } found) return NotFound();
        found.DoneOn = Today();
        return await SavedAsync(id, ct);
    }

    /// <summary>Records the move from the institution to a community service and schedules the follow-up visits.</summary>
    public async Task<IActionResult> OnPostMovedAsync(Guid id, Guid plan, DateOnly? movedOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var transition = await db.IndividualPlans.Include(p => p.FollowUps).FirstOrDefaultAsync(p => p.Id == plan && p.PersonId == id && p.Kind == IndividualPlanKind.TransitionPlan, ct);
        if (transition is null) return NotFound();
        if (movedOn is null) ModelState.AddModelError("", t["Plan_MovedOnRequired"]);
        else if (transition.MovedOn is not null) ModelState.AddModelError("", t["Plan_AlreadyMoved"]);
        if (!ModelState.IsValid) return Page();
        transition.MovedOn = movedOn;
        transition.FollowUps.AddRange(FollowUpVisit.Schedule.Select(m => new FollowUpVisit { PlanId = plan, PersonId = id, Months = m, Due = movedOn!.Value.AddMonths(m) }));
        return await SavedAsync(id, ct);
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, Guid visit, DateOnly? visitedOn, string? notes, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await db.FollowUpVisits.FirstOrDefaultAsync(v => v.Id == visit && v.PersonId == id, ct) is not { } found) return NotFound();
        if (visitedOn is null) ModelState.AddModelError("", t["Visit_DateRequired"]);
        if (!ModelState.IsValid) return Page();
        (found.VisitedOn, found.Notes) = (visitedOn, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
        return await SavedAsync(id, ct);
    }

    /// <summary>How many people moved from an institution to the community in a period (for programme indicators): counts only, no one named.</summary>
    public static Task<int> LeftInstitutionsAsync(PartneraDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.IndividualPlans.Where(p => p.Kind == IndividualPlanKind.TransitionPlan && p.MovedOn >= from && p.MovedOn <= to).Select(p => p.PersonId).Distinct().CountAsync(ct);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> SavedAsync(Guid id, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Plans/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return false;
        Person = person;
        Plans = await db.IndividualPlans.AsNoTracking().Include(p => p.Goals).Include(p => p.FollowUps).AsSplitQuery()
            .Where(p => p.PersonId == id).OrderByDescending(p => p.AssessedOn).ToListAsync(ct);
        var involved = db.PersonInvolvements.Where(i => i.PersonId == id).Select(i => i.OrganisationId);
        Responsible = (await db.Organisations.AsNoTracking().Where(o => involved.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Institutions = (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.ResidentialInstitution).OrderBy(o => o.Name.Value).Take(ChoicesOffered)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Services = (await db.Services.AsNoTracking().Where(s => involved.Contains(s.OrganisationId)).OrderBy(s => s.Name.Value).Take(ChoicesOffered)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        Names = Responsible.Concat(Institutions).Concat(Services).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Name);
        return true;
    }
}
