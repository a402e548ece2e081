using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>An HSDS location: a place (or a virtual presence) where an organisation delivers services.</summary>
public sealed class Location : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public LocationType Type { get; set; } = LocationType.Physical;
    public MultilingualText Name { get; set; } = new();
    public string? Description { get; set; }
    public string? TransportationNotes { get; set; }
    public string? Url { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    /// <summary>The community (or district) the location is in: its time zone decides "open now".</summary>
    public Guid? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public List<Address> Addresses { get; set; } = [];
    public List<Accessibility> Accessibility { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];
}

public enum LocationType
{
    Physical,
    Postal,
    Virtual,
}

/// <summary>An HSDS address of a location.</summary>
public sealed class Address : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocationId { get; set; }
    public string? Attention { get; set; }
    public string Address1 { get; set; } = "";
    public string? Address2 { get; set; }
    public string City { get; set; } = "";
    public string? Region { get; set; }
    public string StateProvince { get; set; } = "";
    public string PostalCode { get; set; } = "";
    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string Country { get; set; } = "";
    public AddressType Type { get; set; } = AddressType.Physical;

    string IAudited.AuditSubject => $"{nameof(Location)}:{LocationId}";
}

public enum AddressType
{
    Physical,
    Postal,
    Virtual,
}

/// <summary>HSDS accessibility of a location (step-free entrance, sign language, …).</summary>
public sealed class Accessibility : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocationId { get; set; }
    public string? Description { get; set; }
    public string? Details { get; set; }
    public string? Url { get; set; }

    string IAudited.AuditSubject => $"{nameof(Location)}:{LocationId}";
}

/// <summary>HSDS service_at_location: a service delivered at a location.</summary>
public sealed class ServiceAtLocation : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    public string? Description { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.ComplexProperty(l => l.Name, n => n.IsMultilingual("Name", 300));
        b.Property(l => l.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Description).HasMaxLength(2000);
        b.Property(l => l.TransportationNotes).HasMaxLength(1000);
        b.Property(l => l.Url).HasMaxLength(300);
        b.Property(l => l.Latitude).HasPrecision(9, 6);
        b.Property(l => l.Longitude).HasPrecision(9, 6);
        b.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Territory).WithMany().HasForeignKey(l => l.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Addresses).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Accessibility).WithOne().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Phones).WithOne().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Schedules).WithOne().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.OrganisationId);
        b.HasIndex(l => l.TerritoryId);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Attention).HasMaxLength(200);
        b.Property(a => a.Address1).HasMaxLength(300);
        b.Property(a => a.Address2).HasMaxLength(300);
        b.Property(a => a.City).HasMaxLength(150);
        b.Property(a => a.Region).HasMaxLength(150);
        b.Property(a => a.StateProvince).HasMaxLength(150);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.Country).HasMaxLength(2);
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => a.LocationId);
    }
}

internal sealed class AccessibilityConfiguration : IEntityTypeConfiguration<Accessibility>
{
    public void Configure(EntityTypeBuilder<Accessibility> b)
    {
        b.ToTable("Accessibility");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.Details).HasMaxLength(1000);
        b.Property(a => a.Url).HasMaxLength(300);
        b.HasIndex(a => a.LocationId);
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasOne(x => x.Location).WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ServiceId, x.LocationId }).IsUnique();
        b.HasIndex(x => x.LocationId);
    }
}
