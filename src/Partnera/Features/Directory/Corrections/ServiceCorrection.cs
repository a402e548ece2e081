using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Directory.Corrections;

/// <summary>A correction anyone may suggest for a service page; the provider's staff decide on each field.</summary>
public sealed class ServiceCorrection : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? Comment { get; set; }
    public CorrectionStatus Status { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public List<CorrectionField> Fields { get; set; } = [];

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

public enum CorrectionStatus
{
    Pending,
    Accepted,
    PartlyAccepted,
    Rejected,
}

/// <summary>One proposed value and the decision on it.</summary>
public sealed class CorrectionField
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CorrectionId { get; set; }
    public CorrectableField Field { get; set; }
    public string ProposedValue { get; set; } = "";
    public bool? Accepted { get; set; }
}

/// <summary>The fields of a service page a resident can propose a new value for.</summary>
public enum CorrectableField
{
    Name,
    Description,
    Eligibility,
    ApplicationProcess,
    FeesDescription,
    Phone,
    Email,
    Website,
    Alert,
}

internal sealed class ServiceCorrectionConfiguration : IEntityTypeConfiguration<ServiceCorrection>, IEntityTypeConfiguration<CorrectionField>
{
    public void Configure(EntityTypeBuilder<ServiceCorrection> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Comment).HasMaxLength(2000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ReviewedBy).HasMaxLength(256);
        b.HasOne(c => c.Service).WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.CorrectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ServiceId, c.Status });
    }

    public void Configure(EntityTypeBuilder<CorrectionField> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Field).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.ProposedValue).HasMaxLength(4000);
        b.HasIndex(f => f.CorrectionId);
    }
}
