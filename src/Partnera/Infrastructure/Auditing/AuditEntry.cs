using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Infrastructure.Auditing;

/// <summary>One line of the audit log: who did what to which record, when, and what changed.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The record this entry belongs to, e.g. "Organisation:{id}" for a change of its working hours.</summary>
    public string Subject { get; set; } = "";
    /// <summary>JSON object: property → [old, new].</summary>
    public string? Changes { get; set; }
    public string? Reason { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Viewed,
    Exported,
    Printed,
    Merged,
    /// <summary>A record's existence (and the organisation that registered it) was told to someone who may not open it.</summary>
    Disclosed,
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Subject, e.At });
        b.HasIndex(e => new { e.UserId, e.At });
    }
}
