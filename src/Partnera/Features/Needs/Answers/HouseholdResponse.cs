using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
    [PersonalData] public List<Answer> Answers { get; set; } = [];

    /// <summary>Whether the answers name who gave them; anonymous answers are not personal data.</summary>
    public bool NamesHousehold => ContactName is not null || Address is not null || Phone is not null;

    string IAudited.AuditSubject => $"{nameof(HouseholdResponse)}:{Id}";
}

public enum ResponseSource
{
    Staff,
    Online,
    Import,
}

/// <summary>
/// One answer: a chosen option (one per option of a multiple choice), a number, a text, a date or yes/no. A
/// household's answers are stored together as one JSON array on its row (short keys keep 2 million households
/// small); analysis reads the tallies, never these arrays.
/// </summary>
public sealed class Answer
{
    [JsonPropertyName("q")] public string QuestionCode { get; set; } = "";
    /// <summary>The chosen option's code, or "yes"/"no".</summary>
    [JsonPropertyName("o")] public string? OptionCode { get; set; }
    [JsonPropertyName("n")] public decimal? Number { get; set; }
    [JsonPropertyName("t")] public string? Text { get; set; }
    [JsonPropertyName("d")] public DateOnly? Date { get; set; }

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string ToJson(List<Answer> answers) => JsonSerializer.Serialize(answers, Json);

    public static List<Answer> FromJson(string json) => JsonSerializer.Deserialize<List<Answer>>(json, Json) ?? [];

    /// <summary>Stores the list as its JSON text; two lists are the same when their JSON is.</summary>
    internal static void Map(PropertyBuilder<List<Answer>> property) =>
        property.HasConversion(new ValueConverter<List<Answer>, string>(a => ToJson(a), s => FromJson(s)),
            new ValueComparer<List<Answer>>((a, b) => ToJson(a!) == ToJson(b!), a => ToJson(a).GetHashCode(StringComparison.Ordinal), a => FromJson(ToJson(a))))
            .IsRequired();
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
        // On PostgreSQL these three keys are enforced per statement by triggers, not by foreign-key constraints
        // (migration HouseholdReferencesCheckedPerStatement: row checks were most of a large import's time); a change
        // to them needs a migration that changes those triggers.
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territories.Territory>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        Answer.Map(b.Property(r => r.Answers));
        b.HasIndex(r => new { r.CampaignId, r.CommunityId });
        b.HasIndex(r => r.QuestionnaireId);
    }
}
