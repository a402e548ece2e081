using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Email;

namespace Partnera.Features.People;

/// <summary>
/// Who may see a person: members of an organisation involved in the person's case (it registered them, sent or
/// received a referral about them, or serves them), and within it only roles that work with people. There is no
/// other way in: platform administrators see no one by their role. Every opening of a person is written to the audit
/// log with its reason; an emergency opening by someone not involved needs a written reason and is reported to the
/// administrators of that person's organisations.
/// </summary>
public sealed class PersonAccess(PartneraDbContext db, AuditLog audit, IEmailSender email, IStringLocalizer<PeopleStrings> t, ILogger<PersonAccess> logger)
{
    /// <summary>Why a name was shown in a list: the audit reasons of the people list.</summary>
    public const string ListReason = "list", SearchReason = "search";

    /// <summary>The roles whose work needs people's data (not volunteer or programme coordination).</summary>
    public static readonly Role[] PersonalDataRoles = [Role.ProviderStaff, Role.AuthoritySpecialist, Role.CsoLeader, Role.Administrator];

    /// <summary>The organisations through which this user works with people.</summary>
    public static IReadOnlyList<Guid> Organisations(ClaimsPrincipal user) =>
        MembershipClaims.Of(user).Where(m => PersonalDataRoles.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();

    public static bool WorksWithPeople(ClaimsPrincipal user) => Organisations(user).Count > 0;

    /// <summary>Erasure on request is decided by an administrator of the organisation that registered the person.</summary>
    public static bool CanErase(ClaimsPrincipal user, Person person) =>
        person.SharedOnly is null && MembershipClaims.Of(user).Any(m => m.Role == Role.Administrator && m.OrganisationId == person.RegisteredById);

    /// <summary>The people this user may see.</summary>
    public IQueryable<Person> Visible(ClaimsPrincipal user)
    {
        var organisations = Organisations(user);
        return db.People.Where(p => p.ErasedAt == null && p.MergedIntoId == null && db.PersonInvolvements.Any(i => i.PersonId == p.Id && organisations.Contains(i.OrganisationId)));
    }

    /// <summary>The person with their categories, documents and consents, when this user may see them; the opening is audited with the reason it is allowed.</summary>
    public async Task<Person?> OpenAsync(ClaimsPrincipal user, Guid id, AuditAction action, CancellationToken ct)
    {
        var organisations = Organisations(user);
        var why = await db.PersonInvolvements.Where(i => i.PersonId == id && organisations.Contains(i.OrganisationId))
            .Select(i => i.Kind).Distinct().ToListAsync(ct);
        if (why.Count == 0) return null;
        // An organisation that only received a referral sees what the sender ticked, and nothing else.
        var person = why.Any(k => k != Involvement.ReferralReceived) ? await LoadAsync(id, ct) : await SharedAsync(id, organisations, ct);
        if (person is not null) await audit.RecordAsync(action, person, string.Join(", ", why.Order()), ct);
        return person;
    }

    /// <summary>
    /// Opens a person this user's organisations are not involved with, in an emergency: only for roles that work with
    /// people, only with a written reason; audited, and e-mailed to the administrators of the person's organisations.
    /// </summary>
    public async Task<Person?> BreakTheGlassAsync(ClaimsPrincipal user, Guid id, string reason, CancellationToken ct)
    {
        if (!WorksWithPeople(user) || string.IsNullOrWhiteSpace(reason)) return null;
        var person = await LoadAsync(id, ct);
        if (person is null) return null;
        await audit.RecordAsync(AuditAction.Viewed, person, $"{t["Emergency_AuditReason"]}: {reason.Trim()}", ct);
        var involved = db.PersonInvolvements.Where(i => i.PersonId == id).Select(i => i.OrganisationId);
        var administrators = await db.Memberships.Where(m => m.Role == Role.Administrator && involved.Contains(m.OrganisationId) && m.User!.Email != null)
            .Select(m => m.User!.Email!).Distinct().ToListAsync(ct);
        var who = user.Identity?.Name ?? "";
        foreach (var to in administrators)
            await email.SendNoticeAsync(logger, to, t["Emergency_EmailSubject"], t["Emergency_EmailBody", System.Net.WebUtility.HtmlEncode(who), System.Net.WebUtility.HtmlEncode(reason.Trim()), id], ct);
        return person;
    }

    private async Task<Person?> SharedAsync(Guid id, IReadOnlyList<Guid> organisations, CancellationToken ct)
    {
        var shared = (await db.Referrals.Where(r => r.PersonId == id && organisations.Contains(r.ToOrganisationId)).Select(r => r.Shared).ToListAsync(ct))
            .Aggregate(Referrals.SharedData.None, (all, one) => all | one);
        var person = await db.People.AsNoTracking().Include(p => p.Categories).Include(p => p.Documents).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        if (!shared.HasFlag(Referrals.SharedData.BirthDate)) (person.BirthDate, person.Sex) = (null, null);
        if (!shared.HasFlag(Referrals.SharedData.Contacts)) (person.Phone, person.Email) = (null, null);
        if (!shared.HasFlag(Referrals.SharedData.Address)) person.Address = null;
        if (!shared.HasFlag(Referrals.SharedData.Documents)) person.Documents.Clear();
        if (!shared.HasFlag(Referrals.SharedData.Groups)) person.Categories.Clear();
        person.SharedOnly = shared;
        return person;
    }

    private Task<Person?> LoadAsync(Guid id, CancellationToken ct) =>
        db.People.Include(p => p.Categories).Include(p => p.Documents).Include(p => p.Consents).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
}
