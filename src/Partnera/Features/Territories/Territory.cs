using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>A place in the administrative tree: country → region → district → community.</summary>
public sealed class Territory : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ParentId { get; set; }
    public Territory? Parent { get; set; }
    public TerritoryLevel Level { get; set; }
    public MultilingualText Name { get; set; } = new();
    /// <summary>Official code, e.g. a KATOTTH code (UA), CUATM code (MD), SOATO code (BY), ISO 3166 for a country.</summary>
    public string? Code { get; set; }
    public string? CodeSystem { get; set; }
    public int? Population { get; set; }
    /// <summary>True where the population is our estimate rather than an official figure.</summary>
    public bool PopulationIsEstimate { get; set; }
    /// <summary>IANA time zone for working hours, deadlines and "open now".</summary>
    public string TimeZone { get; set; } = "Europe/Kyiv";
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = SearchKey.For(Name.AllForms().Append(Code));
}

public enum TerritoryLevel
{
    Country = 0,
    Region = 1,
    District = 2,
    Community = 3,
}

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.ComplexProperty(t => t.Name, n => n.IsMultilingual("Name", 300));
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.CodeSystem).HasMaxLength(20);
        b.Property(t => t.TimeZone).HasMaxLength(64);
        b.Property(t => t.SearchText).HasMaxLength(2000);
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasIndex(t => new { t.ParentId, t.Level });
    }
}
