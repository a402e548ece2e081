using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Email;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// Who may see a person: members of an organisation involved in the person's case (it registered them, sent or
/// received a referral about them, or serves them), and within it only roles that work with people. There is no
/// other way in: platform administrators see no one by their role. Every opening of a person is written to the audit
/// log with its reason; an emergency opening by someone not involved needs a written reason and is reported to the
/// administrators of that person's organisations.
/// </summary>
public sealed class PersonAccess(PartneraDbContext db, AuditLog audit, IEmailSender email, IStringLocalizer<PeopleStrings> t, ILogger<PersonAccess> logger,
    IConfiguration configuration, TimeProvider time, Infrastructure.Web.PublicLinks links, CurrentUser current)
{
    /// <summary>Why a name was shown in a list: the audit reasons of the people list.</summary>
    public const string ListReason = "list", SearchReason = "search";

    /// <summary>Why a record held by the reader was shown as a probable duplicate of another.</summary>
    public const string DuplicateReason = "duplicate";

    /// <summary>Why a record was mentioned to someone who may not open it: a probable duplicate of one of theirs (only that it exists and who registered it).</summary>
    public const string DuplicateHintReason = "duplicate-hint";

    /// <summary>The roles whose work needs people's data (not volunteer or programme coordination).</summary>
    public static readonly Role[] PersonalDataRoles = [Role.ProviderStaff, Role.AuthoritySpecialist, Role.CsoLeader, Role.Administrator];

    /// <summary>The organisations through which this user works with people.</summary>
    public static IReadOnlyList<Guid> Organisations(ClaimsPrincipal user) =>
        MembershipClaims.Of(user).Where(m => PersonalDataRoles.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();

    public static bool WorksWithPeople(ClaimsPrincipal user) => Organisations(user).Count > 0;

    /// <summary>Erasure on request is decided by an administrator of the organisation that registered the person.</summary>
    public static bool CanErase(ClaimsPrincipal user, Person person) =>
        person.SharedOnly is null && MembershipClaims.Of(user).Any(m => m.Role == Role.Administrator && m.OrganisationId == person.RegisteredById);

    /// <summary>
    /// The people this user may find by name: those whose case their organisations hold, and those they received a
    /// referral about. What a list shows of the latter goes through <see cref="RedactAsync"/>.
    /// </summary>
    public IQueryable<Person> Visible(ClaimsPrincipal user)
    {
        var organisations = Organisations(user);
        return Current.Where(p => db.PersonInvolvements.Any(i => i.PersonId == p.Id && organisations.Contains(i.OrganisationId)));
    }

    /// <summary>
    /// The people whose whole record this user's organisations hold (they registered, referred or serve them).
    /// Receiving a referral is not holding: it never counts for duplicates, merges, households or exports.
    /// </summary>
    public IQueryable<Person> Held(ClaimsPrincipal user)
    {
        var organisations = Organisations(user);
        return Current.Where(p => db.PersonInvolvements.Any(i => i.PersonId == p.Id && i.Kind != Involvement.ReferralReceived && organisations.Contains(i.OrganisationId)));
    }

    private IQueryable<Person> Current => db.People.Where(p => p.ErasedAt == null && p.MergedIntoId == null);

    /// <summary>
    /// Leaves in each listed person only what this user may see: the whole record where their organisations hold it,
    /// what the referrals to them shared otherwise. The people must not be tracked (the values are blanked in memory).
    /// </summary>
    public async Task RedactAsync(ClaimsPrincipal user, IReadOnlyCollection<Person> people, CancellationToken ct)
    {
        if (people.Count == 0) return;
        var organisations = Organisations(user);
        var ids = people.Select(p => p.Id).ToList();
        var held = await db.PersonInvolvements.Where(i => ids.Contains(i.PersonId) && i.Kind != Involvement.ReferralReceived && organisations.Contains(i.OrganisationId))
            .Select(i => i.PersonId).Distinct().ToListAsync(ct);
        var shared = await SharedWithAsync(ids, organisations, ct);
        foreach (var person in people.Where(p => !held.Contains(p.Id)))
            Redact(person, shared.GetValueOrDefault(person.Id));
    }

    /// <summary>Per person, everything the referrals to these organisations shared, taken together.</summary>
    private async Task<Dictionary<Guid, Referrals.SharedData>> SharedWithAsync(IReadOnlyCollection<Guid> people, IReadOnlyList<Guid> organisations, CancellationToken ct) =>
        (await db.Referrals.Where(r => people.Contains(r.PersonId) && organisations.Contains(r.ToOrganisationId)).Select(r => new { r.PersonId, r.Shared }).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => Together(g.Select(r => r.Shared)));

    private static Referrals.SharedData Together(IEnumerable<Referrals.SharedData> shared) => shared.Aggregate(Referrals.SharedData.None, (all, one) => all | one);

    /// <summary>
    /// Who sees each of these people and how much: per organisation, null for the whole record, otherwise what the
    /// referrals to it shared. Two records may become one only when they have the same audience.
    /// </summary>
    public async Task<Dictionary<Guid, Dictionary<Guid, Referrals.SharedData?>>> AudiencesAsync(IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var involvements = await db.PersonInvolvements.Where(i => people.Contains(i.PersonId)).Select(i => new { i.PersonId, i.OrganisationId, i.Kind }).ToListAsync(ct);
        var shared = (await db.Referrals.Where(r => people.Contains(r.PersonId)).Select(r => new { r.PersonId, r.ToOrganisationId, r.Shared }).ToListAsync(ct))
            .ToLookup(r => (r.PersonId, r.ToOrganisationId), r => r.Shared);
        return people.ToDictionary(p => p, p => involvements.Where(i => i.PersonId == p).GroupBy(i => i.OrganisationId).ToDictionary(g => g.Key,
            g => g.Any(i => i.Kind != Involvement.ReferralReceived) ? null
                : (Referrals.SharedData?)Together(shared[(p, g.Key)])));
    }

    /// <summary>
    /// Tells a reader that these records, which they may not open, exist: only the names of the organisations that
    /// registered them (never who else is involved), and each disclosure is in the record's log.
    /// </summary>
    public async Task<Dictionary<Guid, MultilingualText>> DiscloseAsync(IReadOnlyCollection<Person> hidden, CancellationToken ct)
    {
        if (hidden.Count == 0) return [];
        await audit.RecordAsync(AuditAction.Disclosed, hidden, DuplicateHintReason, ct);
        var registrars = hidden.Select(p => p.RegisteredById).Distinct().ToList();
        return await db.Organisations.Where(o => registrars.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>The person with their categories, documents and consents, when this user may see them; the opening is audited with the reason it is allowed.</summary>
    public Task<Person?> OpenAsync(ClaimsPrincipal user, Guid id, AuditAction action, CancellationToken ct) => OpenAsync(user, id, action, heldOnly: false, ct);

    /// <summary>
    /// The whole record, only for organisations that hold it (to change, export, print or act on it); a receiver of a
    /// referral gets nothing, and nothing is written in the record's log for a refusal.
    /// </summary>
    public Task<Person?> OpenHeldAsync(ClaimsPrincipal user, Guid id, AuditAction action, CancellationToken ct) => OpenAsync(user, id, action, heldOnly: true, ct);

    private async Task<Person?> OpenAsync(ClaimsPrincipal user, Guid id, AuditAction action, bool heldOnly, CancellationToken ct)
    {
        var organisations = Organisations(user);
        var why = await db.PersonInvolvements.Where(i => i.PersonId == id && organisations.Contains(i.OrganisationId))
            .Select(i => i.Kind).Distinct().ToListAsync(ct);
        if (why.Count == 0 || (heldOnly && why.All(k => k == Involvement.ReferralReceived))) return null;
        // An organisation that only received a referral sees what the sender ticked, and nothing else.
        var person = why.Any(k => k != Involvement.ReferralReceived) ? await LoadAsync(id, ct) : await SharedAsync(id, organisations, ct);
        if (person is not null) await audit.RecordAsync(action, person, string.Join(", ", why.Order()), ct);
        return person;
    }

    /// <summary>How an emergency opening's reason starts in the audit log (shown in the reader's language).</summary>
    public const string EmergencyReason = "emergency: ";

    /// <summary>The shortest reason accepted for an emergency opening: a sentence, not a letter.</summary>
    public const int EmergencyReasonLength = 20;

    /// <summary>The outcome of an emergency opening: the person, or why it was refused (a resource key).</summary>
    public sealed record EmergencyOpening(Person? Person, string? Refusal);

    /// <summary>
    /// Opens a person this user's organisations are not involved with, in an emergency: only for roles that work with
    /// people, only with a written reason, a few times a day at most; audited, and e-mailed to everyone who works with
    /// people in the person's organisations.
    /// </summary>
    public async Task<EmergencyOpening> BreakTheGlassAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim() ?? "";
        if (!WorksWithPeople(user)) return new(null, null);
        if (!IsRealReason(reason)) return new(null, "Emergency_ReasonRequired");
        // One opening at a time per account, so parallel requests cannot pass the daily limit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"emergency:" + user.Identity?.Name}))", ct);
        if (await EmergencyOpeningsTodayAsync(ct) >= configuration.GetValue("People:EmergencyOpeningsPerDay", 3)) return new(null, "Emergency_TooMany");
        var person = await LoadAsync(id, ct);
        if (person is null) return new(null, null);
        await audit.RecordAsync(AuditAction.Viewed, person, EmergencyReason + reason, ct);
        await transaction.CommitAsync(ct);
        await TellInvolvedAsync(user, id, reason, ct);
        return new(person, null);
    }

    /// <summary>A sentence: long enough, and at least three words with letters in them ("aaaaaaaaaaaaaaaaaaaa" is not one).</summary>
    public static bool IsRealReason(string reason) =>
        reason.Length >= EmergencyReasonLength && reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3;

    /// <summary>Counted from the audit log, under the same user id the log writes (CurrentUser).</summary>
    private Task<int> EmergencyOpeningsTodayAsync(CancellationToken ct)
    {
        var userId = current.Id;
        var since = time.GetUtcNow().UtcDateTime.AddDays(-1);
        return db.AuditLog.CountAsync(e => e.UserId == userId && e.At > since && e.Action == AuditAction.Viewed && e.Reason!.StartsWith(EmergencyReason), ct);
    }

    /// <summary>
    /// Everyone who works with people in the organisations involved (not only administrators, whom an organisation may
    /// lack); an organisation with no such staff is told at its own address.
    /// </summary>
    private async Task TellInvolvedAsync(ClaimsPrincipal user, Guid id, string reason, CancellationToken ct)
    {
        var involved = await db.PersonInvolvements.Where(i => i.PersonId == id).Select(i => i.OrganisationId).Distinct().ToListAsync(ct);
        var staff = await db.Memberships.Where(m => m.PendingSince == null && PersonalDataRoles.Contains(m.Role) && involved.Contains(m.OrganisationId) && m.User!.Email != null)
            .Select(m => new { m.OrganisationId, Email = m.User!.Email! }).ToListAsync(ct);
        var unstaffed = involved.Except(staff.Select(s => s.OrganisationId)).ToList();
        var addresses = await db.Organisations.Where(o => unstaffed.Contains(o.Id) && o.Email != null).Select(o => o.Email!).ToListAsync(ct);
        var who = System.Net.WebUtility.HtmlEncode(user.Identity?.Name ?? "");
        foreach (var to in staff.Select(s => s.Email).Concat(addresses).Where(e => !string.Equals(e, user.Identity?.Name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase))
            await email.SendNoticeAsync(logger, to, t["Emergency_EmailSubject"], t["Emergency_EmailBody", who, System.Net.WebUtility.HtmlEncode(reason), Infrastructure.Web.PublicLinks.Anchor(links.For($"/People/Person/{id}"))], ct);
    }

    private async Task<Person?> SharedAsync(Guid id, IReadOnlyList<Guid> organisations, CancellationToken ct)
    {
        var shared = (await SharedWithAsync([id], organisations, ct)).GetValueOrDefault(id);
        var person = await db.People.AsNoTracking().Include(p => p.Categories).Include(p => p.Documents).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        Redact(person, shared);
        return person;
    }

    /// <summary>The one rule for a receiver of a referral: what the sender ticked, and never the household or the consents.</summary>
    private static void Redact(Person person, Referrals.SharedData shared)
    {
        if (!shared.HasFlag(Referrals.SharedData.BirthDate)) (person.BirthDate, person.Sex) = (null, null);
        if (!shared.HasFlag(Referrals.SharedData.Contacts)) (person.Phone, person.Email) = (null, null);
        if (!shared.HasFlag(Referrals.SharedData.Address)) (person.Address, person.TerritoryId) = (null, null);
        if (!shared.HasFlag(Referrals.SharedData.Documents)) person.Documents.Clear();
        if (!shared.HasFlag(Referrals.SharedData.Groups)) person.Categories.Clear();
        (person.HouseholdId, person.Relation) = (null, null);
        person.Consents.Clear();
        person.SharedOnly = shared;
    }

    private Task<Person?> LoadAsync(Guid id, CancellationToken ct) =>
        db.People.Include(p => p.Categories).Include(p => p.Documents).Include(p => p.Consents).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
}
