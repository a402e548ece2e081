using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Features.Directory.Search;

/// <summary>
/// One phonetic key (a word or a one-letter deletion of it) under which a service is found, with the weight of
/// where the word came from. Finding is an indexed equality lookup on <see cref="Key"/>, the same on SQLite and PostgreSQL.
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
        b.HasKey(k => new { k.Key, k.ServiceId });
        b.Property(k => k.Key).HasMaxLength(64);
        b.HasIndex(k => k.ServiceId);
        b.HasOne<Service>().WithMany().HasForeignKey(k => k.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
