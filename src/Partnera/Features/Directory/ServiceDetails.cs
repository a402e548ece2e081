using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Directory;

// The HSDS objects that hang off a service (some also off a location or an organisation). Each names the
// record it belongs to in the audit log, so a service's whole history reads in one place.

/// <summary>HSDS phone: a number of a service, a location or an organisation.</summary>
public sealed class Phone : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public string Number { get; set; } = "";
    public string? Extension { get; set; }
    public PhoneType Type { get; set; } = PhoneType.Voice;
    public string? Description { get; set; }

    string IAudited.AuditSubject => ServiceId is { } s ? $"{nameof(Service)}:{s}" : $"{nameof(Location)}:{LocationId}";
}

public enum PhoneType
{
    Voice,
    Text,
    Fax,
    Cell,
    Video,
    Pager,
    Textphone,
}

/// <summary>
/// HSDS schedule: when a service or location is open, as RFC 5545 recurrence fields. A lunch break is two
/// schedules on the same days (08:30–13:00 and 14:00–17:30).
/// </summary>
public sealed class Schedule : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateOnly? DtStart { get; set; }
    public DateOnly? Until { get; set; }
    public int? Count { get; set; }
    public string? Wkst { get; set; }
    public ScheduleFrequency? Freq { get; set; } = ScheduleFrequency.Weekly;
    public int? Interval { get; set; }
    /// <summary>RFC 5545 BYDAY, e.g. "MO,TU,WE,TH,FR".</summary>
    public string? ByDay { get; set; }
    public string? ByWeekNo { get; set; }
    public string? ByMonthDay { get; set; }
    public string? ByYearDay { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public string? Description { get; set; }
    public string? ScheduleLink { get; set; }
    public string? AttendingType { get; set; }
    public string? Notes { get; set; }

    string IAudited.AuditSubject => ServiceId is { } s ? $"{nameof(Service)}:{s}" : $"{nameof(Location)}:{LocationId}";
}

public enum ScheduleFrequency
{
    Weekly,
    Monthly,
}

/// <summary>HSDS service_area; <see cref="TerritoryId"/> ties it to the territory tree so the finder can match communities.</summary>
public sealed class ServiceArea : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid? TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Uri { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

/// <summary>HSDS language a service is delivered in (ISO 639 code).</summary>
public sealed class ServiceLanguage : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public string? Note { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

/// <summary>HSDS funding of a service, with the kind of source the costing uses.</summary>
public sealed class Funding : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public FundingSource Kind { get; set; }
    public string? Source { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

public enum FundingSource
{
    LocalBudget,
    StateBudget,
    Donor,
    Fees,
    Other,
}

/// <summary>HSDS cost_option: what a service costs the person who uses it.</summary>
public sealed class CostOption : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Option { get; set; }
    public string? Currency { get; set; }
    public decimal? Amount { get; set; }
    public string? AmountDescription { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

/// <summary>HSDS required_document: what a person brings to apply.</summary>
public sealed class RequiredDocument : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public string Document { get; set; } = "";
    public string? Uri { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

/// <summary>HSDS contact: a named person or desk for a service.</summary>
public sealed class Contact : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

internal sealed class ServiceDetailConfigurations :
    IEntityTypeConfiguration<Phone>, IEntityTypeConfiguration<Schedule>, IEntityTypeConfiguration<ServiceArea>,
    IEntityTypeConfiguration<ServiceLanguage>, IEntityTypeConfiguration<Funding>, IEntityTypeConfiguration<CostOption>,
    IEntityTypeConfiguration<RequiredDocument>, IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Phone> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(60);
        b.Property(x => x.Extension).HasMaxLength(20);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(300);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.LocationId);
    }

    public void Configure(EntityTypeBuilder<Schedule> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Freq).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Wkst).HasMaxLength(2);
        b.Property(x => x.ByDay).HasMaxLength(40);
        b.Property(x => x.ByWeekNo).HasMaxLength(100);
        b.Property(x => x.ByMonthDay).HasMaxLength(100);
        b.Property(x => x.ByYearDay).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.ScheduleLink).HasMaxLength(300);
        b.Property(x => x.AttendingType).HasMaxLength(100);
        b.Property(x => x.Notes).HasMaxLength(500);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.LocationId);
    }

    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Uri).HasMaxLength(300);
        b.HasOne(x => x.Territory).WithMany().HasForeignKey(x => x.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => new { x.TerritoryId, x.ServiceId });
    }

    public void Configure(EntityTypeBuilder<ServiceLanguage> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(300);
        b.HasIndex(x => new { x.ServiceId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.Code, x.ServiceId });
    }

    public void Configure(EntityTypeBuilder<Funding> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Source).HasMaxLength(300);
        b.HasIndex(x => x.ServiceId);
    }

    public void Configure(EntityTypeBuilder<CostOption> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Option).HasMaxLength(300);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.AmountDescription).HasMaxLength(300);
        b.HasIndex(x => x.ServiceId);
    }

    public void Configure(EntityTypeBuilder<RequiredDocument> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Document).HasMaxLength(300);
        b.Property(x => x.Uri).HasMaxLength(300);
        b.HasIndex(x => x.ServiceId);
    }

    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Department).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasIndex(x => x.ServiceId);
    }
}
