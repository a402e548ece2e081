using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>
/// Registers people and changes them, records consent and its withdrawal. What needs consent is refused without it,
/// and removed when the last consent is withdrawn (the names stay, as the law allows).
/// </summary>
public sealed class PersonRegister(PartneraDbContext db, CurrentUser user, TimeProvider time)
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1), EarliestConsent = new(1990, 1, 1);

    /// <summary>Problems as (field, message key); the consent fields are named "Consent.*".</summary>
    public static List<(string Field, string Key)> Problems(PersonInput input, ConsentInput? consent, bool hasConsent, bool joiningHousehold = false)
    {
        var problems = new List<(string, string)>();
        var consented = hasConsent || consent?.Given == true;
        if (!consented) problems.AddRange(input.NeedingConsent().Select(f => (f, "Person_NeedsConsent")));
        if (consent?.Given == true && string.IsNullOrWhiteSpace(consent.Purpose)) problems.Add(("Consent.Purpose", "Consent_PurposeRequired"));
        if (consent?.Given == true && consent.GivenOn is null) problems.Add(("Consent.GivenOn", "Consent_DateRequired"));
        if (!string.IsNullOrWhiteSpace(input.DocumentNumber) && input.DocumentKind is null) problems.Add((nameof(input.DocumentKind), "Person_DocumentKindRequired"));
        if (joiningHousehold && input.Relation is null) problems.Add((nameof(input.Relation), "Person_RelationRequired"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A year typed as 0001 or 9999 is a slip, and a date no one can be born on or consent on.
        if (input.BirthDate is { } born && (born < EarliestBirth || born > today)) problems.Add((nameof(input.BirthDate), "Person_BirthDateOutOfRange"));
        if (consent?.Given == true && consent.GivenOn is { } given && (given < EarliestConsent || given > today)) problems.Add(("Consent.GivenOn", "Consent_DateOutOfRange"));
        problems.AddRange(input.Categories.Where(g => input.CategorySince.GetValueOrDefault(g) > today).Select(g => ($"{nameof(input.CategorySince)}[{g}]", "Person_CategorySinceFuture")));
        return problems;
    }

    /// <summary>The organisations this user may register people for (the registration form's and the import's choice).</summary>
    public async Task<IReadOnlyList<(Guid Id, Infrastructure.Text.MultilingualText Name)>> OrganisationsAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var mine = PersonAccess.Organisations(principal);
        return (await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>The communities a form offers: those of the district of the user's first organisation, and the one already chosen.</summary>
    public async Task<IReadOnlyList<Territories.TerritoryChoices.Choice>> CommunitiesAsync(System.Security.Claims.ClaimsPrincipal principal, Guid? chosen, CancellationToken ct)
    {
        var mine = PersonAccess.Organisations(principal);
        var home = await db.Organisations.Where(o => mine.Contains(o.Id) && o.TerritoryId != null).Select(o => o.Territory!.ParentId ?? o.TerritoryId).FirstOrDefaultAsync(ct);
        return (await Territories.TerritoryChoices.LoadAsync(db, null, chosen is { } c ? [c] : [], home, ct)).Where(t => t.Level == Territories.TerritoryLevel.Community).ToList();
    }

    /// <summary>The community typed must be a community (a field problem key otherwise).</summary>
    public async Task<string?> CommunityProblemAsync(PersonInput input, CancellationToken ct) =>
        input.TerritoryId is { } id && !await db.Territories.AnyAsync(t => t.Id == id && t.Level == Territories.TerritoryLevel.Community, ct) ? "Person_UnknownCommunity" : null;

    /// <summary>Registers a person; with <paramref name="householdOf"/>, as a member of that person's household (which that person then heads, if it is new).</summary>
    public async Task<Person> RegisterAsync(PersonInput input, ConsentInput consent, Guid organisationId, CancellationToken ct, Person? householdOf = null)
    {
        var person = Add(input, consent, organisationId, householdOf?.HouseholdToJoin());
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>Adds a person (and the organisation's involvement) to be saved with the next SaveChanges: one registration, or a row of an import.</summary>
    public Person Add(PersonInput input, ConsentInput consent, Guid organisationId, Guid? householdId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var person = new Person { RegisteredById = organisationId, RegisteredAt = now, HouseholdId = householdId };
        if (consent.Given) person.Consents.Add(NewConsent(person.Id, organisationId, consent));
        Apply(person, input, DateOnly.FromDateTime(now));
        db.People.Add(person);
        db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person.Id, OrganisationId = organisationId, Kind = Involvement.Registered, Since = now });
        return person;
    }

    public async Task UpdateAsync(Person person, PersonInput input, CancellationToken ct)
    {
        Apply(person, input, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordConsentAsync(Person person, Guid organisationId, ConsentInput consent, Guid? formDocumentId, CancellationToken ct)
    {
        var recorded = NewConsent(person.Id, organisationId, consent);
        recorded.FormDocumentId = formDocumentId;
        db.Consents.Add(recorded);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws a consent; when none is left, removes everything that needed it.</summary>
    public async Task WithdrawAsync(Person person, Guid consentId, CancellationToken ct)
    {
        var consent = person.Consents.FirstOrDefault(c => c.Id == consentId && c.WithdrawnOn is null);
        if (consent is null) return;
        consent.WithdrawnOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        consent.WithdrawnRecordedBy = user.Name;
        if (!person.HasConsent)
        {
            (person.BirthDate, person.Sex, person.Phone, person.Email, person.Address, person.TerritoryId) = (null, null, null, null, null, null);
            (person.HouseholdId, person.Relation) = (null, null);
            person.Documents.Clear();
            person.Categories.Clear();
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Erases a person on request: everything that identifies them goes (names, date of birth, contacts, address,
    /// documents, what was written in referrals and messages); what the counts need stays (sex, groups, place, and each
    /// referral's organisations, steps and dates).
    /// </summary>
    public async Task EraseAsync(Person person, CancellationToken ct)
    {
        (person.FamilyName, person.GivenName, person.Patronymic, person.LatinName) = ("", "", null, null);
        (person.BirthDate, person.Phone, person.Email, person.Address, person.SearchText, person.FamilyKey, person.GivenKey) = (null, null, null, null, "", "", "");
        (person.HouseholdId, person.Relation) = (null, null);
        person.Documents.Clear();
        person.ErasedAt = time.GetUtcNow().UtcDateTime;
        var referrals = db.Referrals.Where(r => r.PersonId == person.Id).Select(r => r.Id);
        await db.SaveChangesAsync(ct);
        await db.Referrals.Where(r => r.PersonId == person.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Reason, "").SetProperty(x => x.DeclineReason, (string?)null).SetProperty(x => x.Outcome, (string?)null), ct);
        await db.ReferralSteps.Where(s => referrals.Contains(s.ReferralId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Note, (string?)null), ct);
        await db.ReferralMessages.Where(m => referrals.Contains(m.ReferralId)).ExecuteDeleteAsync(ct);
        // Nothing is left to compare, and an open pair would keep telling others that the record exists.
        await db.DuplicatePairs.Where(d => d.Decision == Matching.DuplicateDecision.Open && (d.FirstId == person.Id || d.SecondId == person.Id)).ExecuteDeleteAsync(ct);
    }

    private Consent NewConsent(Guid personId, Guid organisationId, ConsentInput consent) => new()
    {
        PersonId = personId,
        OrganisationId = organisationId,
        Purpose = consent.Purpose!.Trim(),
        GivenOn = consent.GivenOn!.Value,
        RecordedBy = user.Name ?? "",
    };

    private static void Apply(Person person, PersonInput input, DateOnly today)
    {
        person.FamilyName = input.FamilyName!.Trim();
        person.GivenName = input.GivenName!.Trim();
        person.Patronymic = Clean(input.Patronymic);
        person.LatinName = Clean(input.LatinName);
        person.IndexNames();
        person.BirthDate = input.BirthDate;
        person.Sex = input.Sex;
        person.Phone = Clean(input.Phone);
        person.Email = Clean(input.Email);
        person.Address = Clean(input.Address);
        person.TerritoryId = input.TerritoryId;
        // A member keeps a relation to the head; taking the relation away takes the person out of the household.
        if (person.HouseholdId is not null && input.Relation is null) person.HouseholdId = null;
        person.Relation = person.HouseholdId is null ? null : input.Relation;
        // A number of punctuation alone is no number: kept empty, it would match everyone else's.
        var number = PersonDocument.Normalise(input.DocumentNumber ?? "") is { Length: > 0 } typed ? typed : null;
        person.Documents.RemoveAll(d => number is null || d.Kind != input.DocumentKind || d.Number != number);
        if (number is not null && person.Documents.Count == 0) person.Documents.Add(new PersonDocument { PersonId = person.Id, Kind = input.DocumentKind!.Value, Number = number });
        foreach (var ended in person.Categories.Where(c => c.Until is null && !input.Categories.Contains(c.Group))) ended.Until = today;
        foreach (var open in person.Categories.Where(c => c.Until is null && input.CategorySince.GetValueOrDefault(c.Group) is { } since && since != c.From))
            open.From = input.CategorySince[open.Group]!.Value;
        foreach (var group in input.Categories.Distinct().Where(g => !person.Categories.Any(c => c.Group == g && c.Until is null)))
            person.Categories.Add(new PersonCategory { PersonId = person.Id, Group = group, From = input.CategorySince.GetValueOrDefault(group) ?? today });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
