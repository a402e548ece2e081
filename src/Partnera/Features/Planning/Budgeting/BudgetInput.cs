using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>What the authority sets for a community's participatory budget.</summary>
public sealed class BudgetVoteInput
{
    [Required, Display(Name = "Budget_Territory")] public Guid? TerritoryId { get; set; }
    [Required, Display(Name = "Plan_Owner")] public Guid? OwnerId { get; set; }
    [Required, Range(2000, 2100), Display(Name = "Budget_Year")] public int? Year { get; set; }
    [Required, Display(Name = "Budget_Envelope")] public string? Envelope { get; set; }
    [StringLength(4000), Display(Name = "Budget_Description")] public string? Description { get; set; }
    [Required, Range(14, 120), Display(Name = "Budget_MinimumAge")] public int? MinimumAge { get; set; }
    [Required, Range(1, 20), Display(Name = "Budget_MaxChoices")] public int? MaxChoices { get; set; }
    [Required, Display(Name = "Budget_ProposalsOpen")] public DateOnly? ProposalsOpen { get; set; }
    [Required, Display(Name = "Budget_ProposalsClose")] public DateOnly? ProposalsClose { get; set; }
    [Required, Display(Name = "Budget_VotingOpen")] public DateOnly? VotingOpen { get; set; }
    [Required, Display(Name = "Budget_VotingClose")] public DateOnly? VotingClose { get; set; }

    /// <summary>The rules across fields, as (field, message key).</summary>
    public IEnumerable<(string Field, string Key)> Problems()
    {
        if (!TypedNumber.TryReadAmount(Envelope, out var envelope) || envelope is not > 0) yield return (nameof(Envelope), "Budget_EnvelopeInvalid");
        if (ProposalsOpen > ProposalsClose) yield return (nameof(ProposalsClose), "Budget_DatesOrder");
        if (ProposalsClose >= VotingOpen) yield return (nameof(VotingOpen), "Budget_VotingAfterProposals");
        if (VotingOpen > VotingClose) yield return (nameof(VotingClose), "Budget_DatesOrder");
    }

    public static BudgetVoteInput New(DateOnly today, Guid? owner) => new()
    {
        OwnerId = owner,
        Year = today.Year + 1,
        MinimumAge = 16,
        MaxChoices = 3,
        ProposalsOpen = today.AddDays(7),
        ProposalsClose = today.AddDays(37),
        VotingOpen = today.AddDays(60),
        VotingClose = today.AddDays(74),
    };

    public static BudgetVoteInput From(BudgetVote v) => new()
    {
        TerritoryId = v.TerritoryId,
        OwnerId = v.OwnerId,
        Year = v.Year,
        Envelope = v.Envelope.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        Description = v.Description,
        MinimumAge = v.MinimumAge,
        MaxChoices = v.MaxChoices,
        ProposalsOpen = v.ProposalsOpen,
        ProposalsClose = v.ProposalsClose,
        VotingOpen = v.VotingOpen,
        VotingClose = v.VotingClose,
    };

    public void Apply(BudgetVote v)
    {
        TypedNumber.TryReadAmount(Envelope, out var envelope);
        v.TerritoryId = TerritoryId!.Value;
        v.OwnerId = OwnerId!.Value;
        v.Year = Year!.Value;
        v.Envelope = envelope!.Value;
        v.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        v.MinimumAge = MinimumAge!.Value;
        v.MaxChoices = MaxChoices!.Value;
        v.ProposalsOpen = ProposalsOpen!.Value;
        v.ProposalsClose = ProposalsClose!.Value;
        v.VotingOpen = VotingOpen!.Value;
        v.VotingClose = VotingClose!.Value;
    }
}

/// <summary>A costed project as a resident or organisation proposes it.</summary>
public sealed class ProjectInput
{
    [Required, StringLength(300), Display(Name = "Project_Title")] public string? Title { get; set; }
    [Required, StringLength(4000), Display(Name = "Project_Description")] public string? Description { get; set; }
    [Required, Display(Name = "Project_Cost")] public string? Cost { get; set; }
    [Required, StringLength(4000), Display(Name = "Project_CostBreakdown")] public string? CostBreakdown { get; set; }
    [Display(Name = "Project_Organisation")] public Guid? OrganisationId { get; set; }
}

/// <summary>A ballot as the voter fills it in: the projects chosen and the declarations that make them eligible.</summary>
public sealed class BallotInput
{
    [Display(Name = "Ballot_Projects")] public List<Guid> ProjectIds { get; set; } = [];
    [Required, Display(Name = "Ballot_BirthDate")] public DateOnly? BirthDate { get; set; }
    [Display(Name = "Ballot_LivesHere")] public bool LivesHere { get; set; }
}
