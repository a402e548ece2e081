using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs.Costing;

/// <summary>
/// A costed gap as the working group handed it to community planning: frozen figures (need, capacity, gap and what they
/// are counted in, unit cost,
/// cost and its split by funding source) with the method and assumptions behind them, so a plan's measures can
/// refer to it and say how much of it they close. Handing over again replaces the campaign's earlier figures.
/// </summary>
public sealed class HandedOverGap : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid CommunityId { get; set; }
    public string Taxonomy { get; set; } = "";
    public string TermCode { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>What need, capacity and gap are counted in (<see cref="Gaps.CountingUnit"/>): people, or households.</summary>
    public string Unit { get; set; } = nameof(Gaps.CountingUnit.Person);
    public decimal Need { get; set; }
    public int Capacity { get; set; }
    public decimal Gap { get; set; }
    public decimal? UnitCost { get; set; }
    public string UnitCostBasis { get; set; } = "";
    public string Currency { get; set; } = "";
    public decimal Cost { get; set; }
    public decimal LocalBudget { get; set; }
    public decimal StateBudget { get; set; }
    public decimal Donor { get; set; }
    public decimal Other { get; set; }
    /// <summary>The assumptions in words, as the report printed them.</summary>
    public string Assumptions { get; set; } = "";
    public DateTime HandedOverAt { get; set; }
    public string? HandedOverBy { get; set; }

    string IAudited.AuditSubject => $"{nameof(AssessmentCampaign)}:{CampaignId}";
}

internal sealed class HandedOverGapConfiguration : IEntityTypeConfiguration<HandedOverGap>
{
    public void Configure(EntityTypeBuilder<HandedOverGap> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Taxonomy).HasMaxLength(60);
        b.Property(x => x.TermCode).HasMaxLength(40);
        b.Property(x => x.Method).HasMaxLength(16);
        b.Property(x => x.Unit).HasMaxLength(16);
        b.Property(x => x.UnitCostBasis).HasMaxLength(16);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Assumptions).HasMaxLength(4000);
        b.Property(x => x.HandedOverBy).HasMaxLength(256);
        foreach (var money in new[] { nameof(HandedOverGap.Need), nameof(HandedOverGap.Gap), nameof(HandedOverGap.UnitCost), nameof(HandedOverGap.Cost),
                     nameof(HandedOverGap.LocalBudget), nameof(HandedOverGap.StateBudget), nameof(HandedOverGap.Donor), nameof(HandedOverGap.Other) })
            b.Property(money).HasPrecision(16, 2);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Territory>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.CommunityId, x.TermCode }).IsUnique();
        b.HasIndex(x => new { x.CommunityId, x.HandedOverAt });
    }
}
