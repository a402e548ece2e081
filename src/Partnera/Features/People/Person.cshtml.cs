using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>A person's record for an involved organisation: the details, the organisations involved, and who has looked at it (each opening audited).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PersonModel(PartneraDbContext db, PersonAccess access, AuditLog audit, Matching.DuplicateCheck duplicates, Audit.AuditChanges changes, Microsoft.Extensions.Localization.IStringLocalizer<PeopleStrings> t) : PageModel
{
    /// <summary>Why household members' names were shown: an audit reason.</summary>
    public const string HouseholdReason = "household";

    /// <summary>The other members of the person's household this user may see (others are not mentioned).</summary>
    public List<Person> Household { get; private set; } = [];
    public List<Matching.DuplicateCandidate> Duplicates { get; private set; } = [];
    public MultilingualText? Community { get; private set; }

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Person Person { get; private set; } = null!;
    public List<(MultilingualText Organisation, Involvement Kind, DateTime Since)> Involved { get; private set; } = [];
    public Page<AuditEntry>? Looked { get; private set; }
    /// <summary>What each entry of the log changed, field by field (the values of the person's data stay masked as the log stored them).</summary>
    public Dictionary<Guid, List<Audit.ChangeLine>> LookedChanges { get; private set; } = [];
    /// <summary>The latest emergency openings by people not involved, shown at the top for those who hold the record.</summary>
    public List<AuditEntry> Emergencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        if (person.MergedIntoId is { } merged) return Redirect($"/People/Person/{merged}");
        Person = person;
        Community = person.TerritoryId is { } place ? await db.Territories.Where(x => x.Id == place).Select(x => x.Name).SingleAsync(ct) : null;
        // Only a holder of the whole record looks for duplicates (a receiver of a referral sees too little to compare).
        if (person.SharedOnly is null) Duplicates = await duplicates.FindAsync(User, person, ct);
        if (person is { SharedOnly: null, HouseholdId: { } household })
        {
            Household = await access.Held(User).AsNoTracking().Where(p => p.HouseholdId == household && p.Id != id).OrderBy(p => p.BirthDate).Take(50).ToListAsync(ct);
            Household = [.. Household.OrderBy(p => p.Relation)];
            if (Household.Count > 0) await audit.RecordAsync(AuditAction.Viewed, Household, HouseholdReason, ct);
        }
        // Who else works with the person, and who looked, is part of the case: not for a receiver of a referral.
        if (person.SharedOnly is not null) return Page();
        Involved = (await db.PersonInvolvements.AsNoTracking().Where(i => i.PersonId == id).OrderBy(i => i.Since)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { o.Name, i.Kind, i.Since }).ToListAsync(ct))
            .Select(x => (x.Name, x.Kind, x.Since)).ToList();
        var subject = $"{nameof(People.Person)}:{id}";
        Emergencies = await db.AuditLog.AsNoTracking().Where(e => e.Subject == subject && e.Action == AuditAction.Viewed && e.Reason!.StartsWith(PersonAccess.EmergencyReason))
            .OrderByDescending(e => e.At).Take(5).ToListAsync(ct);
        Looked = await db.AuditLog.AsNoTracking().Where(e => e.Subject == subject).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(PageNumber, 20, ct);
        LookedChanges = await changes.ReadAsync(Looked.Items, ct);
        return Page();
    }

    /// <summary>A logged reason in the reader's language: the ways of involvement and list/search are stored as codes, a typed reason as typed.</summary>
    public string Reason(string? stored) => stored is null ? "" : string.Join(", ", stored.Split(", ").Select(part =>
        Enum.TryParse<Involvement>(part, out var kind) ? t[$"Involvement_{kind}"].Value
        : part.StartsWith(PersonAccess.EmergencyReason, StringComparison.Ordinal) ? $"{t["Emergency_AuditReason"]}: {part[PersonAccess.EmergencyReason.Length..]}"
        : part is PersonAccess.ListReason or PersonAccess.SearchReason or PersonAccess.DuplicateReason or PersonAccess.DuplicateHintReason or HouseholdReason ? t[$"Reason_{part}"].Value
        : part));
}
