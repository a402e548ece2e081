using System.ComponentModel.DataAnnotations;
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

/// <summary>Refers a person to a service in the directory: the reason, how urgent, and what of the record goes with it (ticked).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SendModel(PartneraDbContext db, PersonAccess access, ReferralFlow flow, IStringLocalizer<PeopleStrings> t) : PageModel
{
    private const int ServicesOffered = 50;

    public sealed class SendInput
    {
        [Required, Display(Name = "Referral_Service")] public Guid? ServiceId { get; set; }
        [Required, StringLength(2000), Display(Name = "Referral_Reason")] public string? Reason { get; set; }
        [Display(Name = "Referral_Urgency")] public Urgency Urgency { get; set; }
        [Display(Name = "Referral_Shared")] public List<SharedData> Shared { get; set; } = [];
    }

    [BindProperty] public SendInput Input { get; set; } = new();
    [BindProperty] public string? ServiceQuery { get; set; }
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, MultilingualText Name, MultilingualText Organisation)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var from = await db.PersonInvolvements.Where(i => i.PersonId == id && PersonAccess.Organisations(User).Contains(i.OrganisationId) && i.Kind != Involvement.ReferralReceived)
            .Select(i => i.OrganisationId).FirstAsync(ct);
        var shared = Input.Shared.Aggregate(SharedData.None, (all, one) => all | one);
        var (referral, problem) = await flow.SendAsync(Person, from, Input.ServiceId!.Value, Input.Reason!, Input.Urgency, shared, ct);
        if (problem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SendInput.ServiceId)}", t[problem]);
            return Page();
        }
        // An organisation where no one works with people on Partnera would never see it: the sender must reach them otherwise.
        var seen = await db.Memberships.AnyAsync(m => m.OrganisationId == referral!.ToOrganisationId && m.PendingSince == null && PersonAccess.PersonalDataRoles.Contains(m.Role), ct);
        TempData["Message"] = seen ? "Common_Saved" : "Referral_SentNoOneThere";
        return Redirect($"/People/Referrals/Referral/{referral!.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        // Only an organisation holding the whole record refers the person on.
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return false;
        Person = person;
        var key = SearchKey.For(ServiceQuery);
        var services = db.Services.AsNoTracking().Where(s => s.Status == Directory.ServiceStatus.Active || (Input.ServiceId != null && s.Id == Input.ServiceId));
        if (key.Length > 0) services = services.Where(s => s.SearchText.Contains(key) || s.Id == Input.ServiceId);
        Services = (await services.OrderBy(s => s.Name.Value).Take(ServicesOffered)
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.Id, s.Name, Organisation = o.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name, s.Organisation)).ToList();
        return true;
    }
}
