using Partnera.Features.Needs;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// Seed 002: the "Together" project begins by determining which services residents of the Bakhmut communities need;
/// the assessment follows Ukrainian practice (data gathered from 1 January to 15 June, every three years).
/// </summary>
public static class DemoCampaigns
{
    public static List<AssessmentCampaign> Create(DemoTerritories t, DemoOrganisations o)
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
        return [campaign];
    }
}
