using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;

namespace Partnera.Features.Planning;

/// <summary>What a drafter gives when moving a plan on: consultation dates, or the approval decision and its signed document.</summary>
public sealed class TransitionInput
{
    [Display(Name = "Lifecycle_ConsultationStarts")] public DateOnly? ConsultationStarts { get; set; }
    [Display(Name = "Lifecycle_ConsultationEnds")] public DateOnly? ConsultationEnds { get; set; }
    [StringLength(60), Display(Name = "Lifecycle_DecisionNumber")] public string? DecisionNumber { get; set; }
    [Display(Name = "Lifecycle_DecisionDate")] public DateOnly? DecisionDate { get; set; }
    [StringLength(300), Display(Name = "Lifecycle_DecisionBody")] public string? DecisionBody { get; set; }
}

/// <summary>
/// The plan's lifecycle: draft → public consultation (with dates) → revision → (another consultation or) approved
/// (decision number, date, body, signed document) → in implementation → completed. Going to consultation and
/// approval publishes a version, kept unchanged for anyone to read and compare.
/// </summary>
public sealed class PlanLifecycle(PartneraDbContext db, DocumentStore documents, Consultation.ConsultationBook consultation, CurrentUser user, TimeProvider time)
{
    public static IReadOnlyList<PlanStatus> Next(PlanStatus status) => status switch
    {
        PlanStatus.Draft => [PlanStatus.Consultation],
        PlanStatus.Consultation => [PlanStatus.Revision],
        PlanStatus.Revision => [PlanStatus.Consultation, PlanStatus.Approved],
        PlanStatus.Approved => [PlanStatus.InImplementation],
        PlanStatus.InImplementation => [PlanStatus.Completed],
        _ => [],
    };

    /// <summary>Moves the plan on (saved with the caller's SaveChanges), or returns every problem as (field, message key).</summary>
    public async Task<List<(string Field, string Key)>> MoveAsync(CommunityPlan plan, PlanStatus to, TransitionInput input, IFormFile? document, CancellationToken ct)
    {
        if (!Next(plan.Status).Contains(to)) return [("", "Lifecycle_NotAllowed")];
        var problems = to switch
        {
            PlanStatus.Consultation => await ConsultationProblemsAsync(plan, input, ct),
            PlanStatus.Approved => [.. ApprovalProblems(input, document), .. await UnansweredProblemsAsync(plan, ct)],
            _ => [],
        };
        if (to == PlanStatus.Approved && problems.Count == 0)
        {
            var (stored, error) = await documents.AddAsync(document!, ct);
            if (stored is null) return [(nameof(document), error!)];
            (plan.DecisionNumber, plan.DecisionDate, plan.DecisionBody, plan.DecisionDocumentId) = (input.DecisionNumber!.Trim(), input.DecisionDate, input.DecisionBody!.Trim(), stored.Id);
        }
        if (problems.Count > 0) return problems;
        if (to == PlanStatus.Consultation) (plan.ConsultationStarts, plan.ConsultationEnds) = (input.ConsultationStarts, input.ConsultationEnds);
        if (to is PlanStatus.Consultation or PlanStatus.Approved) await PublishAsync(plan, to, ct);
        plan.Status = to;
        return [];
    }

    private async Task<List<(string, string)>> ConsultationProblemsAsync(CommunityPlan plan, TransitionInput input, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        if (input.ConsultationStarts is null) problems.Add((nameof(input.ConsultationStarts), "Lifecycle_DateRequired"));
        if (input.ConsultationEnds is null) problems.Add((nameof(input.ConsultationEnds), "Lifecycle_DateRequired"));
        else
        {
            var today = await consultation.TodayAsync(plan, ct);
            if (input.ConsultationStarts is { } starts && input.ConsultationEnds < starts) problems.Add((nameof(input.ConsultationEnds), "Lifecycle_EndsBeforeStarts"));
            else if (input.ConsultationEnds < today) problems.Add((nameof(input.ConsultationEnds), "Lifecycle_EndsInPast"));
        }
        if (!await db.PlanMeasures.AnyAsync(m => m.PlanId == plan.Id, ct)) problems.Add(("", "Lifecycle_NoMeasures"));
        return problems;
    }

    /// <summary>Every comment and proposal must have its answer before the plan is approved.</summary>
    private async Task<List<(string, string)>> UnansweredProblemsAsync(CommunityPlan plan, CancellationToken ct) =>
        await consultation.UnansweredAsync(plan.Id, ct) > 0 ? [("", "Lifecycle_Unanswered")] : [];

    private static List<(string, string)> ApprovalProblems(TransitionInput input, IFormFile? document)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.DecisionNumber)) problems.Add((nameof(input.DecisionNumber), "Lifecycle_Required"));
        if (input.DecisionDate is null) problems.Add((nameof(input.DecisionDate), "Lifecycle_DateRequired"));
        if (string.IsNullOrWhiteSpace(input.DecisionBody)) problems.Add((nameof(input.DecisionBody), "Lifecycle_Required"));
        if (document is null || document.Length == 0) problems.Add((nameof(document), "Lifecycle_DocumentRequired"));
        return problems;
    }

    private async Task PublishAsync(CommunityPlan plan, PlanStatus status, CancellationToken ct)
    {
        var number = await db.PlanVersions.Where(v => v.PlanId == plan.Id).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id,
            Number = number + 1,
            PublishedAs = status,
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedBy = user.Name,
            Snapshot = (await PlanSnapshot.OfAsync(db, plan.Id, ct)).ToJson(),
        });
    }
}
