using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs;

/// <summary>What an authority specialist fills in to open or change an assessment campaign.</summary>
public sealed class CampaignInput
{
    [Required, StringLength(300), Display(Name = "Campaign_Title")]
    public string? Title { get; set; }

    [Translations(300), Display(Name = "Campaign_Title")]
    public Dictionary<string, string?> TitleTranslations { get; set; } = [];

    [Required, Display(Name = "Campaign_PeriodStarts")]
    public DateOnly? PeriodStarts { get; set; }

    [Required, Display(Name = "Campaign_PeriodEnds")]
    public DateOnly? PeriodEnds { get; set; }

    [Required, Display(Name = "Campaign_CollectionStarts")]
    public DateOnly? CollectionStarts { get; set; }

    [Required, Display(Name = "Campaign_CollectionEnds")]
    public DateOnly? CollectionEnds { get; set; }

    [Required, Display(Name = "Campaign_Status")]
    public CampaignStatus? Status { get; set; }

    [StringLength(4000), Display(Name = "Campaign_Description")]
    public string? Description { get; set; }

    [Display(Name = "Campaign_Communities")]
    public List<Guid> CommunityIds { get; set; } = [];

    [Display(Name = "Campaign_WorkingGroup")]
    public List<Guid> WorkingGroupIds { get; set; } = [];

    /// <summary>A new campaign for the coming three years, with the usual collection window of its first year.</summary>
    public static CampaignInput New(DateOnly today, IEnumerable<Guid> ownOrganisations)
    {
        var (starts, ends) = AssessmentCampaign.UsualCollection(today.Year);
        return new CampaignInput
        {
            PeriodStarts = new DateOnly(today.Year, 1, 1),
            PeriodEnds = new DateOnly(today.Year + 2, 12, 31),
            CollectionStarts = starts,
            CollectionEnds = ends,
            Status = CampaignStatus.Planned,
            WorkingGroupIds = [.. ownOrganisations],
        };
    }

    public static CampaignInput From(AssessmentCampaign c) => new()
    {
        Title = c.Title.Value,
        TitleTranslations = Translations.ToInput(c.Title),
        PeriodStarts = c.PeriodStarts,
        PeriodEnds = c.PeriodEnds,
        CollectionStarts = c.CollectionStarts,
        CollectionEnds = c.CollectionEnds,
        Status = c.Status,
        Description = c.Description,
        CommunityIds = c.Communities.Select(x => x.TerritoryId).ToList(),
        WorkingGroupIds = c.WorkingGroup.Select(x => x.OrganisationId).ToList(),
    };
}
