using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Directory;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People.Referrals;

/// <summary>
/// A referral of a person from one organisation to a service of another, followed to its end: sent → accepted or
/// declined (with a reason) → in service → completed (with the outcome) → closed by the sender. Each step is kept
/// with its time (<see cref="ReferralStep"/>); the receiver sees only what the sender chose to share.
/// </summary>
public sealed class Referral : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid FromOrganisationId { get; set; }
    public Guid ToOrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public string Reason { get; set; } = "";
    public Urgency Urgency { get; set; }
    public SharedData Shared { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime SentAt { get; set; }
    /// <summary>When the receiver should have answered by (from the urgency's configured deadline).</summary>
    public DateTime AnswerDue { get; set; }
    public string? DeclineReason { get; set; }
    public string? Outcome { get; set; }
    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

public enum Urgency
{
    Routine,
    Urgent,
    Emergency,
}

public enum ReferralStatus
{
    Sent,
    Accepted,
    Declined,
    InService,
    Completed,
    Closed,
}

/// <summary>What of the person's record the sender shares with the receiver; the names always go.</summary>
[Flags]
public enum SharedData
{
    None = 0,
    BirthDate = 1,
    Contacts = 2,
    Address = 4,
    Documents = 8,
    Groups = 16,
}

/// <summary>One step of a referral: what it became, when, and who did it for which organisation.</summary>
public sealed class ReferralStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime At { get; set; }
    public Guid OrganisationId { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

/// <summary>A message between the two organisations on a referral.</summary>
public sealed class ReferralMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public Guid OrganisationId { get; set; }
    public string? By { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DeclineReason).HasMaxLength(2000);
        b.Property(r => r.Outcome).HasMaxLength(2000);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ToOrganisationId, r.Status, r.AnswerDue });
        b.HasIndex(r => new { r.FromOrganisationId, r.SentAt });
        b.HasIndex(r => r.PersonId);
    }
}

internal sealed class ReferralStepConfiguration : IEntityTypeConfiguration<ReferralStep>
{
    public void Configure(EntityTypeBuilder<ReferralStep> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.By).HasMaxLength(256);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ReferralId, s.At });
    }
}

internal sealed class ReferralMessageConfiguration : IEntityTypeConfiguration<ReferralMessage>
{
    public void Configure(EntityTypeBuilder<ReferralMessage> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.By).HasMaxLength(256);
        b.Property(m => m.Text).HasMaxLength(4000);
        b.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ReferralId, m.At });
    }
}
