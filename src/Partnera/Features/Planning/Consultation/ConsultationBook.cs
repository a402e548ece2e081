using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning.Consultation;

/// <summary>A comment or proposal as typed on the public plan page.</summary>
public sealed class CommentInput
{
    [Display(Name = "Comment_Kind")] public CommentKind Kind { get; set; }
    [Display(Name = "Comment_Measure")] public Guid? MeasureId { get; set; }
    [Required, StringLength(4000), Display(Name = "Comment_Text")] public string? Text { get; set; }
    [StringLength(2000), Display(Name = "Comment_Reason")] public string? Reason { get; set; }
    [Display(Name = "Comment_EstimatedCost")] public string? EstimatedCost { get; set; }
}

/// <summary>
/// The public consultation of a plan: open between its dates in the community's time zone (by server time); comments
/// and proposals from signed-in people (e-mail confirmed), support of proposals (one per person, even when two
/// requests race), and the authority's answers and moderation.
/// </summary>
public sealed class ConsultationBook(PartneraDbContext db, TimeProvider time)
{
    /// <summary>Whether comments are taken now: the plan is in consultation and today, where the community is, lies within its dates.</summary>
    public async Task<bool> IsOpenAsync(CommunityPlan plan, CancellationToken ct)
    {
        if (plan.Status != PlanStatus.Consultation || plan.ConsultationStarts is not { } starts || plan.ConsultationEnds is not { } ends) return false;
        var today = await TodayAsync(plan, ct);
        return today >= starts && today <= ends;
    }

    /// <summary>The date it is now in the plan's community (by server time): consultation dates are counted by it.</summary>
    public Task<DateOnly> TodayAsync(CommunityPlan plan, CancellationToken ct) => Territories.TerritoryClock.TodayAsync(db, plan.TerritoryId, time, ct);

    /// <summary>Records a signed-in person's comment while consultation is open, or returns every problem as (field, message key).</summary>
    public async Task<List<(string Field, string Key)>> AddAsync(CommunityPlan plan, Guid authorId, string authorName, CommentInput input, CancellationToken ct)
    {
        if (!await IsOpenAsync(plan, ct)) return [("", "Consultation_Closed")];
        return await RecordAsync(plan, null, authorId, authorName, input, ct);
    }

    /// <summary>
    /// Records a proposal raised at a public hearing under the speaker's name, entered by the authority (also after
    /// consultation closes, when the minutes are written up); answered like any other.
    /// </summary>
    public Task<List<(string Field, string Key)>> RecordAtHearingAsync(CommunityPlan plan, Guid hearingId, Guid recordedBy, string speaker, CommentInput input, CancellationToken ct) =>
        RecordAsync(plan, hearingId, recordedBy, speaker, input, ct);

    private async Task<List<(string Field, string Key)>> RecordAsync(CommunityPlan plan, Guid? hearingId, Guid authorId, string authorName, CommentInput input, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        if (input.Kind != CommentKind.Comment && string.IsNullOrWhiteSpace(input.Reason)) problems.Add((nameof(input.Reason), "Comment_ReasonRequired"));
        if (!TypedNumber.TryReadAmount(input.EstimatedCost, out var cost)) problems.Add((nameof(input.EstimatedCost), "Comment_CostInvalid"));
        if (input.MeasureId is { } measure && !await db.PlanMeasures.AnyAsync(m => m.Id == measure && m.PlanId == plan.Id, ct))
            problems.Add((nameof(input.MeasureId), "Comment_UnknownMeasure"));
        if (problems.Count > 0) return problems;
        var version = await db.PlanVersions.Where(v => v.PlanId == plan.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        db.PlanComments.Add(new PlanComment
        {
            PlanId = plan.Id,
            HearingId = hearingId,
            MeasureId = input.MeasureId,
            Version = version,
            AuthorId = authorId,
            AuthorName = authorName,
            Kind = input.Kind,
            Text = input.Text!.Trim(),
            Reason = input.Kind == CommentKind.Comment ? null : input.Reason?.Trim(),
            EstimatedCost = input.Kind == CommentKind.Comment ? null : cost,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Adds one person's support to a proposal of someone else while consultation is open; a second support by the same person counts once.</summary>
    public async Task<string?> SupportAsync(CommunityPlan plan, Guid commentId, Guid userId, CancellationToken ct)
    {
        if (!await IsOpenAsync(plan, ct)) return "Consultation_Closed";
        var proposal = await db.PlanComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.PlanId == plan.Id && c.Kind != CommentKind.Comment && c.HiddenAt == null, ct);
        if (proposal is null) return "Support_NotAProposal";
        if (proposal.AuthorId == userId) return "Support_Own";
        if (await db.CommentSupports.AnyAsync(s => s.CommentId == commentId && s.UserId == userId, ct)) return null;
        db.CommentSupports.Add(new CommentSupport { CommentId = commentId, UserId = userId, At = time.GetUtcNow().UtcDateTime });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same person's other request won the race: still one support
        // Counted from the stored supports, so concurrent supports never lose one.
        await db.PlanComments.Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Supporters, x => db.CommentSupports.Count(s => s.CommentId == x.Id)), ct);
        return null;
    }

    /// <summary>How many comments and proposals still wait for an answer (hidden ones need none).</summary>
    public Task<int> UnansweredAsync(Guid planId, CancellationToken ct) =>
        db.PlanComments.CountAsync(c => c.PlanId == planId && c.Decision == null && c.HiddenAt == null, ct);
}
