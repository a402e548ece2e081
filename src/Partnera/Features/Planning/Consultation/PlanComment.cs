using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Planning.Consultation;

/// <summary>
/// A resident's or organisation's comment on a plan in consultation, or a proposal (a new measure or a change, with
/// its reason and estimated cost). The authority answers each one; a moderator may hide abusive text, giving a public
/// reason. Author names are shown as the person chose them; e-mail addresses never are.
/// </summary>
public sealed class PlanComment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    /// <summary>The measure commented on; none for the plan as a whole.</summary>
    public Guid? MeasureId { get; set; }
    /// <summary>The published version the comment was made on.</summary>
    public int Version { get; set; }
    /// <summary>The public hearing where it was raised (recorded by the authority), if any.</summary>
    public Guid? HearingId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public CommentKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string? Reason { get; set; }
    public decimal? EstimatedCost { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Supporters { get; set; }
    public CommentDecision? Decision { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public string? HiddenReason { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenBy { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>A public hearing or meeting on a plan: when and where, its agenda, how many took part, and its minutes.</summary>
public sealed class PlanHearing : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public DateTime HeldAt { get; set; }
    public string Place { get; set; } = "";
    public string Agenda { get; set; } = "";
    public int? Participants { get; set; }
    public string? Minutes { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

public enum CommentKind
{
    Comment,
    NewMeasure,
    Change,
}

public enum CommentDecision
{
    Accepted,
    PartlyAccepted,
    Rejected,
    OutOfScope,
}

/// <summary>One person's support of a proposal: one per person, counted on the proposal.</summary>
public sealed class CommentSupport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommentId { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.AuthorName).HasMaxLength(200);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.EstimatedCost).HasPrecision(16, 2);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Answer).HasMaxLength(4000);
        b.Property(c => c.AnsweredBy).HasMaxLength(256);
        b.Property(c => c.HiddenReason).HasMaxLength(500);
        b.Property(c => c.HiddenBy).HasMaxLength(256);
        b.HasOne<CommunityPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartneraUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PlanId, c.CreatedAt });
        b.HasIndex(c => c.AuthorId);
        b.HasOne<PlanHearing>().WithMany().HasForeignKey(c => c.HearingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanHearingConfiguration : IEntityTypeConfiguration<PlanHearing>
{
    public void Configure(EntityTypeBuilder<PlanHearing> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Place).HasMaxLength(300);
        b.Property(h => h.Agenda).HasMaxLength(4000);
        b.Property(h => h.Minutes).HasMaxLength(20000);
        b.HasOne<CommunityPlan>().WithMany().HasForeignKey(h => h.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.PlanId, h.HeldAt });
    }
}

internal sealed class CommentSupportConfiguration : IEntityTypeConfiguration<CommentSupport>
{
    public void Configure(EntityTypeBuilder<CommentSupport> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<PlanComment>().WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartneraUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.CommentId, s.UserId }).IsUnique();
    }
}
