using System.ComponentModel.DataAnnotations;
using Partnera.Features.Directory;

namespace Partnera.Features.People;

/// <summary>A person as staff type them in: names as in the documents, and what needs the person's consent.</summary>
public sealed class PersonInput
{
    [Required, StringLength(100), Display(Name = "Person_FamilyName")] public string? FamilyName { get; set; }
    [Required, StringLength(100), Display(Name = "Person_GivenName")] public string? GivenName { get; set; }
    [StringLength(100), Display(Name = "Person_Patronymic")] public string? Patronymic { get; set; }
    [StringLength(200), Display(Name = "Person_LatinName")] public string? LatinName { get; set; }
    [Display(Name = "Person_BirthDate")] public DateOnly? BirthDate { get; set; }
    [Display(Name = "Person_Sex")] public Sex? Sex { get; set; }
    [StringLength(40), Phone, Display(Name = "Person_Phone")] public string? Phone { get; set; }
    [StringLength(256), EmailAddress, Display(Name = "Person_Email")] public string? Email { get; set; }
    [StringLength(500), Display(Name = "Person_Address")] public string? Address { get; set; }
    [Display(Name = "Person_Community")] public Guid? TerritoryId { get; set; }
    [Display(Name = "Person_DocumentKind")] public DocumentKind? DocumentKind { get; set; }
    [StringLength(60), Display(Name = "Person_DocumentNumber")] public string? DocumentNumber { get; set; }
    [Display(Name = "Person_Categories")] public List<TargetGroup> Categories { get; set; } = [];
    /// <summary>Since when the person belongs to each group ticked (the day it is recorded, when left empty).</summary>
    [Display(Name = "Person_CategorySince")] public Dictionary<TargetGroup, DateOnly?> CategorySince { get; set; } = [];
    /// <summary>The relation to the head of the household, for a member of one; none takes the person out of it.</summary>
    [Display(Name = "Person_Relation")] public HouseholdRelation? Relation { get; set; }

    /// <summary>Whether anything beyond the names was typed: that needs the person's consent.</summary>
    public IEnumerable<string> NeedingConsent()
    {
        if (BirthDate is not null) yield return nameof(BirthDate);
        if (Sex is not null) yield return nameof(Sex);
        if (!string.IsNullOrWhiteSpace(Phone)) yield return nameof(Phone);
        if (!string.IsNullOrWhiteSpace(Email)) yield return nameof(Email);
        if (!string.IsNullOrWhiteSpace(Address)) yield return nameof(Address);
        if (TerritoryId is not null) yield return nameof(TerritoryId);
        if (!string.IsNullOrWhiteSpace(DocumentNumber)) yield return nameof(DocumentNumber);
        if (Categories.Count > 0) yield return nameof(Categories);
        if (Relation is not null) yield return nameof(Relation);
    }

    public static PersonInput From(Person p) => new()
    {
        FamilyName = p.FamilyName,
        GivenName = p.GivenName,
        Patronymic = p.Patronymic,
        LatinName = p.LatinName,
        BirthDate = p.BirthDate,
        Sex = p.Sex,
        Phone = p.Phone,
        Email = p.Email,
        Address = p.Address,
        TerritoryId = p.TerritoryId,
        DocumentKind = p.Documents.FirstOrDefault()?.Kind,
        DocumentNumber = p.Documents.FirstOrDefault()?.Number,
        Categories = p.Categories.Where(c => c.Until is null).Select(c => c.Group).ToList(),
        CategorySince = p.Categories.Where(c => c.Until is null).DistinctBy(c => c.Group).ToDictionary(c => c.Group, c => (DateOnly?)c.From),
        Relation = p.Relation,
    };
}

/// <summary>The consent as recorded with the registration or later.</summary>
public sealed class ConsentInput
{
    [Display(Name = "Consent_Given")] public bool Given { get; set; }
    [StringLength(1000), Display(Name = "Consent_Purpose")] public string? Purpose { get; set; }
    [Display(Name = "Consent_GivenOn")] public DateOnly? GivenOn { get; set; }
}
