using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>What a page form, the API and the CSV import give to create or change a territory.</summary>
public sealed class TerritoryInput
{
    [Required, StringLength(300), Display(Name = "Territory_Name")]
    public string? Name { get; set; }

    [Translations(300), Display(Name = "Territory_Name")]
    public Dictionary<string, string?> NameTranslations { get; set; } = [];

    [Required, Display(Name = "Territory_Level")]
    public TerritoryLevel? Level { get; set; }

    [Display(Name = "Territory_Parent")]
    public Guid? ParentId { get; set; }

    [StringLength(40), Display(Name = "Territory_Code")]
    public string? Code { get; set; }

    [StringLength(20), Display(Name = "Territory_CodeSystem")]
    public string? CodeSystem { get; set; }

    [Range(0, 2_000_000_000), Display(Name = "Territory_Population")]
    public int? Population { get; set; }

    [Display(Name = "Territory_PopulationIsEstimate")]
    public bool PopulationIsEstimate { get; set; }

    [Required, StringLength(64), Display(Name = "Territory_TimeZone")]
    public string? TimeZone { get; set; } = "Europe/Kyiv";

    public static TerritoryInput From(Territory t) => new()
    {
        Name = t.Name.Value,
        NameTranslations = Translations.ToInput(t.Name),
        Level = t.Level,
        ParentId = t.ParentId,
        Code = t.Code,
        CodeSystem = t.CodeSystem,
        Population = t.Population,
        PopulationIsEstimate = t.PopulationIsEstimate,
        TimeZone = t.TimeZone,
    };
}
