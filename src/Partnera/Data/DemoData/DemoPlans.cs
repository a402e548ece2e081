using Partnera.Features.Directory;
using Partnera.Features.Planning;
using Partnera.Infrastructure.Text;

namespace Partnera.Data.DemoData;

/// <summary>
/// The Cahul community social-service plan drafted in public dialogue (seed 001): a draft for the next three years
/// with one goal and its first measure, protected housing for people leaving residential institutions.
/// </summary>
public static class DemoPlans
{
    public static CommunityPlan Cahul(DemoTerritories t, DemoOrganisations o, int year)
    {
        var plan = new CommunityPlan
        {
            TerritoryId = t.Cahul.Id,
            OwnerId = o.CahulAssistance.Id,
            Kind = PlanKind.SocialServicePlan,
            FirstYear = year + 1,
            LastYear = year + 3,
            Title = new MultilingualText($"Planul comunitar de servicii sociale al orașului Cahul, {year + 1}–{year + 3}", new Dictionary<string, string>
            {
                ["en"] = $"Cahul community social-service plan, {year + 1}–{year + 3}",
                ["ru"] = $"План социальных услуг общины Кагул, {year + 1}–{year + 3}",
                ["uk"] = $"План соціальних послуг громади Кагул, {year + 1}–{year + 3}",
            }),
        };
        var goal = new PlanGoal
        {
            PlanId = plan.Id,
            Number = 1,
            Title = new MultilingualText("Persoanele care părăsesc instituțiile rezidențiale trăiesc în comunitate", new Dictionary<string, string>
            {
                ["en"] = "People leaving residential institutions live in the community",
            }),
        };
        var measure = new PlanMeasure
        {
            PlanId = plan.Id,
            GoalId = goal.Id,
            Title = new MultilingualText("Deschiderea unei locuințe protejate pentru 6 persoane", new Dictionary<string, string> { ["en"] = "Open protected housing for 6 people" }),
            TermCode = "MD-2.07",
            TargetGroup = TargetGroup.PeopleWithDisabilities,
            ExpectedUsers = 6,
            ResponsibleId = o.CahulAssistance.Id,
            StartsOn = new DateOnly(year + 1, 3, 1),
            EndsOn = new DateOnly(year + 3, 12, 31),
        };
        foreach (var (y, source, amount) in new[] { (year + 1, FundingSource.LocalBudget, 420_000m), (year + 1, FundingSource.Donor, 180_000m), (year + 2, FundingSource.LocalBudget, 480_000m) })
            measure.Budget.Add(new MeasureBudgetLine { MeasureId = measure.Id, PlanId = plan.Id, Year = y, Source = source, Amount = amount });
        goal.Measures.Add(measure);
        plan.Goals.Add(goal);
        return plan;
    }

    /// <summary>
    /// The Bakhmut community's social-service plan in public consultation through the current year (its version 1 is
    /// published by the seeder once saved), so residents can comment right after start-up.
    /// </summary>
    public static CommunityPlan Bakhmut(DemoTerritories t, DemoOrganisations o, int year)
    {
        var plan = new CommunityPlan
        {
            TerritoryId = t.Bakhmut.Id,
            OwnerId = o.BakhmutCouncil.Id,
            Kind = PlanKind.SocialServicePlan,
            FirstYear = year + 1,
            LastYear = year + 3,
            Status = PlanStatus.Consultation,
            ConsultationStarts = new DateOnly(year, 1, 1),
            ConsultationEnds = new DateOnly(year, 12, 31),
            Title = new MultilingualText($"План соціальних послуг Бахмутської міської громади на {year + 1}–{year + 3} роки", new Dictionary<string, string>
            {
                ["en"] = $"Bakhmut city community social-service plan, {year + 1}–{year + 3}",
                ["ru"] = $"План социальных услуг Бахмутской городской громады на {year + 1}–{year + 3} годы",
                ["ro"] = $"Planul de servicii sociale al comunității urbane Bahmut, {year + 1}–{year + 3}",
            }),
        };
        var goal = new PlanGoal
        {
            PlanId = plan.Id,
            Number = 1,
            Title = new MultilingualText("Внутрішньо переміщені особи отримують підтримку поруч із домом", new Dictionary<string, string> { ["en"] = "Displaced people get support close to home" }),
        };
        var measure = new PlanMeasure
        {
            PlanId = plan.Id,
            GoalId = goal.Id,
            Title = new MultilingualText("Мобільна бригада соціально-психологічної допомоги", new Dictionary<string, string> { ["en"] = "Mobile team for social and psychological support" }),
            TermCode = "010.0",
            TargetGroup = TargetGroup.InternallyDisplaced,
            ExpectedUsers = 300,
            ResponsibleId = o.BakhmutCentre.Id,
            StartsOn = new DateOnly(year + 1, 1, 1),
            EndsOn = new DateOnly(year + 3, 12, 31),
        };
        measure.Budget.Add(new MeasureBudgetLine { MeasureId = measure.Id, PlanId = plan.Id, Year = year + 1, Source = FundingSource.LocalBudget, Amount = 1_800_000m });
        goal.Measures.Add(measure);
        plan.Goals.Add(goal);
        return plan;
    }
}
