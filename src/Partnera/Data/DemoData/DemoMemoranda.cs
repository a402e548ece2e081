using Partnera.Features.Memoranda;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>The memoranda and agreements of the seed texts with the joint initiatives they describe.</summary>
public static class DemoMemoranda
{
    public static List<Memorandum> Create(DemoOrganisations o) =>
    [
        // Seed 002: signed in Bakhmut on 27 January 2020 by the head of the community, Oleksii Reva.
        Memorandum("Меморандум про співпрацю із проектом ЮНІСЕФ «Спільно. Соціальні послуги для сімей у громаді»",
            "Memorandum of cooperation with the UNICEF project “Together. Social services for families in the community”",
            MemorandumKind.Memorandum, MemorandumStatus.InForce, new(2020, 1, 27), new(2020, 1, 27), null,
            "Організувати ефективну систему соціальних послуг у громадах на Сході України: визначити, які соціальні послуги потрібні мешканцям, " +
            "навчати спеціалістів, налагодити взаємодію між відомствами, розраховувати бюджет для соціальних послуг, створити соціальний центр. " +
            "12 громад Донецької та Луганської областей; близько 100 тис. мешканців отримають соціальні послуги нового зразка: родини з дітьми та молодь, " +
            "сім'ї ВПО, малозабезпечені сім'ї та сім'ї, що виховують дитину з інвалідністю. Фінансування: Уряд Німеччини через KfW.",
            [o.BakhmutCouncil, o.Unicef, o.ChildRightsNetwork],
            [
                Initiative("Визначення соціальних послуг, потрібних мешканцям громади", "Assessing which social services residents need", o.BakhmutCouncil, new(2020, 2, 1), new(2020, 6, 15), InitiativeStatus.Completed),
                Initiative("Навчання та розвиток спеціалістів", "Training of specialists", o.ChildRightsNetwork, new(2020, 3, 1), new(2021, 12, 31), InitiativeStatus.InProgress),
                Initiative("Налагодження міжвідомчої взаємодії", "Setting up inter-agency cooperation", o.EveryChild, new(2020, 3, 1), new(2021, 12, 31), InitiativeStatus.InProgress),
                Initiative("Розрахунок бюджету на соціальні послуги", "Calculating the budget for social services", o.BakhmutCouncil, new(2020, 6, 1), new(2020, 10, 1), InitiativeStatus.Completed),
                Initiative("Інноваційний центр підтримки сім'ї та молоді «Місто добрих сердець» при ЦСССДМ", "Innovation centre for family and youth support “City of Kind Hearts”", o.BakhmutCentre, new(2020, 9, 1), null, InitiativeStatus.InProgress),
            ]),
        // Seed 000: Red Cross project 2017–2021, EU funding, technical support of the Danish Red Cross.
        Memorandum("Соглашение о сотрудничестве по проекту «Расширение участия гражданского общества в принятии решений по вопросам социальной интеграции в Беларуси»",
            "Cooperation agreement: Enhancing civil society participation in decision-making on social inclusion in Belarus",
            MemorandumKind.CooperationAgreement, MemorandumStatus.Expired, new(2017, 3, 1), new(2017, 3, 1), new(2021, 12, 31),
            "Тематическая платформа для координации действий местных органов власти, НГО, учреждений образования и ТЦСОН; оценка потребностей уязвимых категорий граждан; " +
            "конкурс волонтерских инициатив (по семь инициатив в каждой из двух областей); обучение специалистов. Минская и Гродненская области.",
            [o.BelarusRedCross, o.MinskCommittee, o.GrodnoCommittee, o.DanishRedCross],
            [
                Initiative("Оценка потребностей уязвимых категорий граждан", "Needs assessment of vulnerable groups", o.BelarusRedCross, new(2018, 1, 15), new(2018, 12, 31), InitiativeStatus.Completed),
                Initiative("Промежуточная оценка проекта (1 апреля – 31 августа 2019)", "Interim evaluation (1 April – 31 August 2019)", o.StrategyAgency, new(2019, 4, 1), new(2019, 8, 31), InitiativeStatus.Completed),
                Initiative("Третий круг конкурса волонтерских инициатив: по семь инициатив в Минской и Гродненской областях", "Third round of the volunteer initiatives competition: seven per region", o.BelarusRedCross, new(2019, 10, 1), new(2020, 6, 30), InitiativeStatus.Completed),
                Initiative("Примерный план совместных мероприятий на 2020 год", "Joint plan of activities for 2020", o.MinskCommittee, new(2020, 1, 3), new(2020, 12, 31), InitiativeStatus.Completed),
                Initiative("Четвертый круг конкурса инициатив", "Fourth round of the initiatives competition", o.BelarusRedCross, new(2020, 10, 1), new(2021, 6, 30), InitiativeStatus.Completed),
            ]),
        // Seed 004: EU programme, 01.02.2018–31.01.2021, EU contribution EUR 1,989,888.
        Memorandum("Acord de grant: Servicii sociale mai bune prin parteneriat durabil între societatea civilă și autorități",
            "Grant agreement: Improving social services through sustainable partnership between civil society and government",
            MemorandumKind.GrantAgreement, MemorandumStatus.Expired, new(2018, 2, 1), new(2018, 2, 1), new(2021, 1, 31),
            "Contribuția UE: € 1 989 888. Rezultate așteptate: 60 OSC cu capacități consolidate; 30 OSC dezvoltă servicii sociale comunitare cu granturi; " +
            "alianțele monitorizează autoritățile conform standardelor de calitate; circa 1 000 de copii și persoane cu dizabilități beneficiază de servicii noi; " +
            "circa 100 de persoane părăsesc instituțiile rezidențiale.",
            [o.EuropeanUnion, o.SorosMoldova, o.Keystone],
            [
                Initiative("Consolidarea capacităților a 60 de organizații ale societății civile", "Strengthening 60 civil society organisations", o.Keystone, new(2018, 4, 1), new(2020, 12, 31), InitiativeStatus.Completed),
                Initiative("Granturi pentru 30 de OSC care creează servicii sociale comunitare", "Grants for 30 CSOs creating community social services", o.SorosMoldova, new(2018, 9, 1), new(2021, 1, 31), InitiativeStatus.Completed),
                Initiative("Monitorizarea autorităților conform standardelor de calitate", "Monitoring authorities against quality standards", o.DisabilityAlliance, new(2019, 1, 1), new(2021, 1, 31), InitiativeStatus.Completed),
                Initiative("Dezinstituționalizare: serviciul „Locuința protejată”", "Deinstitutionalisation: the “Protected housing” service", o.Keystone, new(2018, 6, 1), new(2021, 1, 31), InitiativeStatus.Completed),
            ]),
        // Seed 001: community planning through public dialogue in Cahul, Glodeni and Strășeni.
        Memorandum("Memorandum de colaborare: Planificarea comunitară a serviciilor sociale prin dialog public",
            "Memorandum of cooperation: Community planning of social services through public dialogue",
            MemorandumKind.Memorandum, MemorandumStatus.InForce, new(2019, 3, 15), new(2019, 3, 15), null,
            "Susținerea autorităților publice locale din raioanele Cahul, Glodeni și Strășeni pentru a planifica serviciile sociale împreună cu beneficiarii și societatea civilă.",
            [o.MoldovaMinistry, o.CahulAssistance, o.GlodeniAssistance, o.StraseniAssistance, o.Keystone],
            [
                Initiative("Analiza capacităților și resurselor pentru planificarea și prestarea serviciilor sociale", "Analysis of capacities and resources", o.Keystone, new(2019, 4, 1), new(2019, 9, 30), InitiativeStatus.Completed),
                Initiative("Ghid metodologic privind planificarea comunitară", "Methodological guide on community planning", o.MoldovaMinistry, new(2019, 6, 1), new(2019, 12, 31), InitiativeStatus.Completed),
                Initiative("Instruirea angajaților din administrația publică", "Training of public administration staff", o.Keystone, new(2019, 10, 1), new(2020, 3, 31), InitiativeStatus.Completed),
                Initiative("Elaborarea și aprobarea planurilor comunitare în cele trei raioane", "Drafting and approval of community plans in the three districts", o.CahulAssistance, new(2020, 1, 1), new(2020, 12, 31), InitiativeStatus.InProgress),
            ]),
        // Seed 003: round table of 13 July 2016 at the Zaporizhzhia department of social protection.
        Memorandum("Меморандум про підтримку волонтерського руху в реалізації соціальної політики в області",
            "Memorandum on supporting the volunteer movement in social policy in the region",
            MemorandumKind.Memorandum, MemorandumStatus.Signed, new(2016, 7, 13), new(2016, 7, 13), null,
            "Координація зусиль із перевіреними часом структурами (УТОГ, УТОС, Товариство Червоного Хреста України) та новими організаціями; " +
            "поширення інформації про діяльність волонтерських організацій; конкурс соціальних проектів; Міжнародний день волонтера; сторінка «Волонтерський рух».",
            [o.ZaporizhzhiaDepartment, o.Utog, o.Utos, o.UkrainianRedCross, o.Veterans],
            [
                Initiative("Школи волонтерів: навчання за двома модулями", "Volunteer schools: training in two modules", o.VolunteerSchool, new(2016, 9, 1), new(2016, 12, 15), InitiativeStatus.Completed),
                Initiative("Конкурс соціальних проектів", "Competition of social projects", o.ZaporizhzhiaDepartment, new(2016, 9, 1), new(2016, 11, 30), InitiativeStatus.Completed),
                Initiative("Відзначення Міжнародного дня волонтера", "International Volunteer Day", o.UkrainianRedCross, new(2016, 12, 5), new(2016, 12, 5), InitiativeStatus.Completed),
                Initiative("Сторінка «Волонтерський рух» на сайті департаменту", "“Volunteer movement” page on the department's website", o.ZaporizhzhiaDepartment, new(2016, 8, 1), null, InitiativeStatus.Planned),
            ]),
    ];

    private static Memorandum Memorandum(string title, string en, MemorandumKind kind, MemorandumStatus status, DateOnly signed, DateOnly from, DateOnly? to,
        string scope, Organisation[] parties, JointInitiative[] initiatives)
    {
        var memorandum = new Memorandum
        {
            Title = new MultilingualText(title, new Dictionary<string, string> { ["en"] = en }),
            Kind = kind,
            Status = status,
            SignedOn = signed,
            ValidFrom = from,
            ValidTo = to,
            Scope = scope,
        };
        memorandum.Parties.AddRange(parties.Select(p => new MemorandumParty { MemorandumId = memorandum.Id, OrganisationId = p.Id }));
        foreach (var i in initiatives) i.MemorandumId = memorandum.Id;
        memorandum.Initiatives.AddRange(initiatives);
        memorandum.RefreshSearchText();
        return memorandum;
    }

    private static JointInitiative Initiative(string title, string en, Organisation responsible, DateOnly starts, DateOnly? ends, InitiativeStatus status) => new()
    {
        Title = new MultilingualText(title, new Dictionary<string, string> { ["en"] = en }),
        ResponsibleOrganisationId = responsible.Id,
        StartsOn = starts,
        EndsOn = ends,
        Status = status,
    };
}
