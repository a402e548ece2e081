using System.ComponentModel.DataAnnotations;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Costing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>
/// What a drafter fills in for a measure. The budget is a grid of the plan's years × funding sources, bound by keys
/// like "2027-LocalBudget" (no dots, so the binder keeps them), amounts typed with a decimal comma or point.
/// </summary>
public sealed class MeasureInput
{
    [Required, Display(Name = "Measure_Goal")] public Guid? GoalId { get; set; }
    [Required, StringLength(500), Display(Name = "Measure_Title")] public string? Title { get; set; }
    [StringLength(40), Display(Name = "Measure_Category")] public string? TermCode { get; set; }
    [Display(Name = "Measure_TargetGroup")] public TargetGroup? TargetGroup { get; set; }
    [Range(0, 10_000_000), Display(Name = "Measure_ExpectedUsers")] public int ExpectedUsers { get; set; }
    [Display(Name = "Measure_Responsible")] public Guid? ResponsibleId { get; set; }
    [Display(Name = "Measure_StartsOn")] public DateOnly? StartsOn { get; set; }
    [Display(Name = "Measure_EndsOn")] public DateOnly? EndsOn { get; set; }
    public Dictionary<string, string?> Budget { get; set; } = [];
    /// <summary>How much of each linked gap the measure closes, by the link's id.</summary>
    public Dictionary<Guid, string?> Closes { get; set; } = [];
    [Display(Name = "Measure_Partners")] public List<Guid> PartnerIds { get; set; } = [];
    /// <summary>The timeline: existing steps and a few empty rows for new ones; a step whose title is cleared is removed.</summary>
    public List<MilestoneInput> Milestones { get; set; } = [];

    public sealed class MilestoneInput
    {
        public Guid? Id { get; set; }
        [StringLength(300)] public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
        public bool Done { get; set; }
    }

    /// <summary>Adds empty rows so the form always offers new steps.</summary>
    public MeasureInput WithEmptyMilestones(int count = 2)
    {
        Milestones.AddRange(Enumerable.Range(0, count).Select(_ => new MilestoneInput()));
        return this;
    }

    public static string Key(int year, FundingSource source) => $"{year}-{source}";

    public static MeasureInput From(PlanMeasure m) => new()
    {
        GoalId = m.GoalId,
        Title = m.Title.Value,
        TermCode = m.TermCode,
        TargetGroup = m.TargetGroup,
        ExpectedUsers = m.ExpectedUsers,
        ResponsibleId = m.ResponsibleId,
        StartsOn = m.StartsOn,
        EndsOn = m.EndsOn,
        Budget = m.Budget.ToDictionary(b => Key(b.Year, b.Source), b => (string?)b.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
        Closes = m.Gaps.ToDictionary(g => g.Id, g => (string?)g.Closes.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
        PartnerIds = m.Partners.Select(p => p.OrganisationId).ToList(),
        Milestones = m.Milestones.OrderBy(x => x.DueOn).Select(x => new MilestoneInput { Id = x.Id, Title = x.Title, DueOn = x.DueOn, Done = x.DoneOn is not null }).ToList(),
    };

    /// <summary>Every problem as (field, message key); the amounts read when there is none.</summary>
    public (List<(string Field, string Key)> Problems, Dictionary<(int Year, FundingSource Source), decimal> Amounts, Dictionary<Guid, decimal> Closed) Read(CommunityPlan plan)
    {
        var problems = new List<(string, string)>();
        if (StartsOn is { } s && EndsOn is { } e && e < s) problems.Add((nameof(EndsOn), "Measure_DatesOrder"));
        foreach (var (field, date) in new[] { (nameof(StartsOn), StartsOn), (nameof(EndsOn), EndsOn) })
            if (date is { } d && (d.Year < plan.FirstYear || d.Year > plan.LastYear)) problems.Add((field, "Measure_DatesOutside"));
        var amounts = new Dictionary<(int, FundingSource), decimal>();
        for (var year = plan.FirstYear; year <= plan.LastYear; year++)
            foreach (var source in CostDefaults.Sources)
            {
                if (!TypedNumber.TryReadAmount(Budget.GetValueOrDefault(Key(year, source)), out var amount)) problems.Add(($"{nameof(Budget)}[{Key(year, source)}]", "Measure_BudgetInvalid"));
                else if (amount is { } given) amounts[(year, source)] = given;
            }
        var closed = new Dictionary<Guid, decimal>();
        foreach (var (link, typed) in Closes)
        {
            if (TypedNumber.TryReadAmount(typed, out var value) && value is { } given) closed[link] = given;
            else problems.Add(($"{nameof(Closes)}[{link}]", "Measure_ClosesInvalid"));
        }
        for (var i = 0; i < Milestones.Count; i++)
            if (!string.IsNullOrWhiteSpace(Milestones[i].Title) && Milestones[i].DueOn is null) problems.Add(($"{nameof(Milestones)}[{i}].{nameof(MilestoneInput.DueOn)}", "Milestone_DateRequired"));
        return (problems, amounts, closed);
    }
}
