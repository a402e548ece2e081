using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partnera.Features.Needs.Tallies;

/// <summary>
/// How many households of a community answered a question a given way in one questionnaire version (and, for a number,
/// the sum of the numbers), kept up to date as answers arrive so the gap analysis of a whole country reads thousands
/// of tallies instead of millions of answers. The row with an empty question counts the households themselves.
/// Aggregates only: no household can be told from them.
/// </summary>
public sealed class AnswerTally
{
    /// <summary>The question code of the row that counts households.</summary>
    public const string HouseholdsRow = "";

    /// <summary>The question code of the row that counts households again, with the number of them that named at least one service as needed as its sum.</summary>
    public const string NeedingAnyRow = "*any-need";

    public Guid CampaignId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid QuestionnaireId { get; set; }
    public string QuestionCode { get; set; } = "";
    /// <summary>The option or "yes"/"no"; empty for a number, a text or a date.</summary>
    public string OptionCode { get; set; } = "";
    public int Households { get; set; }
    public double NumberSum { get; set; }
}

/// <summary>
/// Households of a campaign (all communities) that gave both answers: an option that places them in a vulnerable group
/// and a service they need. The registry method's rates per group come from these.
/// </summary>
public sealed class AnswerPairTally
{
    public Guid CampaignId { get; set; }
    public Guid QuestionnaireId { get; set; }
    public string GroupQuestion { get; set; } = "";
    public string GroupOption { get; set; } = "";
    public string NeedQuestion { get; set; } = "";
    public string NeedOption { get; set; } = "";
    public int Households { get; set; }
}

internal sealed class AnswerTallyConfiguration : IEntityTypeConfiguration<AnswerTally>
{
    public void Configure(EntityTypeBuilder<AnswerTally> b)
    {
        b.ToTable("AnswerTallies");
        b.HasKey(x => new { x.CampaignId, x.CommunityId, x.QuestionnaireId, x.QuestionCode, x.OptionCode });
        b.Property(x => x.QuestionCode).HasMaxLength(20);
        b.Property(x => x.OptionCode).HasMaxLength(40);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerPairTallyConfiguration : IEntityTypeConfiguration<AnswerPairTally>
{
    public void Configure(EntityTypeBuilder<AnswerPairTally> b)
    {
        b.ToTable("AnswerPairTallies");
        b.HasKey(x => new { x.CampaignId, x.QuestionnaireId, x.GroupQuestion, x.GroupOption, x.NeedQuestion, x.NeedOption });
        b.Property(x => x.GroupQuestion).HasMaxLength(20);
        b.Property(x => x.GroupOption).HasMaxLength(40);
        b.Property(x => x.NeedQuestion).HasMaxLength(20);
        b.Property(x => x.NeedOption).HasMaxLength(40);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
