using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Memoranda;

/// <summary>A memorandum of cooperation or agreement between organisations.</summary>
public sealed class Memorandum : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MultilingualText Title { get; set; } = new();
    public string? Number { get; set; }
    public MemorandumKind Kind { get; set; }
    public MemorandumStatus Status { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Scope { get; set; }
    public Guid? DocumentId { get; set; }
    public StoredDocument? Document { get; set; }
    public List<MemorandumParty> Parties { get; set; } = [];
    public List<JointInitiative> Initiatives { get; set; } = [];
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = SearchKey.For(Title.AllForms().Append(Number).Append(Scope));
}

public enum MemorandumKind
{
    Memorandum,
    CooperationAgreement,
    GrantAgreement,
    ServiceContract,
}

public enum MemorandumStatus
{
    Draft,
    Signed,
    InForce,
    Expired,
    Terminated,
}

public sealed class MemorandumParty : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemorandumId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string? SignatoryName { get; set; }

    string IAudited.AuditSubject => $"{nameof(Memorandum)}:{MemorandumId}";
}

/// <summary>A joint initiative carried out under a memorandum.</summary>
public sealed class JointInitiative : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemorandumId { get; set; }
    public MultilingualText Title { get; set; } = new();
    public string? Description { get; set; }
    public Guid ResponsibleOrganisationId { get; set; }
    public Organisation? ResponsibleOrganisation { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public InitiativeStatus Status { get; set; }

    string IAudited.AuditSubject => $"{nameof(Memorandum)}:{MemorandumId}";
}

public enum InitiativeStatus
{
    Planned,
    InProgress,
    Completed,
    Cancelled,
}

internal sealed class MemorandumConfiguration : IEntityTypeConfiguration<Memorandum>
{
    public void Configure(EntityTypeBuilder<Memorandum> b)
    {
        b.Property(m => m.Id).ValueGeneratedNever();
        b.ComplexProperty(m => m.Title, t => t.IsMultilingual("Title", 500));
        b.Property(m => m.Number).HasMaxLength(60);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Scope).HasMaxLength(4000);
        b.Property(m => m.SearchText).HasMaxLength(6000);
        b.HasOne(m => m.Document).WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.Parties).WithOne().HasForeignKey(p => p.MemorandumId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Initiatives).WithOne().HasForeignKey(i => i.MemorandumId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.SignedOn);
    }
}

internal sealed class MemorandumPartyConfiguration : IEntityTypeConfiguration<MemorandumParty>
{
    public void Configure(EntityTypeBuilder<MemorandumParty> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.SignatoryName).HasMaxLength(200);
        b.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MemorandumId, p.OrganisationId }).IsUnique();
        b.HasIndex(p => p.OrganisationId);
    }
}

internal sealed class JointInitiativeConfiguration : IEntityTypeConfiguration<JointInitiative>
{
    public void Configure(EntityTypeBuilder<JointInitiative> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.ComplexProperty(i => i.Title, t => t.IsMultilingual("Title", 500));
        b.Property(i => i.Description).HasMaxLength(4000);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne(i => i.ResponsibleOrganisation).WithMany().HasForeignKey(i => i.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.MemorandumId);
        b.HasIndex(i => i.ResponsibleOrganisationId);
    }
}
