using Partnera.Features.Directory;
using Partnera.Features.Needs;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Features.Needs.Registry;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// Seed 002: the "Together" project begins by determining which services residents of the Bakhmut communities need;
/// the assessment follows Ukrainian practice (data gathered from 1 January to 15 June, every three years).
/// Seed 001: community planning in Cahul, Glodeni and Strășeni starts from an analysis of needs and capacity; that
/// campaign collects answers all through the current year, so the demo's public form is open, and holds a few
/// dozen invented anonymous households and registry counts so its gaps and costs show figures.
/// </summary>
public sealed class DemoCampaigns
{
    public List<AssessmentCampaign> Campaigns { get; } = [];
    public List<Questionnaire> Questionnaires { get; } = [];
    public List<HouseholdResponse> Households { get; } = [];
    public List<RegistryCount> RegistryCounts { get; } = [];

    public DemoCampaigns(DemoTerritories t, DemoOrganisations o, DateTime now)
    {
        var together = Together(t, o);
        Publish(together, "UA", now);
        var moldova = CommunityPlanning(t, o, now.Year);
        var version = Publish(moldova, "MD", now);
        foreach (var (community, population) in new[] { (t.Cahul, 30), (t.Glodeni, 18), (t.Straseni, 24) })
        {
            AddHouseholds(moldova, version, community, population, now);
            AddRegistry(community, new DateOnly(now.Year, 1, 1));
        }
    }

    private AssessmentCampaign Together(DemoTerritories t, DemoOrganisations o)
    {
        var (starts, ends) = AssessmentCampaign.UsualCollection(2026);
        var campaign = new AssessmentCampaign
        {
            Title = new MultilingualText("Оцінювання потреб у соціальних послугах громад проєкту «Спільно», 2026–2028", new Dictionary<string, string>
            {
                ["en"] = "Needs assessment of the “Together” communities, 2026–2028",
                ["ru"] = "Оценка потребностей в социальных услугах громад проекта «Вместе», 2026–2028",
                ["ro"] = "Evaluarea nevoilor de servicii sociale în comunitățile proiectului „Împreună”, 2026–2028",
            }),
            PeriodStarts = new DateOnly(2026, 1, 1),
            PeriodEnds = new DateOnly(2028, 12, 31),
            CollectionStarts = starts,
            CollectionEnds = ends,
            Status = CampaignStatus.Collecting,
            Description = "Опитування домогосподарств (сім'ї з дітьми, ВПО, малозабезпечені сім'ї, сім'ї, що виховують дитину з інвалідністю) і дані реєстрів.",
        };
        campaign.Communities.AddRange(t.TogetherCommunities.Select(c => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = c.Id }));
        campaign.WorkingGroup.AddRange(new[] { o.BakhmutCouncil, o.BakhmutCentre, o.Unicef }
            .Select(x => new WorkingGroupMember { CampaignId = campaign.Id, OrganisationId = x.Id }));
        Campaigns.Add(campaign);
        return campaign;
    }

    private AssessmentCampaign CommunityPlanning(DemoTerritories t, DemoOrganisations o, int year)
    {
        var campaign = new AssessmentCampaign
        {
            Title = new MultilingualText($"Evaluarea nevoilor sociale în Cahul, Glodeni și Strășeni, {year}–{year + 2}", new Dictionary<string, string>
            {
                ["en"] = $"Social needs assessment in Cahul, Glodeni and Strășeni, {year}–{year + 2}",
                ["ru"] = $"Оценка социальных потребностей в Кагуле, Глодянах и Страшенах, {year}–{year + 2}",
                ["uk"] = $"Оцінювання соціальних потреб у Кагулі, Глодянах і Страшенах, {year}–{year + 2}",
            }),
            PeriodStarts = new DateOnly(year, 1, 1),
            PeriodEnds = new DateOnly(year + 2, 12, 31),
            CollectionStarts = new DateOnly(year, 1, 1),
            CollectionEnds = new DateOnly(year, 12, 31),
            Status = CampaignStatus.Collecting,
            Description = "Analiza nevoilor și a capacităților pentru planificarea comunitară a serviciilor sociale prin dialog public.",
        };
        campaign.Communities.AddRange(new[] { t.Cahul, t.Glodeni, t.Straseni }.Select(c => new CampaignCommunity { CampaignId = campaign.Id, TerritoryId = c.Id }));
        campaign.WorkingGroup.AddRange(new[] { o.CahulAssistance, o.GlodeniAssistance, o.StraseniAssistance, o.Keystone }
            .Select(x => new WorkingGroupMember { CampaignId = campaign.Id, OrganisationId = x.Id }));
        Campaigns.Add(campaign);
        return campaign;
    }

    private Questionnaire Publish(AssessmentCampaign campaign, string country, DateTime now)
    {
        var version = new Questionnaire { CampaignId = campaign.Id, Version = 1, PublishedAt = now, Definition = QuestionnaireTemplates.For(country).ToJson() };
        Questionnaires.Add(version);
        return version;
    }

    /// <summary>Invented anonymous answers, the same on every seeding (a fixed random sequence per community).</summary>
    private void AddHouseholds(AssessmentCampaign campaign, Questionnaire version, Territory community, int count, DateTime now)
    {
        var random = new Random(community.Code!.Sum(c => c));
        string[] groups = ["disability", "child-disability", "displaced", "older-alone", "low-income", "none"];
        string[] needed = ["MD-1.01", "MD-1.02", "MD-2.01", "MD-2.04", "MD-2.06", "MD-2.08", "MD-2.09", "MD-3.01"];
        for (var i = 0; i < count; i++)
        {
            var size = random.Next(1, 6);
            List<Answer> answers =
            [
                new() { QuestionCode = "A1", Number = size },
                new() { QuestionCode = "A2", Number = random.Next(0, size) },
                new() { QuestionCode = "A3", Number = random.Next(0, 2) },
                new() { QuestionCode = "B1", OptionCode = groups[random.Next(groups.Length)] },
                new() { QuestionCode = "C2", Number = random.Next(1, 6) },
                new() { QuestionCode = "D1", OptionCode = random.Next(2) == 0 ? "yes" : "no" },
            ];
            answers.AddRange(needed.Where(_ => random.Next(4) == 0).Select(code => new Answer { QuestionCode = "D3", OptionCode = code }));
            var household = new HouseholdInput { CommunityId = community.Id, Anonymous = true };
            Households.Add(AnswerForm.Record(campaign.Id, version, household, answers, ResponseSource.Staff, now, "demo"));
        }
    }

    private void AddRegistry(Territory community, DateOnly asOf)
    {
        var people = community.Population ?? 10_000;
        foreach (var (group, share) in new[] { (TargetGroup.PeopleWithDisabilities, 0.06m), (TargetGroup.OlderPeople, 0.18m), (TargetGroup.LowIncomeFamilies, 0.08m) })
            RegistryCounts.Add(new RegistryCount { TerritoryId = community.Id, Group = group, AsOf = asOf, People = (int)(people * share), Source = "Demo: invented figures" });
    }
}
