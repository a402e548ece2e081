using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs.Questionnaires;

/// <summary>
/// One version of a campaign's questionnaire. A draft (not yet published) can change; a published version never does,
/// and answers keep the version they were given in. Changing a published questionnaire starts the next version.
/// </summary>
public sealed class Questionnaire : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public int Version { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The <see cref="QuestionnaireDefinition"/> as JSON.</summary>
    public string Definition { get; set; } = "";

    string IAudited.AuditSubject => $"{nameof(AssessmentCampaign)}:{CampaignId}";
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.Property(q => q.Id).ValueGeneratedNever();
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.CampaignId, q.Version }).IsUnique();
    }
}
