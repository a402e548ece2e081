using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Needs.Answers;

/// <summary>
/// One household's answers in a campaign, in the questionnaire version it answered. When it names the household
/// (contact, address, phone) it is personal data: it needs recorded consent, only the working group's organisations
/// read it, and every read and change is audited under the household's own subject.
/// </summary>
public sealed class HouseholdResponse : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid QuestionnaireId { get; set; }
    public Guid CommunityId { get; set; }
    public ResponseSource Source { get; set; }
    public bool Anonymous { get; set; }
    [PersonalData] public string? ContactName { get; set; }
    [PersonalData] public string? Address { get; set; }
    [PersonalData] public string? Phone { get; set; }
    public bool ConsentGiven { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }
    public string? ConsentRecordedBy { get; set; }
    public DateTime EnteredAt { get; set; }
    public string? EnteredBy { get; set; }
    public List<Answer> Answers { get; set; } = [];

    string IAudited.AuditSubject => $"{nameof(HouseholdResponse)}:{Id}";
}

public enum ResponseSource
{
    Staff,
    Online,
    Import,
}

/// <summary>One answer: a chosen option (one row per option of a multiple choice), a number, a text, a date or yes/no.</summary>
public sealed class Answer : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResponseId { get; set; }
    public string QuestionCode { get; set; } = "";
    /// <summary>The chosen option's code, or "yes"/"no".</summary>
    [PersonalData] public string? OptionCode { get; set; }
    [PersonalData] public decimal? Number { get; set; }
    [PersonalData] public string? Text { get; set; }
    [PersonalData] public DateOnly? Date { get; set; }

    string IAudited.AuditSubject => $"{nameof(HouseholdResponse)}:{ResponseId}";
}

internal sealed class HouseholdResponseConfiguration : IEntityTypeConfiguration<HouseholdResponse>
{
    public void Configure(EntityTypeBuilder<HouseholdResponse> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.ContactName).HasMaxLength(200);
        b.Property(r => r.Address).HasMaxLength(300);
        b.Property(r => r.Phone).HasMaxLength(60);
        b.Property(r => r.ConsentRecordedBy).HasMaxLength(256);
        b.Property(r => r.EnteredBy).HasMaxLength(256);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territories.Territory>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.CampaignId, r.CommunityId });
        b.HasIndex(r => r.QuestionnaireId);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> b)
    {
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.QuestionCode).HasMaxLength(20);
        b.Property(a => a.OptionCode).HasMaxLength(40);
        b.Property(a => a.Number).HasPrecision(18, 4);
        b.Property(a => a.Text).HasMaxLength(2000);
        b.HasIndex(a => new { a.ResponseId, a.QuestionCode });
    }
}
