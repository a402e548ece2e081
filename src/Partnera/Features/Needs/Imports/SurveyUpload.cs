using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs.Imports;

/// <summary>
/// A file of paper surveys between upload and save: kept while its columns are mapped and its rows previewed, then
/// deleted once the households are saved or the import is abandoned. Its cells name households, so it is personal
/// data and only the working group reaches it.
/// </summary>
public sealed class SurveyUpload : IAudited
{
    /// <summary>Uploads left unfinished longer than this are deleted with the next upload.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public string FileName { get; set; } = "";
    [PersonalData] public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
    /// <summary>JSON list: for each column of the file, what it holds (see <see cref="ColumnMapping"/>).</summary>
    public string? Mapping { get; set; }

    string IAudited.AuditSubject => $"{nameof(AssessmentCampaign)}:{CampaignId}";
}

internal sealed class SurveyUploadConfiguration : IEntityTypeConfiguration<SurveyUpload>
{
    public void Configure(EntityTypeBuilder<SurveyUpload> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.Mapping).HasMaxLength(20000);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.UploadedAt });
    }
}

/// <summary>Survey files left unimported for longer than <see cref="SurveyUpload.KeptFor"/>: deleted by the hourly job.</summary>
public sealed class ExpiredSurveyUploads(Data.PartneraDbContext db, TimeProvider time) : Infrastructure.Imports.IExpiringUploads
{
    public Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - SurveyUpload.KeptFor;
        return db.SurveyUploads.Where(u => u.UploadedAt < before).ExecuteDeleteAsync(ct);
    }
}
