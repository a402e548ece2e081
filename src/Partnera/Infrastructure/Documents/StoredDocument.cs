using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Infrastructure.Documents;

/// <summary>
/// An uploaded file kept in the database, so every app instance can serve it and no name
/// a user typed ever reaches the file system.
/// </summary>
public sealed class StoredDocument : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The name shown for download; never used as a path.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedBy { get; set; }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> b)
    {
        b.ToTable("Documents");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
    }
}
