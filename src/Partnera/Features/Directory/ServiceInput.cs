using System.ComponentModel.DataAnnotations;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>What provider staff fill in to describe a service.</summary>
public sealed class ServiceInput
{
    [Required, StringLength(300), Display(Name = "Service_Name")] public string? Name { get; set; }
    [Translations(300), Display(Name = "Service_Name")] public Dictionary<string, string?> NameTranslations { get; set; } = [];
    [StringLength(4000), Display(Name = "Service_Description")] public string? Description { get; set; }
    [StringLength(2000), Display(Name = "Service_Eligibility")] public string? Eligibility { get; set; }
    [StringLength(2000), Display(Name = "Service_HowToApply")] public string? ApplicationProcess { get; set; }
    [Required, Display(Name = "Service_Status")] public ServiceStatus? Status { get; set; } = ServiceStatus.Active;
    [Display(Name = "Finder_Category")] public List<Guid> TermIds { get; set; } = [];
    [Display(Name = "Finder_Group")] public List<TargetGroup> TargetGroups { get; set; } = [];
    [Display(Name = "Service_Where")] public Guid? LocationId { get; set; }
    [Display(Name = "Service_Area")] public List<Guid> AreaTerritoryIds { get; set; } = [];
    [Display(Name = "Finder_Language")] public List<string> Languages { get; set; } = [];
    [Display(Name = "Finder_Free")] public bool FreeOfCharge { get; set; }
    [StringLength(1000), Display(Name = "Service_Fees")] public string? FeesDescription { get; set; }
    [Range(0, 1_000_000), Display(Name = "Service_Capacity")] public int? Capacity { get; set; }
    [Range(0, 1_000_000), Display(Name = "Service_Occupancy")] public int? Occupancy { get; set; }
    [Range(typeof(decimal), "0", "1000000000"), Display(Name = "Service_UnitCost")] public decimal? UnitCost { get; set; }
    [RegularExpression("^[A-Za-z]{3}$"), Display(Name = "Service_Currency")] public string? UnitCostCurrency { get; set; }
    [Display(Name = "Service_Funding")] public FundingSource? Funding { get; set; }
    /// <summary>The service's phone numbers, separated by commas (every number is kept, none is lost on saving).</summary>
    [StringLength(300), RegularExpression(OrganisationInput.PhonePattern), Display(Name = "Service_Phone")] public string? Phone { get; set; }
    [StringLength(256), EmailAddress, Display(Name = "Service_Email")] public string? Email { get; set; }
    [StringLength(300), Url, Display(Name = "Service_Website")] public string? Url { get; set; }
    [Range(0, 120), Display(Name = "Service_MinimumAge")] public int? MinimumAge { get; set; }
    [Range(0, 120), Display(Name = "Service_MaximumAge")] public int? MaximumAge { get; set; }
    [StringLength(3000), Display(Name = "Service_Documents")] public string? RequiredDocuments { get; set; }
    [StringLength(1000), Display(Name = "Service_Alert")] public string? Alert { get; set; }
    [Display(Name = "Service_Hours")] public List<WorkingDayInput> WorkingHours { get; set; } = [];

    public static ServiceInput From(Service s) => new()
    {
        Name = s.Name.Value,
        NameTranslations = Translations.ToInput(s.Name),
        Description = s.Description.Value,
        Eligibility = s.Eligibility.Value,
        ApplicationProcess = s.ApplicationProcess.Value,
        Status = s.Status,
        TermIds = s.Terms.Select(t => t.TaxonomyTermId).ToList(),
        TargetGroups = s.TargetGroups.Select(g => g.Group).ToList(),
        LocationId = s.Locations.Select(l => (Guid?)l.LocationId).FirstOrDefault(),
        AreaTerritoryIds = s.Areas.Where(a => a.TerritoryId != null).Select(a => a.TerritoryId!.Value).ToList(),
        Languages = s.Languages.Select(l => l.Code).ToList(),
        FreeOfCharge = s.FreeOfCharge,
        FeesDescription = s.FeesDescription,
        Capacity = s.Capacity,
        Occupancy = s.Occupancy,
        UnitCost = s.UnitCost,
        UnitCostCurrency = s.UnitCostCurrency,
        Funding = s.Funding.Select(f => (FundingSource?)f.Kind).FirstOrDefault(),
        Phone = s.Phones.Count == 0 ? null : string.Join(", ", s.Phones.Select(p => p.Number)),
        Email = s.Email,
        Url = s.Url,
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        RequiredDocuments = string.Join('\n', s.RequiredDocuments.Select(d => d.Document)),
        Alert = s.Alert,
        WorkingHours = WeeklySchedule.ToDays(s.Schedules),
    };
}
