using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>What an authority specialist fills in to draft or change a plan.</summary>
public sealed class PlanInput
{
    [Required, StringLength(300), Display(Name = "Plan_Title")]
    public string? Title { get; set; }

    [Translations(300), Display(Name = "Plan_Title")]
    public Dictionary<string, string?> TitleTranslations { get; set; } = [];

    [Required, Display(Name = "Plan_Kind")]
    public PlanKind? Kind { get; set; }

    [Required, Display(Name = "Plan_Territory")]
    public Guid? TerritoryId { get; set; }

    [Required, Range(2000, 2100), Display(Name = "Plan_FirstYear")]
    public int? FirstYear { get; set; }

    [Required, Range(2000, 2100), Display(Name = "Plan_LastYear")]
    public int? LastYear { get; set; }

    [Required, Display(Name = "Plan_Owner")]
    public Guid? OwnerId { get; set; }

    public const int LongestSpan = 10;

    /// <summary>The rules across fields, as (field, message key).</summary>
    public IEnumerable<(string Field, string Key)> Problems()
    {
        if (FirstYear is { } first && LastYear is { } last)
        {
            if (last < first) yield return (nameof(LastYear), "Plan_YearsOrder");
            else if (last - first + 1 > LongestSpan) yield return (nameof(LastYear), "Plan_YearsSpan");
        }
    }

    public static PlanInput New(int year, Guid? owner) => new() { Kind = PlanKind.SocialServicePlan, FirstYear = year + 1, LastYear = year + 3, OwnerId = owner };

    public static PlanInput From(CommunityPlan p) => new()
    {
        Title = p.Title.Value,
        TitleTranslations = Translations.ToInput(p.Title),
        Kind = p.Kind,
        TerritoryId = p.TerritoryId,
        FirstYear = p.FirstYear,
        LastYear = p.LastYear,
        OwnerId = p.OwnerId,
    };

    public void Apply(CommunityPlan p)
    {
        p.Title = Translations.ToText(Title!, TitleTranslations);
        p.Kind = Kind!.Value;
        p.TerritoryId = TerritoryId!.Value;
        p.FirstYear = FirstYear!.Value;
        p.LastYear = LastYear!.Value;
        p.OwnerId = OwnerId!.Value;
    }
}
