using Partnera.Features.Directory;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// Services of the seed texts' providers. Names, places and hours come from the texts where they give them
/// (Valozhyn TCSON, the "City of Kind Hearts" centre, protected housing in Moldova); capacities, occupancy
/// and unit costs are plausible illustrations, not reported figures.
/// </summary>
public static class DemoServices
{
    private const string Ukraine = "ua-social-services-2020";
    private const string Moldova = "md-social-services";
    private const string Belarus = "by-social-services";

    public static (List<Location> Locations, List<Service> Services) Create(DemoOrganisations o, DemoTerritories t, DateTime now)
    {
        var locations = new List<Location>();
        var services = new List<Service>();
        Location Place(Organisation org, Territory where, string name, string street, string city, string postal, string country)
        {
            var location = new Location { OrganisationId = org.Id, TerritoryId = where.Id, Name = new MultilingualText(name) };
            location.Addresses.Add(new Address { LocationId = location.Id, Address1 = street, City = city, StateProvince = where.Name.Value, PostalCode = postal, Country = country });
            locations.Add(location);
            return location;
        }
        Service Add(Organisation org, Location? at, string name, string en, string description, (string Taxonomy, string Code)[] terms, TargetGroup[] groups,
            Territory[] areas, string[] languages, bool free, int? capacity = null, int? occupancy = null, decimal? unitCost = null, string? currency = null,
            string? phone = null, bool weekdaysWithLunch = true, int verifiedMonthsAgo = 2)
        {
            var service = new Service
            {
                OrganisationId = org.Id,
                Name = new MultilingualText(name, new Dictionary<string, string> { ["en"] = en }),
                Description = new MultilingualText(description),
                FreeOfCharge = free,
                // The only paid demo service is Belarusian: its fee text is in its own language, as a provider would write it.
                FeesDescription = free ? null : "Частичная оплата получателем в зависимости от дохода",
                Capacity = capacity,
                Occupancy = occupancy,
                UnitCost = unitCost,
                UnitCostCurrency = currency,
                LastVerifiedAt = now.AddMonths(-verifiedMonthsAgo),
                LastVerifiedBy = "demo data",
                LastModified = now.AddMonths(-verifiedMonthsAgo),
                TimeZone = areas[0].TimeZone,
            };
            service.Terms.AddRange(terms.Select(x => new ServiceTerm { ServiceId = service.Id, TaxonomyTermId = ShippedTaxonomies.TermId(x.Taxonomy, x.Code) }));
            service.TargetGroups.AddRange(groups.Select(g => new ServiceTargetGroup { ServiceId = service.Id, Group = g }));
            service.Areas.AddRange(areas.Select(a => new ServiceArea { ServiceId = service.Id, TerritoryId = a.Id, Name = a.Name.Value }));
            service.Languages.AddRange(languages.Select(l => new ServiceLanguage { ServiceId = service.Id, Code = l }));
            if (phone is not null) service.Phones.Add(new Phone { ServiceId = service.Id, Number = phone });
            if (at is not null) service.Locations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = at.Id });
            if (weekdaysWithLunch)
            {
                // "с 8.30 до 13.00 и с 14.00 до 17.30 по будням" (seed 000): a lunch break is two schedules.
                service.Schedules.Add(new Schedule { ServiceId = service.Id, ByDay = "MO,TU,WE,TH,FR", OpensAt = new(8, 30), ClosesAt = new(13, 0) });
                service.Schedules.Add(new Schedule { ServiceId = service.Id, ByDay = "MO,TU,WE,TH,FR", OpensAt = new(14, 0), ClosesAt = new(17, 30) });
            }
            service.Funding.Add(new Funding { ServiceId = service.Id, Kind = org.Kind == OrganisationKind.Ngo ? FundingSource.Donor : FundingSource.LocalBudget });
            service.RefreshSearchText();
            services.Add(service);
            return service;
        }

        var valozhyn = Place(o.ValozhynTcson, t.Valozhyn, "ТЦСОН Воложинского района", "пл. Свободы, 2", "Воложин", "222357", "BY");
        Add(o.ValozhynTcson, valozhyn, "Услуги почасового ухода", "Hourly home care",
            "Помощь на дому пожилым гражданам и людям с инвалидностью: покупка продуктов и лекарств, уборка, сопровождение.",
            [(Belarus, "BY-03")], [TargetGroup.OlderPeople, TargetGroup.PeopleWithDisabilities], [t.ValozhynDistrict], ["ru", "be"], free: true,
            capacity: 160, occupancy: 151, unitCost: 1900, currency: "BYN", phone: "+375 (1772) 5-55-72");
        Add(o.ValozhynTcson, valozhyn, "Отделение дневного пребывания", "Day stay unit",
            "Дневное пребывание, занятия и общение для пожилых граждан и людей с инвалидностью.",
            [(Belarus, "BY-05")], [TargetGroup.OlderPeople, TargetGroup.PeopleWithDisabilities], [t.ValozhynDistrict], ["ru", "be"], free: false,
            capacity: 25, occupancy: 19, unitCost: 2400, currency: "BYN", phone: "+375 (1772) 5-55-72");
        Add(o.ValozhynTcson, valozhyn, "Кризисная комната", "Crisis room",
            "Временный приют для людей, пострадавших от насилия, пожаров, стихийных бедствий.",
            [(Belarus, "BY-06")], [TargetGroup.PeopleInCrisis], [t.ValozhynDistrict], ["ru"], free: true,
            capacity: 2, occupancy: 0, phone: "+375 (1772) 5-55-72", weekdaysWithLunch: false);

        var bakhmut = Place(o.BakhmutCentre, t.Bakhmut, "Інноваційний центр підтримки сім'ї та молоді «Місто добрих сердець»", "вул. Незалежності, 10", "Бахмут", "84500", "UA");
        Add(o.BakhmutCentre, bakhmut, "Соціальний супровід сімей у складних життєвих обставинах", "Social support of families in difficult circumstances",
            "Фахівець допомагає сім'ї подолати складні обставини: план дій, супровід до установ, консультації.",
            [(Ukraine, "009.0")], [TargetGroup.FamiliesWithChildren, TargetGroup.InternallyDisplaced, TargetGroup.LowIncomeFamilies], t.TogetherCommunities.Take(3).ToArray(),
            ["uk", "ru"], free: true, capacity: 80, occupancy: 74, unitCost: 14500, currency: "UAH");
        Add(o.BakhmutCentre, bakhmut, "Денний догляд дітей з інвалідністю", "Day care for children with disabilities",
            "Денне перебування, розвиток і реабілітація дітей з інвалідністю; батьки отримують час на роботу та відпочинок.",
            [(Ukraine, "016.0"), (Ukraine, "021.0")], [TargetGroup.FamiliesRaisingChildWithDisability], [t.Bakhmut], ["uk"], free: true,
            capacity: 20, occupancy: 20, unitCost: 38000, currency: "UAH");
        Add(o.BakhmutCentre, bakhmut, "Консультування сімей з дітьми", "Counselling for families with children",
            "Психологічні та соціальні консультації для батьків і молоді, зокрема для внутрішньо переміщених сімей.",
            [(Ukraine, "002.0")], [TargetGroup.FamiliesWithChildren, TargetGroup.InternallyDisplaced, TargetGroup.Youth], [t.Bakhmut], ["uk", "ru"], free: true,
            verifiedMonthsAgo: 14);

        var zaporizhzhia = Place(o.ZaporizhzhiaCentre, t.Zaporizhzhia, "Запорізький обласний центр соціальних служб", "пр. Соборний, 164", "Запоріжжя", "69107", "UA");
        Add(o.ZaporizhzhiaCentre, zaporizhzhia, "Інформування з питань соціального захисту", "Information on social protection",
            "Гаряча лінія та прийом: які послуги є в області, хто їх надає, як отримати.",
            [(Ukraine, "001.0")], [TargetGroup.Veterans, TargetGroup.PeopleWithDisabilities, TargetGroup.InternallyDisplaced], [t.ZaporizhzhiaRegion], ["uk", "ru"],
            free: true, phone: "0 800 503 508");
        Add(o.UkrainianRedCross, null, "Натуральна допомога: продуктові та гігієнічні набори", "In-kind assistance: food and hygiene kits",
            "Видача наборів людям у складних життєвих обставинах, ветеранам і переміщеним особам.",
            [(Ukraine, "014.0")], [TargetGroup.InternallyDisplaced, TargetGroup.Veterans, TargetGroup.PeopleInCrisis], [t.ZaporizhzhiaRegion], ["uk"], free: true,
            weekdaysWithLunch: false);

        var straseni = Place(o.StraseniAssistance, t.Straseni, "Direcția Asistență Socială Strășeni", "str. Ștefan cel Mare 14", "Strășeni", "MD-3701", "MD");
        Add(o.StraseniAssistance, straseni, "Serviciul social „Locuința protejată”", "“Protected housing” social service",
            "Locuință în comunitate pentru persoane cu dizabilități mintale care au părăsit instituțiile rezidențiale, cu sprijinul unui asistent.",
            [(Moldova, "MD-2.07")], [TargetGroup.PeopleWithDisabilities, TargetGroup.ResidentsOfInstitutions], [t.StraseniDistrict], ["ro", "ru"], free: true,
            capacity: 8, occupancy: 6, unitCost: 95000, currency: "MDL");
        var cahul = Place(o.CahulAssistance, t.Cahul, "Direcția Asistență Socială Cahul", "str. Piața Independenței 2", "Cahul", "MD-3909", "MD");
        Add(o.CahulAssistance, cahul, "Echipa mobilă", "Mobile team",
            "Specialiștii vin la domiciliul persoanelor cu dizabilități din comunele raionului Cahul.",
            [(Moldova, "MD-2.01")], [TargetGroup.PeopleWithDisabilities], [t.CahulDistrict], ["ro", "ru"], free: true,
            capacity: 30, occupancy: 27, unitCost: 31000, currency: "MDL");
        var glodeni = Place(o.GlodeniAssistance, t.Glodeni, "Centrul de zi Glodeni", "str. Suveranității 1", "Glodeni", "MD-4901", "MD");
        Add(o.GlodeniAssistance, glodeni, "Centrul de zi pentru copii cu dizabilități", "Day centre for children with disabilities",
            "Activități de dezvoltare și reabilitare pentru copii; sprijin pentru părinți.",
            [(Moldova, "MD-2.04")], [TargetGroup.FamiliesRaisingChildWithDisability], [t.GlodeniDistrict], ["ro"], free: true,
            capacity: 15, occupancy: 12, unitCost: 42000, currency: "MDL");
        return (locations, services);
    }
}
