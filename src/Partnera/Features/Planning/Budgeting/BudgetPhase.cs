namespace Partnera.Features.Planning.Budgeting;

/// <summary>Where a participatory budget stands on a given day in its community.</summary>
public enum BudgetPhase
{
    Draft,
    Announced,
    Proposals,
    Review,
    Voting,
    Counting,
    Results,
}

public static class BudgetPhases
{
    public static BudgetPhase On(BudgetVote v, DateOnly today) =>
        !v.Announced ? BudgetPhase.Draft
        : v.ResultsPublishedAt is not null ? BudgetPhase.Results
        : today < v.ProposalsOpen ? BudgetPhase.Announced
        : today <= v.ProposalsClose ? BudgetPhase.Proposals
        : today < v.VotingOpen ? BudgetPhase.Review
        : today <= v.VotingClose ? BudgetPhase.Voting
        : BudgetPhase.Counting;
}
