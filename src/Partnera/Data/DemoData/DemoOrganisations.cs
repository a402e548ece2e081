using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// The organisations named in the seed texts. Contacts and hours are the ones the texts give
/// (Valozhyn TCSON, the Zaporizhzhia hotline); the rest are left empty rather than invented.
/// </summary>
public sealed class DemoOrganisations
{
    public List<Organisation> All { get; } = [];

    // Belarus (seed 000)
    public Organisation BelarusRedCross { get; }
    public Organisation DanishRedCross { get; }
    public Organisation MinskCommittee { get; }
    public Organisation GrodnoCommittee { get; }
    public Organisation ValozhynTcson { get; }
    public Organisation ShchuchynTcson { get; }
    public Organisation ValozhynSchool { get; }
    public Organisation StrategyAgency { get; }

    // Moldova (seeds 001, 004)
    public Organisation EuropeanUnion { get; }
    public Organisation MoldovaMinistry { get; }
    public Organisation Keystone { get; }
    public Organisation SorosMoldova { get; }
    public Organisation DisabilityAlliance { get; }
    public Organisation ChildFamilyAlliance { get; }
    public Organisation CahulAssistance { get; }
    public Organisation GlodeniAssistance { get; }
    public Organisation StraseniAssistance { get; }
    public Organisation Cocieri { get; }

    // Ukraine, Bakhmut (seed 002)
    public Organisation BakhmutCouncil { get; }
    public Organisation BakhmutCentre { get; }
    public Organisation Unicef { get; }
    public Organisation ChildRightsNetwork { get; }
    public Organisation EveryChild { get; }
    public Organisation SosVillages { get; }
    public Organisation SocialSynergy { get; }
    public Organisation HopeAndHomes { get; }
    public Organisation MariupolYouth { get; }
    public Organisation Kfw { get; }

    // Ukraine, Zaporizhzhia (seed 003)
    public Organisation ZaporizhzhiaDepartment { get; }
    public Organisation ZaporizhzhiaCentre { get; }
    public Organisation Utog { get; }
    public Organisation Utos { get; }
    public Organisation UkrainianRedCross { get; }
    public Organisation Caritas { get; }
    public Organisation Veterans { get; }
    public Organisation VolunteerSchool { get; }

    public DemoOrganisations(DemoTerritories t)
    {
        BelarusRedCross = Add(OrganisationKind.Ngo, "Белорусское Общество Красного Креста", t.Belarus, [t.MinskRegion, t.GrodnoRegion],
            en: "Belarusian Red Cross Society", uk: "Білоруське товариство Червоного Хреста", ro: "Societatea de Cruce Roșie din Belarus", shortName: "БОКК",
            description: "Проект «Расширение участия гражданского общества в принятии решений по вопросам социальной интеграции в Беларуси», 2017–2021, при финансовой поддержке ЕС.");
        DanishRedCross = Add(OrganisationKind.Donor, "Danish Red Cross", null, [t.Belarus], uk: "Данський Червоний Хрест", ru: "Датский Красный Крест", ro: "Crucea Roșie Daneză");
        MinskCommittee = Add(OrganisationKind.PublicAuthority, "Комитет по труду, занятости и социальной защите Минского облисполкома", t.MinskRegion, [t.MinskRegion],
            en: "Committee on Labour, Employment and Social Protection of the Minsk Regional Executive Committee", uk: "Комітет з праці, зайнятості та соціального захисту Мінського облвиконкому");
        GrodnoCommittee = Add(OrganisationKind.PublicAuthority, "Комитет по труду, занятости и социальной защите Гродненского облисполкома", t.GrodnoRegion, [t.GrodnoRegion],
            en: "Committee on Labour, Employment and Social Protection of the Grodno Regional Executive Committee", uk: "Комітет з праці, зайнятості та соціального захисту Гродненського облвиконкому");
        ValozhynTcson = Add(OrganisationKind.StateServiceProvider, "Территориальный центр социального обслуживания населения Воложинского района", t.Valozhyn, [t.ValozhynDistrict],
            en: "Territorial Centre of Social Services of Valozhyn District", uk: "Територіальний центр соціального обслуговування населення Воложинського району", shortName: "ТЦСОН Воложинского района",
            address: "г. Воложин, пл. Свободы, 2", postalCode: "222357", phone: "+375 (1772) 5-55-72", hotline: "+375 (1772) 5-55-72");
        // "с 8.30 до 13.00 и с 14.00 до 17.30 по будням" (seed 000)
        foreach (var day in WorkingWeek.Days.Take(5))
            ValozhynTcson.WorkingHours.Add(new WorkingDay { OrganisationId = ValozhynTcson.Id, Day = day, Opens = new(8, 30), Closes = new(17, 30), BreakStarts = new(13, 0), BreakEnds = new(14, 0) });
        ShchuchynTcson = Add(OrganisationKind.StateServiceProvider, "Территориальный центр социального обслуживания населения Щучинского района", t.Shchuchyn, [t.ShchuchynDistrict],
            en: "Territorial Centre of Social Services of Shchuchyn District", shortName: "ТЦСОН Щучинского района");
        ValozhynSchool = Add(OrganisationKind.School, "ГУО «Средняя школа № 1 г. Воложина»", t.Valozhyn, [t.Valozhyn], en: "Secondary School No. 1 of Valozhyn");
        StrategyAgency = Add(OrganisationKind.Business, "Агентство стратегического и экономического развития", t.Belarus, [], en: "Agency for Strategic and Economic Development",
            description: "Промежуточная оценка проекта за период с 1 апреля по 31 августа 2019 года.");

        EuropeanUnion = Add(OrganisationKind.Donor, "European Union", null, [t.Moldova, t.Belarus], uk: "Європейський Союз", ru: "Европейский союз", ro: "Uniunea Europeană", shortName: "EU");
        MoldovaMinistry = Add(OrganisationKind.PublicAuthority, "Ministerul Sănătății, Muncii și Protecției Sociale", t.Moldova, [t.Moldova],
            en: "Ministry of Health, Labour and Social Protection", ru: "Министерство здравоохранения, труда и социальной защиты", uk: "Міністерство охорони здоров'я, праці та соціального захисту");
        Keystone = Add(OrganisationKind.Ngo, "Asociația Obștească Keystone Moldova", t.Moldova, [t.CahulDistrict, t.GlodeniDistrict, t.StraseniDistrict],
            en: "Keystone Moldova", ru: "Общественная ассоциация Keystone Moldova", shortName: "Keystone",
            description: "Dezinstituționalizare și servicii sociale comunitare: serviciul „Locuința protejată”, strategii locale de incluziune socială.",
            social: ["https://www.facebook.com/serviciisocialemaibune/"]);
        SorosMoldova = Add(OrganisationKind.Ngo, "Fundația Soros Moldova", t.Moldova, [t.Moldova], en: "Soros Foundation Moldova", ru: "Фонд Сорос-Молдова", shortName: "SFM");
        DisabilityAlliance = Add(OrganisationKind.Ngo, "Alianța Organizațiilor pentru Persoane cu Dizabilități din Republica Moldova", t.Moldova, [t.Moldova],
            en: "Alliance of Organisations for Persons with Disabilities of Moldova", ru: "Альянс организаций инвалидов Республики Молдова", shortName: "AOPD");
        ChildFamilyAlliance = Add(OrganisationKind.Ngo, "Alianța ONG-urilor active în domeniul protecției sociale a copilului și familiei", t.Moldova, [t.Moldova],
            en: "Alliance of Active NGOs in the Field of Child and Family Social Protection", ru: "Альянс активных НПО в области социальной защиты семьи и ребенка", shortName: "APSCF");
        CahulAssistance = Add(OrganisationKind.PublicAuthority, "Direcția Asistență Socială și Protecția Familiei Cahul", t.Cahul, [t.CahulDistrict],
            en: "Cahul Social Assistance and Family Protection Department", ru: "Управление социальной помощи и защиты семьи Кагул");
        GlodeniAssistance = Add(OrganisationKind.PublicAuthority, "Direcția Asistență Socială și Protecția Familiei Glodeni", t.Glodeni, [t.GlodeniDistrict],
            en: "Glodeni Social Assistance and Family Protection Department", ru: "Управление социальной помощи и защиты семьи Глодяны");
        StraseniAssistance = Add(OrganisationKind.PublicAuthority, "Direcția Asistență Socială și Protecția Familiei Strășeni", t.Straseni, [t.StraseniDistrict],
            en: "Strășeni Social Assistance and Family Protection Department", ru: "Управление социальной помощи и защиты семьи Страшены");
        Cocieri = Add(OrganisationKind.ResidentialInstitution, "Internatul psihoneurologic Cocieri", t.Moldova, [t.Moldova],
            en: "Cocieri residential institution for people with mental disabilities", ru: "Психоневрологический интернат Кочиерь");

        BakhmutCouncil = Add(OrganisationKind.PublicAuthority, "Бахмутська міська рада", t.Bakhmut, [t.Bakhmut],
            en: "Bakhmut City Council", ru: "Бахмутский городской совет", ro: "Consiliul orășenesc Bahmut", description: "Орган місцевого самоврядування Бахмутської ОТГ.");
        BakhmutCentre = Add(OrganisationKind.StateServiceProvider, "Бахмутський міський центр соціальних служб для сім'ї, дітей та молоді", t.Bakhmut, [t.Bakhmut],
            en: "Bakhmut City Centre of Social Services for Families, Children and Youth", ru: "Бахмутский городской центр социальных служб для семьи, детей и молодежи", shortName: "ЦСССДМ",
            description: "Інноваційний центр підтримки сім'ї та молоді «Місто добрих сердець».");
        Unicef = Add(OrganisationKind.InternationalOrganisation, "UNICEF Ukraine", null, [t.DonetskRegion, t.LuhanskRegion],
            uk: "Дитячий фонд ООН (ЮНІСЕФ)", ru: "Детский фонд ООН (ЮНИСЕФ)", ro: "UNICEF Ucraina", shortName: "UNICEF");
        ChildRightsNetwork = Add(OrganisationKind.Ngo, "Українська мережа за права дитини", t.Ukraine, t.TogetherCommunities, en: "Ukrainian Network for Child Rights");
        EveryChild = Add(OrganisationKind.Ngo, "МБО «Партнерство «Кожній дитині»", t.Ukraine, t.TogetherCommunities, en: "Partnership for Every Child");
        SosVillages = Add(OrganisationKind.Ngo, "БО «СОС Дитяче містечко»", t.Ukraine, t.TogetherCommunities, en: "SOS Children's Villages Ukraine");
        SocialSynergy = Add(OrganisationKind.Ngo, "ГО «Соціальна синергія»", t.Ukraine, t.TogetherCommunities, en: "Social Synergy");
        HopeAndHomes = Add(OrganisationKind.Ngo, "БО «Надія і житло для дітей»", t.Ukraine, t.TogetherCommunities, en: "Hope and Homes for Children Ukraine");
        MariupolYouth = Add(OrganisationKind.Ngo, "ГО «Маріупольська спілка молоді»", t.DonetskRegion, t.TogetherCommunities, en: "Mariupol Youth Union");
        Kfw = Add(OrganisationKind.Donor, "KfW Development Bank", null, [t.Ukraine], uk: "Німецький банк розвитку KfW", ru: "Немецкий банк развития KfW", shortName: "KfW");

        ZaporizhzhiaDepartment = Add(OrganisationKind.PublicAuthority, "Департамент соціального захисту населення Запорізької облдержадміністрації", t.Zaporizhzhia, [t.ZaporizhzhiaRegion],
            en: "Department of Social Protection, Zaporizhzhia Regional State Administration", ru: "Департамент социальной защиты населения Запорожской облгосадминистрации",
            hotline: "0 800 503 508");
        ZaporizhzhiaCentre = Add(OrganisationKind.StateServiceProvider, "Запорізький обласний центр соціальних служб для сім'ї, дітей та молоді", t.Zaporizhzhia, [t.ZaporizhzhiaRegion],
            en: "Zaporizhzhia Regional Centre of Social Services for Families, Children and Youth");
        Utog = Add(OrganisationKind.Ngo, "Запорізька обласна організація Українського товариства глухих", t.Zaporizhzhia, [t.ZaporizhzhiaRegion], en: "Ukrainian Society of the Deaf, Zaporizhzhia", shortName: "УТОГ");
        Utos = Add(OrganisationKind.Ngo, "Запорізька обласна організація Українського товариства сліпих", t.Zaporizhzhia, [t.ZaporizhzhiaRegion], en: "Ukrainian Society of the Blind, Zaporizhzhia", shortName: "УТОС");
        UkrainianRedCross = Add(OrganisationKind.Ngo, "Запорізька обласна організація Товариства Червоного Хреста України", t.Zaporizhzhia, [t.ZaporizhzhiaRegion], en: "Ukrainian Red Cross Society, Zaporizhzhia");
        Caritas = Add(OrganisationKind.Ngo, "Благодійний фонд «Карітас Запоріжжя»", t.Zaporizhzhia, [t.Zaporizhzhia], en: "Caritas Zaporizhzhia", ru: "Благотворительный фонд «Каритас Запорожье»");
        Veterans = Add(OrganisationKind.Ngo, "Запорізька обласна організація ветеранів", t.Zaporizhzhia, [t.ZaporizhzhiaRegion], en: "Zaporizhzhia Regional Veterans' Organisation");
        VolunteerSchool = Add(OrganisationKind.VolunteerGroup, "Школа волонтерів Запорізької області", t.Zaporizhzhia, [t.ZaporizhzhiaRegion], en: "Zaporizhzhia Volunteer School",
            description: "Навчання волонтерів за двома модулями.");
    }

    private Organisation Add(OrganisationKind kind, string name, Territory? home, IEnumerable<Territory> served, string? en = null, string? uk = null,
        string? ru = null, string? ro = null, string? shortName = null, string? description = null, string? address = null, string? postalCode = null,
        string? phone = null, string? hotline = null, List<string>? social = null)
    {
        var translations = new Dictionary<string, string>();
        if (en is not null) translations["en"] = en;
        if (uk is not null) translations["uk"] = uk;
        if (ru is not null) translations["ru"] = ru;
        if (ro is not null) translations["ro"] = ro;
        var organisation = new Organisation
        {
            Kind = kind,
            Name = new MultilingualText(name, translations),
            ShortName = shortName,
            Description = description,
            TerritoryId = home?.Id,
            Address = address,
            PostalCode = postalCode,
            ReceptionPhone = phone,
            Hotline = hotline,
            SocialLinks = social ?? [],
        };
        organisation.ServedTerritories.AddRange(served.Select(s => new OrganisationTerritory { OrganisationId = organisation.Id, TerritoryId = s.Id }));
        organisation.RefreshSearchText();
        All.Add(organisation);
        return organisation;
    }
}
