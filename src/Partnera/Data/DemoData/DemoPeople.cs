using Partnera.Features.Directory;
using Partnera.Features.People;

namespace Partnera.Data.DemoData;

/// <summary>
/// A few invented people registered by the Bakhmut centre of social services (provider@ sees them; no one else does):
/// one with consent and a full record living with his wife (a household of two), one whose consent was never given
/// (names only).
/// </summary>
public static class DemoPeople
{
    public static (List<Person> People, List<PersonInvolvement> Involvements) Create(DemoOrganisations o, DemoTerritories t, DateTime now)
    {
        var centre = o.BakhmutCentre.Id;
        var today = DateOnly.FromDateTime(now);
        var withConsent = new Person
        {
            FamilyName = "Коваленко",
            GivenName = "Олександр",
            Patronymic = "Петрович",
            LatinName = "Oleksandr Kovalenko",
            BirthDate = new DateOnly(1948, 2, 14),
            Sex = Sex.Male,
            Phone = "+380 50 000 00 01",
            Address = "вул. Миру, 1 (вигадана адреса)",
            TerritoryId = t.Bakhmut.Id,
            RegisteredById = centre,
            RegisteredAt = now.AddDays(-40),
        };
        withConsent.Consents.Add(new Consent { PersonId = withConsent.Id, OrganisationId = centre, Purpose = "Догляд вдома та соціальний супровід", GivenOn = today.AddDays(-40), RecordedBy = "provider@partnera.demo" });
        withConsent.Categories.Add(new PersonCategory { PersonId = withConsent.Id, Group = TargetGroup.OlderPeople, From = today.AddDays(-40) });
        withConsent.Documents.Add(new PersonDocument { PersonId = withConsent.Id, Kind = DocumentKind.Passport, Number = PersonDocument.Normalise("ВВ 000001") });
        var household = Guid.CreateVersion7();
        (withConsent.HouseholdId, withConsent.Relation) = (household, HouseholdRelation.Head);
        var wife = new Person
        {
            FamilyName = "Коваленко",
            GivenName = "Марія",
            Patronymic = "Іванівна",
            BirthDate = new DateOnly(1950, 9, 3),
            Sex = Sex.Female,
            Address = withConsent.Address,
            TerritoryId = t.Bakhmut.Id,
            HouseholdId = household,
            Relation = HouseholdRelation.Spouse,
            RegisteredById = centre,
            RegisteredAt = now.AddDays(-40),
        };
        wife.Consents.Add(new Consent { PersonId = wife.Id, OrganisationId = centre, Purpose = "Догляд вдома та соціальний супровід", GivenOn = today.AddDays(-40), RecordedBy = "provider@partnera.demo" });
        var namesOnly = new Person { FamilyName = "Петренко", GivenName = "Ганна", TerritoryId = t.Bakhmut.Id, RegisteredById = centre, RegisteredAt = now.AddDays(-3) };
        List<Person> people = [withConsent, wife, namesOnly];
        foreach (var p in people) p.IndexNames();
        return (people, people.Select(p => new PersonInvolvement { PersonId = p.Id, OrganisationId = centre, Kind = Involvement.Registered, Since = p.RegisteredAt }).ToList());
    }
}
