using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Directory;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs.Registry;

/// <summary>
/// How many people of a vulnerable group a registry counts in a community on a date (an aggregate, no personal data):
/// the gap analysis sets these beside the survey's estimates.
/// </summary>
public sealed class RegistryCount : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TerritoryId { get; set; }
    public TargetGroup Group { get; set; }
    public DateOnly AsOf { get; set; }
    public int People { get; set; }
    public string? Source { get; set; }

    string IAudited.AuditSubject => $"{nameof(RegistryCount)}:{TerritoryId}";
}

internal sealed class RegistryCountConfiguration : IEntityTypeConfiguration<RegistryCount>
{
    public void Configure(EntityTypeBuilder<RegistryCount> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Group).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.Source).HasMaxLength(300);
        b.HasOne<Territory>().WithMany().HasForeignKey(c => c.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.TerritoryId, c.Group, c.AsOf }).IsUnique();
    }
}
