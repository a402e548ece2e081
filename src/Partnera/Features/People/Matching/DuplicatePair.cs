using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People.Matching;

public enum DuplicateDecision
{
    Open,
    Merged,
    NotSamePerson,
}

/// <summary>
/// Two people the nightly duplicate scan found probably the same, with why, until someone who may see both merges them
/// or marks them as different people (a decision the next scans respect).
/// </summary>
public sealed class DuplicatePair : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The two people, the smaller id first, so that a pair is stored once.</summary>
    public Guid FirstId { get; set; }
    public Guid SecondId { get; set; }
    public double Total { get; set; }
    /// <summary>The MatchScore as JSON: the score per field shown to the reviewer.</summary>
    public string Why { get; set; } = "";
    public DateTime FoundAt { get; set; }
    public DuplicateDecision Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    public MatchScore Score => JsonSerializer.Deserialize<MatchScore>(Why)!;

    public static (Guid First, Guid Second) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    string IAudited.AuditSubject => $"{nameof(Person)}:{FirstId}";
}

internal sealed class DuplicatePairConfiguration : IEntityTypeConfiguration<DuplicatePair>
{
    public void Configure(EntityTypeBuilder<DuplicatePair> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Why).HasMaxLength(400);
        b.Property(p => p.Decision).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.DecidedBy).HasMaxLength(256);
        b.Ignore(p => p.Score);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.FirstId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.SecondId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.FirstId, p.SecondId }).IsUnique();
        b.HasIndex(p => p.SecondId);
        b.HasIndex(p => new { p.Decision, p.Total });
    }
}
