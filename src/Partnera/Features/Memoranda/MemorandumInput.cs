using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Memoranda;

public sealed class MemorandumInput
{
    [Required, StringLength(500), Display(Name = "Memorandum_Title")]
    public string? Title { get; set; }

    [Translations(500), Display(Name = "Memorandum_Title")]
    public Dictionary<string, string?> TitleTranslations { get; set; } = [];

    [StringLength(60), Display(Name = "Memorandum_Number")]
    public string? Number { get; set; }

    [Required, Display(Name = "Memorandum_Kind")]
    public MemorandumKind? Kind { get; set; }

    [Required, Display(Name = "Memorandum_Status")]
    public MemorandumStatus? Status { get; set; }

    [Display(Name = "Memorandum_SignedOn")]
    public DateOnly? SignedOn { get; set; }

    [Display(Name = "Memorandum_ValidFrom")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Memorandum_ValidTo")]
    public DateOnly? ValidTo { get; set; }

    [StringLength(4000), Display(Name = "Memorandum_Scope")]
    public string? Scope { get; set; }

    [Display(Name = "Memorandum_Parties")]
    public List<Guid> PartyIds { get; set; } = [];

    public static MemorandumInput From(Memorandum m) => new()
    {
        Title = m.Title.Value,
        TitleTranslations = Translations.ToInput(m.Title),
        Number = m.Number,
        Kind = m.Kind,
        Status = m.Status,
        SignedOn = m.SignedOn,
        ValidFrom = m.ValidFrom,
        ValidTo = m.ValidTo,
        Scope = m.Scope,
        PartyIds = m.Parties.Select(p => p.OrganisationId).ToList(),
    };
}

public sealed class InitiativeInput
{
    [Required, StringLength(500), Display(Name = "Initiative_Title")]
    public string? Title { get; set; }

    [Translations(500), Display(Name = "Initiative_Title")]
    public Dictionary<string, string?> TitleTranslations { get; set; } = [];

    [StringLength(4000), Display(Name = "Initiative_Description")]
    public string? Description { get; set; }

    [Required, Display(Name = "Initiative_Responsible")]
    public Guid? ResponsibleOrganisationId { get; set; }

    [Display(Name = "Initiative_StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Initiative_EndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Required, Display(Name = "Initiative_Status")]
    public InitiativeStatus? Status { get; set; }

    public static InitiativeInput From(JointInitiative i) => new()
    {
        Title = i.Title.Value,
        TitleTranslations = Translations.ToInput(i.Title),
        Description = i.Description,
        ResponsibleOrganisationId = i.ResponsibleOrganisationId,
        StartsOn = i.StartsOn,
        EndsOn = i.EndsOn,
        Status = i.Status,
    };
}
