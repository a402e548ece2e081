using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>What a page form and the API give to create or change an organisation.</summary>
public sealed class OrganisationInput
{
    [Required, StringLength(300), Display(Name = "Organisation_Name")]
    public string? Name { get; set; }

    [Translations(300), Display(Name = "Organisation_Name")]
    public Dictionary<string, string?> NameTranslations { get; set; } = [];

    [StringLength(100), Display(Name = "Organisation_ShortName")]
    public string? ShortName { get; set; }

    [Required, Display(Name = "Organisation_Kind")]
    public OrganisationKind? Kind { get; set; }

    [StringLength(4000), Display(Name = "Organisation_Description")]
    public string? Description { get; set; }

    [Display(Name = "Organisation_Territory")]
    public Guid? TerritoryId { get; set; }

    [Display(Name = "Organisation_ServedTerritories")]
    public List<Guid> ServedTerritoryIds { get; set; } = [];

    [StringLength(300), Display(Name = "Organisation_Address")]
    public string? Address { get; set; }

    [StringLength(20), Display(Name = "Organisation_PostalCode")]
    public string? PostalCode { get; set; }

    [StringLength(100), RegularExpression(PhonePattern), Display(Name = "Organisation_ReceptionPhone")]
    public string? ReceptionPhone { get; set; }

    [StringLength(100), RegularExpression(PhonePattern), Display(Name = "Organisation_Hotline")]
    public string? Hotline { get; set; }

    [StringLength(256), EmailAddress, Display(Name = "Organisation_Email")]
    public string? Email { get; set; }

    [StringLength(300), Url, Display(Name = "Organisation_Website")]
    public string? Website { get; set; }

    [Display(Name = "Organisation_SocialLinks")]
    public List<string> SocialLinks { get; set; } = [];

    [Display(Name = "Organisation_WorkingHours")]
    public List<WorkingDayInput> WorkingHours { get; set; } = [];

    /// <summary>Digits, spaces, brackets, dashes, a leading plus and commas between several numbers.</summary>
    public const string PhonePattern = @"^[+0-9][0-9 ()\-,+]*$";

    public static OrganisationInput From(Organisation o) => new()
    {
        Name = o.Name.Value,
        NameTranslations = Translations.ToInput(o.Name),
        ShortName = o.ShortName,
        Kind = o.Kind,
        Description = o.Description,
        TerritoryId = o.TerritoryId,
        ServedTerritoryIds = o.ServedTerritories.Select(t => t.TerritoryId).ToList(),
        Address = o.Address,
        PostalCode = o.PostalCode,
        ReceptionPhone = o.ReceptionPhone,
        Hotline = o.Hotline,
        Email = o.Email,
        Website = o.Website,
        SocialLinks = [.. o.SocialLinks],
        WorkingHours = o.WorkingHours.OrderBy(d => (int)d.Day).Select(d => new WorkingDayInput
        {
            Day = d.Day,
            Opens = d.Opens,
            Closes = d.Closes,
            BreakStarts = d.BreakStarts,
            BreakEnds = d.BreakEnds,
        }).ToList(),
    };
}

/// <summary>Hours on one weekday; a day without opening and closing times is a day off.</summary>
public sealed class WorkingDayInput
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Opens { get; set; }
    public TimeOnly? Closes { get; set; }
    public TimeOnly? BreakStarts { get; set; }
    public TimeOnly? BreakEnds { get; set; }
}
