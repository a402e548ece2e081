using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Referrals;

/// <summary>
/// One referral for the two organisations on it: the person (as shared), every step with its time and who took it,
/// the moves open to the reader's side, and the messages between them.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReferralModel(PartneraDbContext db, PersonAccess access, ReferralFlow flow, TimeProvider time, IStringLocalizer<PeopleStrings> t) : PageModel
{
    public Referral Referral { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public MultilingualText Service { get; private set; } = new();
    public Dictionary<Guid, MultilingualText> Organisations { get; private set; } = [];
    public List<ReferralStep> Steps { get; private set; } = [];
    public List<ReferralMessage> Messages { get; private set; } = [];
    public List<ReferralStatus> Next { get; private set; } = [];
    public bool Overdue { get; private set; }
    /// <summary>Whether the reader's organisation sent it (the sender waits for the answer and may withdraw it).</summary>
    public bool IsSender { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, ReferralStatus to, string? note, CancellationToken ct)
    {
        if (await flow.MoveAsync(User, id, to, note, ct) is { } problem)
        {
            ModelState.AddModelError("", t[problem, ReferralFlow.NoteLength]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Referrals/Referral/{id}");
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid id, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            ModelState.AddModelError("", t["Referral_MessageRequired"]);
            return Page();
        }
        var side = ReferralFlow.SidesOf(User, Referral).First();
        await flow.AddMessageAsync(Referral, side == ReferralFlow.Side.Sender ? Referral.FromOrganisationId : Referral.ToOrganisationId, text, ct);
        return Redirect($"/People/Referrals/Referral/{id}#messages");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } referral) return false;
        var sides = ReferralFlow.SidesOf(User, referral).ToList();
        if (sides.Count == 0) return false;
        if (await access.OpenAsync(User, referral.PersonId, AuditAction.Viewed, ct) is not { } person) return false;
        (Referral, Person) = (referral, person);
        Service = await db.Services.Where(s => s.Id == referral.ServiceId).Select(s => s.Name).SingleAsync(ct);
        Organisations = (await db.Organisations.AsNoTracking().Where(o => o.Id == referral.FromOrganisationId || o.Id == referral.ToOrganisationId)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        Steps = await db.ReferralSteps.AsNoTracking().Where(s => s.ReferralId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        Messages = await db.ReferralMessages.AsNoTracking().Where(m => m.ReferralId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        Next = ReferralFlow.Moves.Where(m => m.Key.From == referral.Status && sides.Contains(m.Value.Side)).Select(m => m.Key.To).ToList();
        IsSender = sides.Contains(ReferralFlow.Side.Sender);
        Overdue = ReferralFlow.IsOverdue(referral.Status, referral.AnswerDue, time.GetUtcNow().UtcDateTime);
        return true;
    }
}
