using Partnera.Features.Planning.Budgeting;

namespace Partnera.Data.DemoData;

/// <summary>
/// Bakhmut's participatory budget for the current year, with voting open for the next two weeks, so that the
/// resident account can vote right after start-up: three projects on the ballot and one found not feasible.
/// </summary>
public static class DemoBudgets
{
    public static (BudgetVote Vote, List<BudgetProject> Projects) Bakhmut(DemoTerritories t, DemoOrganisations o, Guid residentId, string residentName, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var vote = new BudgetVote
        {
            TerritoryId = t.Bakhmut.Id,
            OwnerId = o.BakhmutCouncil.Id,
            Year = today.Year,
            Envelope = 2_000_000m,
            MinimumAge = 16,
            MaxChoices = 2,
            ProposalsOpen = today.AddDays(-60),
            ProposalsClose = today.AddDays(-30),
            VotingOpen = today.AddDays(-3),
            VotingClose = today.AddDays(14),
            Announced = true,
            Description = "Громада вирішує, як витратити 2 000 000 грн на соціальні проєкти: кожен мешканець від 16 років може підтримати до двох проєктів.",
        };
        BudgetProject Project(string title, string description, decimal cost, string breakdown, Feasibility feasibility, string reason, int daysAgo) => new()
        {
            VoteId = vote.Id,
            AuthorId = residentId,
            AuthorName = residentName,
            Title = title,
            Description = description,
            Cost = cost,
            CostBreakdown = breakdown,
            SubmittedAt = now.AddDays(-daysAgo),
            Feasibility = feasibility,
            FeasibilityReason = reason,
            CheckedAt = now.AddDays(-20),
            CheckedBy = "demo",
        };
        return (vote,
        [
            Project("Пандус і підйомник у центрі соціальних служб", "Доступний вхід до центру для людей на кріслах колісних і батьків з візочками.", 850_000m,
                "Пандус 350 000 грн; підйомник 450 000 грн; проєктна документація 50 000 грн", Feasibility.Feasible, "Будівля комунальна, проєкт погоджено з відділом архітектури.", 55),
            Project("Мобільна бригада соціальної підтримки для старостинських округів", "Автомобіль і виїзди соціальних працівників до людей похилого віку в селах громади.", 1_200_000m,
                "Автомобіль 900 000 грн; пальне та обслуговування на рік 300 000 грн", Feasibility.Feasible, "Відповідає плану соціальних послуг; утримання після першого року бере на себе бюджет громади.", 50),
            Project("Простір для підлітків при бібліотеці", "Облаштування кімнати для занять і консультацій психолога для підлітків.", 400_000m,
                "Ремонт 250 000 грн; меблі та техніка 150 000 грн", Feasibility.Feasible, "Приміщення бібліотеки вільне; погоджено з управлінням культури.", 45),
            Project("Новий стадіон", "Будівництво стадіону з трибунами.", 1_900_000m,
                "Будівництво 1 900 000 грн", Feasibility.NotFeasible, "Не є соціальною послугою і потребує земельної ділянки, якої громада не має.", 40),
        ]);
    }
}
