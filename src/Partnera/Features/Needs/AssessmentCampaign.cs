using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>
/// A needs assessment of one or several communities for a period, run by a working group of organisations.
/// Ukrainian practice assesses every three years and gathers data between 1 January and 15 June; a campaign
/// starts with those dates and may change them.
/// </summary>
public sealed class AssessmentCampaign : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MultilingualText Title { get; set; } = new();
    public DateOnly PeriodStarts { get; set; }
    public DateOnly PeriodEnds { get; set; }
    public DateOnly CollectionStarts { get; set; }
    public DateOnly CollectionEnds { get; set; }
    public CampaignStatus Status { get; set; }
    public string? Description { get; set; }
    /// <summary>The priority formula as JSON (see <see cref="Priority.PriorityScheme"/>); none until the working group sets one.</summary>
    public string? PriorityWeights { get; set; }
    /// <summary>The campaign's costing choices as JSON (see <see cref="Costing.CostSettings"/>); none means the country's defaults.</summary>
    public string? Costing { get; set; }
    public List<CampaignCommunity> Communities { get; set; } = [];
    public List<WorkingGroupMember> WorkingGroup { get; set; } = [];

    /// <summary>The usual collection window of a campaign starting in the given year: 1 January to 15 June.</summary>
    public static (DateOnly Starts, DateOnly Ends) UsualCollection(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 6, 15));
}

public enum CampaignStatus
{
    Planned,
    Collecting,
    Analysing,
    Completed,
}

/// <summary>A community whose residents a campaign assesses.</summary>
public sealed class CampaignCommunity : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid TerritoryId { get; set; }
    public Territory? Territory { get; set; }

    string IAudited.AuditSubject => $"{nameof(AssessmentCampaign)}:{CampaignId}";
}

/// <summary>An organisation in a campaign's working group: its members may read the campaign's household answers.</summary>
public sealed class WorkingGroupMember : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    string IAudited.AuditSubject => $"{nameof(AssessmentCampaign)}:{CampaignId}";
}

internal sealed class AssessmentCampaignConfiguration : IEntityTypeConfiguration<AssessmentCampaign>
{
    public void Configure(EntityTypeBuilder<AssessmentCampaign> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.ComplexProperty(c => c.Title, t => t.IsMultilingual("Title", 300));
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.PriorityWeights).HasMaxLength(20000);
        b.Property(c => c.Costing).HasMaxLength(100000);
        b.HasMany(c => c.Communities).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.WorkingGroup).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.PeriodStarts);
    }
}

internal sealed class CampaignCommunityConfiguration : IEntityTypeConfiguration<CampaignCommunity>
{
    public void Configure(EntityTypeBuilder<CampaignCommunity> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne(x => x.Territory).WithMany().HasForeignKey(x => x.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.TerritoryId }).IsUnique();
        b.HasIndex(x => x.TerritoryId);
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => x.OrganisationId);
    }
}
