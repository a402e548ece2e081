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

    /// <summary>
    /// The communities' populations, where known: a registry cannot count more people of a group than live in the
    /// community (a typing slip such as 50,000 for a town of 9,000 would otherwise flow into every gap and cost).
    /// </summary>
    public static async Task<Dictionary<Guid, int>> PopulationsAsync(Data.PartneraDbContext db, IEnumerable<Guid> communities, CancellationToken ct)
    {
        var ids = communities.ToList();
        return await db.Territories.AsNoTracking().Where(t => ids.Contains(t.Id) && t.Population != null)
            .ToDictionaryAsync(t => t.Id, t => t.Population!.Value, ct);
    }
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
