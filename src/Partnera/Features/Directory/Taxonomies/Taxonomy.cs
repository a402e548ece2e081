using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Taxonomies;

/// <summary>An HSDS taxonomy: a classifier of social services with the legal act it comes from.</summary>
public sealed class Taxonomy
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string? Country { get; set; }
    public MultilingualText Name { get; set; } = new();
    public string? Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
    public string? LegalAct { get; set; }
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

/// <summary>An HSDS taxonomy_term: one category of a classifier, possibly under a parent category.</summary>
public sealed class TaxonomyTerm
{
    public Guid Id { get; set; }
    public Guid TaxonomyId { get; set; }
    public Taxonomy? Taxonomy { get; set; }
    public Guid? ParentId { get; set; }
    public string Code { get; set; } = "";
    public MultilingualText Name { get; set; } = new();
    public string? Description { get; set; }
    public int Order { get; set; }
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = SearchKey.For(Name.AllForms().Append(Code));
}

/// <summary>A service's category in a taxonomy (a service may carry terms of several taxonomies).</summary>
public sealed class ServiceTerm : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Guid TaxonomyTermId { get; set; }
    public TaxonomyTerm? Term { get; set; }

    string IAudited.AuditSubject => $"{nameof(Service)}:{ServiceId}";
}

internal sealed class TaxonomyConfigurations :
    IEntityTypeConfiguration<Taxonomy>, IEntityTypeConfiguration<TaxonomyTerm>, IEntityTypeConfiguration<ServiceTerm>
{
    public void Configure(EntityTypeBuilder<Taxonomy> b)
    {
        b.ToTable("Taxonomies");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Code).HasMaxLength(60);
        b.Property(t => t.Country).HasMaxLength(2);
        b.ComplexProperty(t => t.Name, n => n.IsMultilingual("Name", 300));
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.Uri).HasMaxLength(300);
        b.Property(t => t.Version).HasMaxLength(40);
        b.Property(t => t.LegalAct).HasMaxLength(1000);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasMany(t => t.Terms).WithOne(t => t.Taxonomy).HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TaxonomyTerm> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Code).HasMaxLength(80);
        b.ComplexProperty(t => t.Name, n => n.IsMultilingual("Name", 500));
        b.Property(t => t.Description).HasMaxLength(2000);
        b.Property(t => t.SearchText).HasMaxLength(3000);
        b.HasIndex(t => new { t.TaxonomyId, t.Code }).IsUnique();
        b.HasIndex(t => t.ParentId);
    }

    public void Configure(EntityTypeBuilder<ServiceTerm> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne(t => t.Term).WithMany().HasForeignKey(t => t.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.ServiceId, t.TaxonomyTermId }).IsUnique();
        b.HasIndex(t => new { t.TaxonomyTermId, t.ServiceId });
    }
}
