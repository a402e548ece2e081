using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>
/// An individual plan for a person, by an involved organisation: after an individual needs assessment, the goals with
/// the service, the responsible organisation and a date for each, and the next review. A transition plan is the same
/// for a resident leaving an institution: when they move to a community service, follow-up visits at 3, 6 and 12
/// months are scheduled, and the move counts toward the people who left institutions.
/// </summary>
public sealed class IndividualPlan : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public IndividualPlanKind Kind { get; set; }
    public DateOnly AssessedOn { get; set; }
    [PersonalData] public string Needs { get; set; } = "";
    public DateOnly? NextReview { get; set; }
    /// <summary>For a transition plan: the institution the person leaves, and when they moved to the community service.</summary>
    public Guid? InstitutionId { get; set; }
    public DateOnly? MovedOn { get; set; }
    public List<IndividualGoal> Goals { get; set; } = [];
    public List<FollowUpVisit> FollowUps { get; set; } = [];

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

public enum IndividualPlanKind
{
    ServicePlan,
    TransitionPlan,
}

/// <summary>A goal or step of an individual plan: what, through which service, who is responsible, by when, and whether it is done.</summary>
public sealed class IndividualGoal : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    [PersonalData] public string Text { get; set; } = "";
    public Guid? ServiceId { get; set; }
    public Guid? ResponsibleId { get; set; }
    public DateOnly? Due { get; set; }
    public DateOnly? DoneOn { get; set; }

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

/// <summary>A follow-up visit after a move from an institution, due 3, 6 or 12 months after it; its notes once made.</summary>
public sealed class FollowUpVisit : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    public int Months { get; set; }
    public DateOnly Due { get; set; }
    public DateOnly? VisitedOn { get; set; }
    [PersonalData] public string? Notes { get; set; }

    public static readonly int[] Schedule = [3, 6, 12];

    string IAudited.AuditSubject => $"{nameof(Person)}:{PersonId}";
}

internal sealed class IndividualPlanConfiguration : IEntityTypeConfiguration<IndividualPlan>
{
    public void Configure(EntityTypeBuilder<IndividualPlan> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Needs).HasMaxLength(4000);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.FollowUps).WithOne().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.PersonId);
        b.HasIndex(p => new { p.Kind, p.MovedOn });
    }
}

internal sealed class IndividualGoalConfiguration : IEntityTypeConfiguration<IndividualGoal>
{
    public void Configure(EntityTypeBuilder<IndividualGoal> b)
    {
        b.Property(g => g.Id).ValueGeneratedNever();
        b.Property(g => g.Text).HasMaxLength(2000);
        b.HasOne<Directory.Service>().WithMany().HasForeignKey(g => g.ServiceId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organisation>().WithMany().HasForeignKey(g => g.ResponsibleId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(g => g.PlanId);
    }
}

internal sealed class FollowUpVisitConfiguration : IEntityTypeConfiguration<FollowUpVisit>
{
    public void Configure(EntityTypeBuilder<FollowUpVisit> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Notes).HasMaxLength(4000);
        b.HasIndex(f => new { f.PlanId, f.Months }).IsUnique();
        b.HasIndex(f => f.Due);
    }
}
