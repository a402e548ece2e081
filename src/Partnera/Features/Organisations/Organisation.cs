using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>A partner: authority, state provider, NGO, donor, school, institution, business or volunteer group.</summary>
public sealed class Organisation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MultilingualText Name { get; set; } = new();
    public string? ShortName { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>Where the organisation is based; <see cref="ServedTerritories"/> says where it works.</summary>
    public Guid? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? ReceptionPhone { get; set; }
    public string? Hotline { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public List<string> SocialLinks { get; set; } = [];
    public List<OrganisationTerritory> ServedTerritories { get; set; } = [];
    public List<WorkingDay> WorkingHours { get; set; } = [];
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() =>
        SearchText = SearchKey.For(Name.AllForms().Append(ShortName).Append(Address).Append(Email));
}

public enum OrganisationKind
{
    PublicAuthority,
    StateServiceProvider,
    Ngo,
    InternationalOrganisation,
    Donor,
    School,
    HealthInstitution,
    ResidentialInstitution,
    Business,
    VolunteerGroup,
}

/// <summary>A territory an organisation serves.</summary>
public sealed class OrganisationTerritory : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid TerritoryId { get; set; }
    public Territory? Territory { get; set; }

    string IAudited.AuditSubject => $"{nameof(Organisation)}:{OrganisationId}";
}

/// <summary>Reception hours on one weekday, with an optional break (e.g. lunch 13:00–14:00).</summary>
public sealed class WorkingDay : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public TimeOnly? BreakStarts { get; set; }
    public TimeOnly? BreakEnds { get; set; }

    string IAudited.AuditSubject => $"{nameof(Organisation)}:{OrganisationId}";
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Id).ValueGeneratedNever();
        b.ComplexProperty(o => o.Name, n => n.IsMultilingual("Name", 300));
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.ShortName).HasMaxLength(100);
        b.Property(o => o.Description).HasMaxLength(4000);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.PostalCode).HasMaxLength(20);
        b.Property(o => o.ReceptionPhone).HasMaxLength(100);
        b.Property(o => o.Hotline).HasMaxLength(100);
        b.Property(o => o.Email).HasMaxLength(256);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.SearchText).HasMaxLength(3000);
        b.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.ServedTerritories).WithOne().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.WorkingHours).WithOne().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => o.Kind);
        b.HasIndex(o => o.TerritoryId);
    }
}

internal sealed class OrganisationTerritoryConfiguration : IEntityTypeConfiguration<OrganisationTerritory>
{
    public void Configure(EntityTypeBuilder<OrganisationTerritory> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasIndex(t => new { t.OrganisationId, t.TerritoryId }).IsUnique();
        b.HasIndex(t => t.TerritoryId);
        b.HasOne(t => t.Territory).WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkingDayConfiguration : IEntityTypeConfiguration<WorkingDay>
{
    public void Configure(EntityTypeBuilder<WorkingDay> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Day).HasConversion<int>();
        b.HasIndex(d => new { d.OrganisationId, d.Day }).IsUnique();
    }
}
