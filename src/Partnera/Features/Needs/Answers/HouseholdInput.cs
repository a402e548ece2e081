using System.ComponentModel.DataAnnotations;
using Partnera.Features.Organisations;

namespace Partnera.Features.Needs.Answers;

/// <summary>Who answered: the community, and either consent with contact details or an anonymous answer.</summary>
public sealed class HouseholdInput
{
    [Required, Display(Name = "Household_Community")] public Guid? CommunityId { get; set; }
    [Display(Name = "Household_Anonymous")] public bool Anonymous { get; set; }
    [StringLength(200), Display(Name = "Household_ContactName")] public string? ContactName { get; set; }
    [StringLength(300), Display(Name = "Household_Address")] public string? Address { get; set; }
    [StringLength(60), RegularExpression(OrganisationInput.PhonePattern), Display(Name = "Household_Phone")] public string? Phone { get; set; }
    [Display(Name = "Household_Consent")] public bool ConsentGiven { get; set; }

    /// <summary>The household rules: consent unless anonymous, and no contact details on an anonymous answer.</summary>
    public IEnumerable<(string Field, string Key)> Problems()
    {
        var named = !string.IsNullOrWhiteSpace(ContactName) || !string.IsNullOrWhiteSpace(Address) || !string.IsNullOrWhiteSpace(Phone);
        if (Anonymous && named) yield return (nameof(ContactName), "Household_AnonymousWithContact");
        if (!Anonymous && !ConsentGiven) yield return (nameof(ConsentGiven), "Household_ConsentRequired");
    }
}
