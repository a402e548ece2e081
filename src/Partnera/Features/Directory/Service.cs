using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>
/// A social service in the shape of an Open Referral HSDS 3.0 service, with Partnera's own fields beside the
/// standard ones (target groups, capacity and occupancy, unit cost, verification) that export as HSDS attributes.
/// </summary>
public sealed class Service : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public MultilingualText Name { get; set; } = new();
    public string? AlternateName { get; set; }
    public MultilingualText Description { get; set; } = new();
    public string? Url { get; set; }
    public string? Email { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string? InterpretationServices { get; set; }
    public MultilingualText ApplicationProcess { get; set; } = new();
    public MultilingualText Eligibility { get; set; } = new();
    public string? FeesDescription { get; set; }
    public bool FreeOfCharge { get; set; }
    public string? WaitTime { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? Alert { get; set; }

    /// <summary>Places the service can serve at once, and how many are taken now.</summary>
    public int? Capacity { get; set; }
    public int? Occupancy { get; set; }
    /// <summary>What one place (or one case) costs a year, in <see cref="UnitCostCurrency"/>.</summary>
    public decimal? UnitCost { get; set; }
    public string? UnitCostCurrency { get; set; }
    public DateTime? LastVerifiedAt { get; set; }
    public string? LastVerifiedBy { get; set; }
    public DateTime LastModified { get; set; }
    /// <summary>IANA time zone of where the service is delivered (from its location's territory): decides "open now".</summary>
    public string TimeZone { get; set; } = "Europe/Kyiv";

    public List<ServiceTargetGroup> TargetGroups { get; set; } = [];
    public List<ServiceTerm> Terms { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];
    public List<ServiceArea> Areas { get; set; } = [];
    public List<ServiceLanguage> Languages { get; set; } = [];
    public List<Funding> Funding { get; set; } = [];
    public List<CostOption> CostOptions { get; set; } = [];
    public List<RequiredDocument> RequiredDocuments { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<ServiceAtLocation> Locations { get; set; } = [];
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = SearchKey.For(
        Name.AllForms().Concat(Description.AllForms()).Append(AlternateName));
}

/// <summary>HSDS service status.</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

/// <summary>Who a service is for (Partnera's field, exported as an HSDS attribute).</summary>
public enum TargetGroup
{
    FamiliesWithChildren,
    InternallyDisplaced,
    LowIncomeFamilies,
    FamiliesRaisingChildWithDisability,
    PeopleWithDisabilities,
    OlderPeople,
    ResidentsOfInstitutions,
    Veterans,
    ChildrenWithoutParentalCare,
    Youth,
    PeopleInCrisis,
}

public sealed class ServiceTargetGroup : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public TargetGroup Group { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.ComplexProperty(s => s.Name, n => n.IsMultilingual("Name", 300));
        b.ComplexProperty(s => s.Description, n => n.IsMultilingual("Description", 4000));
        b.ComplexProperty(s => s.ApplicationProcess, n => n.IsMultilingual("ApplicationProcess", 2000));
        b.ComplexProperty(s => s.Eligibility, n => n.IsMultilingual("Eligibility", 2000));
        b.Property(s => s.AlternateName).HasMaxLength(300);
        b.Property(s => s.Url).HasMaxLength(300);
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.InterpretationServices).HasMaxLength(500);
        b.Property(s => s.FeesDescription).HasMaxLength(1000);
        b.Property(s => s.WaitTime).HasMaxLength(200);
        b.Property(s => s.Alert).HasMaxLength(1000);
        b.Property(s => s.UnitCost).HasPrecision(14, 2);
        b.Property(s => s.UnitCostCurrency).HasMaxLength(3);
        b.Property(s => s.LastVerifiedBy).HasMaxLength(256);
        b.Property(s => s.SearchText).HasMaxLength(12000);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.TargetGroups).WithOne().HasForeignKey(g => g.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Terms).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Phones).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Schedules).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Languages).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Funding).WithOne().HasForeignKey(f => f.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.CostOptions).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.RequiredDocuments).WithOne().HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Contacts).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Locations).WithOne(l => l.Service).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.OrganisationId);
        b.HasIndex(s => new { s.Status, s.LastModified });
        b.HasIndex(s => s.LastVerifiedAt);
    }
}

internal sealed class ServiceTargetGroupConfiguration : IEntityTypeConfiguration<ServiceTargetGroup>
{
    public void Configure(EntityTypeBuilder<ServiceTargetGroup> b)
    {
        b.Property(g => g.Id).ValueGeneratedNever();
        b.HasIndex(g => new { g.ServiceId, g.Group }).IsUnique();
        b.Property(g => g.Group).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(g => new { g.Group, g.ServiceId });
    }
}
