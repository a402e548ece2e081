using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Planning.Consultation;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Time;

namespace Partnera.Features.Planning;

/// <summary>Records a public hearing or meeting on a plan (time in the community's zone, place, agenda, participants, minutes) and the proposals raised there, which are answered like any other.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class HearingModel(PartneraDbContext db, ConsultationBook consultation, CurrentUser user, IStringLocalizer<PlanningStrings> t) : PageModel
{
    public sealed class HearingInput
    {
        [Required, Display(Name = "Hearing_HeldAt")] public DateTime? HeldAt { get; set; }
        [Required, StringLength(300), Display(Name = "Hearing_Place")] public string? Place { get; set; }
        [Required, StringLength(4000), Display(Name = "Hearing_Agenda")] public string? Agenda { get; set; }
        [Range(0, 1_000_000), Display(Name = "Hearing_Participants")] public int? Participants { get; set; }
        [StringLength(20000), Display(Name = "Hearing_Minutes")] public string? Minutes { get; set; }
    }

    // Bound per handler, so saving the hearing does not check the proposal form and the other way round.
    public HearingInput Input { get; set; } = new();
    public CommentInput Raised { get; set; } = new();
    public string? Speaker { get; set; }
    public CommunityPlan Plan { get; private set; } = null!;
    public Guid? Id { get; private set; }
    public IReadOnlyList<PlanComment> Proposals { get; private set; } = [];
    private string zone = "UTC";

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(planId, id, ct)) return NotFound();
        if (id is not null && await db.PlanHearings.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id && h.PlanId == planId, ct) is { } h)
            Input = new HearingInput { HeldAt = LocalTime.FromUtc(zone, h.HeldAt), Place = h.Place, Agenda = h.Agenda, Participants = h.Participants, Minutes = h.Minutes };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid? id, HearingInput input, CancellationToken ct)
    {
        Input = input;
        if (!await LoadAsync(planId, id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var hearing = id is null ? new PlanHearing { PlanId = planId } : await db.PlanHearings.FirstOrDefaultAsync(h => h.Id == id && h.PlanId == planId, ct);
        if (hearing is null) return NotFound();
        hearing.HeldAt = LocalTime.ToUtc(zone, Input.HeldAt!.Value);
        (hearing.Place, hearing.Agenda, hearing.Participants, hearing.Minutes) = (Input.Place!.Trim(), Input.Agenda!.Trim(), Input.Participants, Input.Minutes?.Trim());
        if (id is null) db.PlanHearings.Add(hearing);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Hearing/{planId}/{hearing.Id}");
    }

    /// <summary>A proposal raised at the hearing, recorded by the authority under the speaker's name.</summary>
    public async Task<IActionResult> OnPostRaisedAsync(Guid planId, Guid id, CommentInput raised, [StringLength(200)] string? speaker, CancellationToken ct)
    {
        (Raised, Speaker) = (raised, speaker);
        if (!await LoadAsync(planId, id, ct) || !await db.PlanHearings.AnyAsync(h => h.Id == id && h.PlanId == planId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var speakerName = string.IsNullOrWhiteSpace(Speaker) ? t["Hearing_Participant"].Value : Speaker.Trim();
        foreach (var (field, key) in await consultation.RecordAtHearingAsync(Plan, id, user.Id!.Value, speakerName, Raised, ct))
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Raised)}.{field}", t[key]);
        if (!ModelState.IsValid) return Page();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Hearing/{planId}/{id}");
    }

    private async Task<bool> LoadAsync(Guid planId, Guid? id, CancellationToken ct)
    {
        if (await PlanEditor.EditableAsync(db, User, planId, ct) is not { } plan) return false;
        (Plan, Id) = (plan, id);
        zone = await Territories.TerritoryClock.TimeZoneAsync(db, plan.TerritoryId, ct);
        Proposals = id is null ? [] : await db.PlanComments.AsNoTracking().Where(c => c.HearingId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return true;
    }
}
