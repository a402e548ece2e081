using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Features.Directory.Search;

/// <summary>
/// One phonetic key (a word or a one-letter deletion of it) under which a service is found, with the weight of
/// where the word came from. Finding is an indexed equality lookup on <see cref="Key"/>, the same on SQLite and PostgreSQL.
/// The key is (service, key): a search within a territory probes it for just that territory's services, and a
/// service's keys are rewritten by its prefix. The second index holds key, service and weight, so a search across the
/// whole directory is answered from the index alone, without visiting the table's scattered rows.
/// </summary>
public sealed class ServiceSearchKey
{
    public string Key { get; set; } = "";
    public Guid ServiceId { get; set; }
    public byte Weight { get; set; }
}

internal sealed class ServiceSearchKeyConfiguration : IEntityTypeConfiguration<ServiceSearchKey>
{
    public void Configure(EntityTypeBuilder<ServiceSearchKey> b)
    {
        b.HasKey(k => new { k.ServiceId, k.Key });
        b.Property(k => k.Key).HasMaxLength(64);
        b.HasIndex(k => new { k.Key, k.ServiceId, k.Weight });
        b.HasOne<Service>().WithMany().HasForeignKey(k => k.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
