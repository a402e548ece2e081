using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Accounts;

/// <summary>A person's role in one organisation. A person may hold different roles in different organisations.</summary>
public sealed class Membership : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public PartneraUser? User { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Role Role { get; set; }
    /// <summary>
    /// Set while a role that opens the organisation's personal data waits for its administrator's (or a second platform
    /// administrator's) approval (see MembershipGrants); a pending membership gives nothing.
    /// </summary>
    public DateTime? PendingSince { get; set; }
    /// <summary>Who gave the role, and who approved it when it had to wait.</summary>
    public string? GrantedBy { get; set; }
    public string? ApprovedBy { get; set; }

    string IAudited.AuditSubject => $"{nameof(PartneraUser)}:{UserId}";
}

public enum Role
{
    Administrator,
    AuthoritySpecialist,
    ProviderStaff,
    CsoLeader,
    VolunteerCoordinator,
    ProgrammeCoordinator,
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.GrantedBy).HasMaxLength(256);
        b.Property(m => m.ApprovedBy).HasMaxLength(256);
        b.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.UserId, m.OrganisationId, m.Role }).IsUnique();
        b.HasIndex(m => m.OrganisationId);
    }
}

internal sealed class PartneraUserConfiguration : IEntityTypeConfiguration<PartneraUser>
{
    public void Configure(EntityTypeBuilder<PartneraUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
    }
}
