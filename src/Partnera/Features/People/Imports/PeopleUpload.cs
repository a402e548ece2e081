using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People.Imports;

/// <summary>
/// A provider's list of people between upload and save: kept while its columns are mapped and its rows checked, then
/// deleted once the people are saved or the import is abandoned (and after a day in any case). Its cells are personal
/// data: only the user who uploaded it reaches it.
/// </summary>
public sealed class PeopleUpload : IAudited
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The organisation the people are registered for.</summary>
    public Guid OrganisationId { get; set; }
    /// <summary>As uploaded: it can name the people in it, so the audit log never copies it.</summary>
    [PersonalData] public string FileName { get; set; } = "";
    [PersonalData] public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    /// <summary>JSON list: for each column of the file, what it holds (see <see cref="PeopleColumns"/>).</summary>
    public string? Mapping { get; set; }

    string IAudited.AuditSubject => $"{nameof(Organisation)}:{OrganisationId}";
}

internal sealed class PeopleUploadConfiguration : IEntityTypeConfiguration<PeopleUpload>
{
    public void Configure(EntityTypeBuilder<PeopleUpload> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.Mapping).HasMaxLength(20000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UploadedAt);
    }
}

/// <summary>Lists of people left unimported for longer than <see cref="PeopleUpload.KeptFor"/>: deleted by the hourly job.</summary>
public sealed class ExpiredPeopleUploads(Data.PartneraDbContext db, TimeProvider time) : Infrastructure.Imports.IExpiringUploads
{
    public Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - PeopleUpload.KeptFor;
        return db.PeopleUploads.Where(u => u.UploadedAt < before).ExecuteDeleteAsync(ct);
    }
}
