using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// Adds someone already registered to a person's household: found by name among the people the user may see, with
/// their relation to the head. Both records must be held whole by the user's organisation, and the one added must have
/// consented (a household is kept only with consent).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HouseholdModel(PartneraDbContext db, PersonAccess access, AuditLog audit, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Person Person { get; private set; } = null!;
    public Page<Person>? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        Person = person;
        await SearchAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid other, HouseholdRelation? relation, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        Person = person;
        if (other == id || await access.OpenHeldAsync(User, other, AuditAction.Viewed, ct) is not { } member) return NotFound();
        if (!member.HasConsent) ModelState.AddModelError("relation", t["Household_NeedsConsent", member.FullName]);
        else if (relation is null) ModelState.AddModelError("relation", t["Person_RelationRequired"]);
        if (!ModelState.IsValid)
        {
            await SearchAsync(ct);
            return Page();
        }
        (member.HouseholdId, member.Relation) = (person.HouseholdToJoin(), relation);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Person/{id}");
    }

    /// <summary>The people matching the name this user may see, not yet in the household; each name shown is an audited read.</summary>
    private async Task SearchAsync(CancellationToken ct)
    {
        var key = SearchKey.For(Query);
        if (key.Length == 0) return;
        var household = Person.HouseholdId;
        Found = await access.Held(User).AsNoTracking().Where(p => p.Id != Person.Id && (household == null || p.HouseholdId != household) && p.SearchText.Contains(key))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).ToPageAsync(PageNumber, 20, ct);
        if (Found.Items.Count > 0) await audit.RecordAsync(AuditAction.Viewed, Found.Items, PersonAccess.SearchReason, ct);
    }
}
