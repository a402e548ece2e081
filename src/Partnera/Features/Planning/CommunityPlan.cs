using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Costing;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>
/// A community social-service plan or local social-inclusion strategy: for a community or district and a span of
/// years, drafted by an authority (its owner), with goals and, under them, the measures that deliver it.
/// </summary>
public sealed class CommunityPlan : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public Guid OwnerId { get; set; }
    public Organisation? Owner { get; set; }
    public MultilingualText Title { get; set; } = new();
    public PlanKind Kind { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public PlanStatus Status { get; set; }
    public DateOnly? ConsultationStarts { get; set; }
    public DateOnly? ConsultationEnds { get; set; }
    /// <summary>The approval: decision number and date, the body that took it, and the signed document.</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? DecisionBody { get; set; }
    public Guid? DecisionDocumentId { get; set; }
    public List<PlanGoal> Goals { get; set; } = [];

    /// <summary>Goals and measures change only while the plan is a draft or under revision; a published version is frozen.</summary>
    public bool ContentEditable => Status is PlanStatus.Draft or PlanStatus.Revision;
}

/// <summary>A published version of a plan: what it said when it went to consultation or was approved, kept unchanged.</summary>
public sealed class PlanVersion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public PlanStatus PublishedAs { get; set; }
    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    /// <summary>The plan's goals and measures as JSON (<see cref="PlanSnapshot"/>).</summary>
    public string Snapshot { get; set; } = "";

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

public enum PlanKind
{
    SocialServicePlan,
    InclusionStrategy,
}

/// <summary>The plan's lifecycle; consultation, approval and implementation come with their own records.</summary>
public enum PlanStatus
{
    Draft,
    Consultation,
    Revision,
    Approved,
    InImplementation,
    Completed,
}

/// <summary>A goal of a plan, numbered in the order the plan lists it.</summary>
public sealed class PlanGoal : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public MultilingualText Title { get; set; } = new();
    public List<PlanMeasure> Measures { get; set; } = [];

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>
/// What a plan will do: a service category for a target group and an expected number of users, who is responsible,
/// when, the money by year and funding source, and the costed gaps it closes (and by how much).
/// </summary>
public sealed class PlanMeasure : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid GoalId { get; set; }
    public MultilingualText Title { get; set; } = new();
    /// <summary>The service category's code in the plan country's classifier (as the needs assessment names it).</summary>
    public string? TermCode { get; set; }
    public TargetGroup? TargetGroup { get; set; }
    public int ExpectedUsers { get; set; }
    public Guid? ResponsibleId { get; set; }
    public Organisation? Responsible { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public List<MeasureBudgetLine> Budget { get; set; } = [];
    public List<MeasureGap> Gaps { get; set; } = [];
    public List<MeasurePartner> Partners { get; set; } = [];
    public List<MeasureMilestone> Milestones { get; set; } = [];
    public List<MeasureProgress> Progress { get; set; } = [];
    public List<MeasureService> Services { get; set; } = [];

    public decimal BudgetTotal => Budget.Sum(b => b.Amount);

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>Money a measure is planned to get in one year from one funding source.</summary>
public sealed class MeasureBudgetLine : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public int Year { get; set; }
    public FundingSource Source { get; set; }
    public decimal Amount { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>A costed gap from a needs assessment that a measure closes, and how much of it (households or places).</summary>
public sealed class MeasureGap : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public Guid GapId { get; set; }
    public HandedOverGap? Gap { get; set; }
    public decimal Closes { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>An organisation that takes part in a measure beside the responsible one.</summary>
public sealed class MeasurePartner : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public Guid OrganisationId { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>A dated step of a measure's timeline; marked done when it is reached.</summary>
public sealed class MeasureMilestone : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>A dated report on an approved measure: how far it is (0–100 %), money spent since the last report by source, and what happened.</summary>
public sealed class MeasureProgress : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public DateOnly ReportedOn { get; set; }
    public int Percent { get; set; }
    public FundingSource? Source { get; set; }
    public decimal Spent { get; set; }
    public string Note { get; set; } = "";
    public string? ReportedBy { get; set; }
    /// <summary>A photo, act or report that shows the work done; public like the report.</summary>
    public Guid? EvidenceDocumentId { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

/// <summary>A service in the directory that a measure created: residents find it there, and the plan links to it.</summary>
public sealed class MeasureService : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; set; }
    public Guid PlanId { get; set; }
    public Guid ServiceId { get; set; }

    string IAudited.AuditSubject => $"{nameof(CommunityPlan)}:{PlanId}";
}

internal sealed class MeasureServiceConfiguration : IEntityTypeConfiguration<MeasureService>
{
    public void Configure(EntityTypeBuilder<MeasureService> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.MeasureId, l.ServiceId }).IsUnique();
        b.HasIndex(l => l.ServiceId);
    }
}

internal sealed class CommunityPlanConfiguration : IEntityTypeConfiguration<CommunityPlan>
{
    public void Configure(EntityTypeBuilder<CommunityPlan> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.ComplexProperty(p => p.Title, t => t.IsMultilingual("Title", 300));
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        b.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.DecisionNumber).HasMaxLength(60);
        b.Property(p => p.DecisionBody).HasMaxLength(300);
        b.HasOne<Infrastructure.Documents.StoredDocument>().WithMany().HasForeignKey(p => p.DecisionDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.TerritoryId, p.FirstYear });
        b.HasIndex(p => new { p.OwnerId, p.FirstYear });
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.Property(g => g.Id).ValueGeneratedNever();
        b.ComplexProperty(g => g.Title, t => t.IsMultilingual("Title", 500));
        b.HasMany(g => g.Measures).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.PlanId, g.Number });
    }
}

internal sealed class PlanMeasureConfiguration : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.ComplexProperty(m => m.Title, t => t.IsMultilingual("Title", 500));
        b.Property(m => m.TermCode).HasMaxLength(40);
        b.Property(m => m.TargetGroup).HasConversion<string>().HasMaxLength(40);
        b.HasOne<CommunityPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(m => m.Responsible).WithMany().HasForeignKey(m => m.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Budget).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Gaps).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Partners).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Milestones).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Progress).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Services).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.BudgetTotal);
        b.HasIndex(m => new { m.PlanId, m.GoalId });
    }
}

internal sealed class MeasureBudgetLineConfiguration : IEntityTypeConfiguration<MeasureBudgetLine>
{
    public void Configure(EntityTypeBuilder<MeasureBudgetLine> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Amount).HasPrecision(16, 2);
        b.HasIndex(l => new { l.MeasureId, l.Year, l.Source }).IsUnique();
        b.HasIndex(l => l.PlanId);
    }
}

internal sealed class MeasureGapConfiguration : IEntityTypeConfiguration<MeasureGap>
{
    public void Configure(EntityTypeBuilder<MeasureGap> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Closes).HasPrecision(16, 2);
        b.HasOne(l => l.Gap).WithMany().HasForeignKey(l => l.GapId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.MeasureId, l.GapId }).IsUnique();
        b.HasIndex(l => new { l.PlanId, l.GapId });
    }
}

internal sealed class MeasurePartnerConfiguration : IEntityTypeConfiguration<MeasurePartner>
{
    public void Configure(EntityTypeBuilder<MeasurePartner> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.MeasureId, l.OrganisationId }).IsUnique();
        b.HasIndex(l => l.OrganisationId);
    }
}

internal sealed class MeasureMilestoneConfiguration : IEntityTypeConfiguration<MeasureMilestone>
{
    public void Configure(EntityTypeBuilder<MeasureMilestone> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Title).HasMaxLength(300);
        b.HasIndex(l => new { l.MeasureId, l.DueOn });
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.PublishedAs).HasConversion<string>().HasMaxLength(24);
        b.Property(v => v.PublishedBy).HasMaxLength(256);
        b.HasOne<CommunityPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class MeasureProgressConfiguration : IEntityTypeConfiguration<MeasureProgress>
{
    public void Configure(EntityTypeBuilder<MeasureProgress> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Spent).HasPrecision(16, 2);
        b.Property(p => p.Note).HasMaxLength(4000);
        b.Property(p => p.ReportedBy).HasMaxLength(256);
        b.HasOne<Infrastructure.Documents.StoredDocument>().WithMany().HasForeignKey(p => p.EvidenceDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MeasureId, p.ReportedOn });
        b.HasIndex(p => p.PlanId);
    }
}
