using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnera.Features.Directory.Hsds;

// The Open Referral HSDS 3.0 objects as the API serves them: snake_case, absent rather than null.
// Shapes follow shared/hsds-3.0 (compiled schemas); a test validates real responses against them.

public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record HsdsServiceSummary(Guid Id, Guid OrganizationId, string Name, string? AlternateName, string? Description, string? Url,
    string? Email, string Status, string? InterpretationServices, string? ApplicationProcess, string? FeesDescription, string? WaitTime,
    string? EligibilityDescription, int? MinimumAge, int? MaximumAge, string? Alert, DateTime LastModified);

public sealed record HsdsMinimalService(Guid Id, DateTime LastModified);

public sealed record HsdsService(Guid Id, Guid OrganizationId, string Name, string? AlternateName, string? Description, string? Url,
    string? Email, string Status, string? InterpretationServices, string? ApplicationProcess, string? FeesDescription, string? WaitTime,
    string? EligibilityDescription, int? MinimumAge, int? MaximumAge, string? Alert, DateTime LastModified,
    IReadOnlyList<HsdsPhone> Phones, IReadOnlyList<HsdsSchedule> Schedules, IReadOnlyList<HsdsServiceArea> ServiceAreas,
    IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations, IReadOnlyList<HsdsLanguage> Languages, HsdsOrganization? Organization,
    IReadOnlyList<HsdsFunding> Funding, IReadOnlyList<HsdsCostOption> CostOptions, IReadOnlyList<HsdsRequiredDocument> RequiredDocuments,
    IReadOnlyList<HsdsContact> Contacts, IReadOnlyList<HsdsAttribute> Attributes, IReadOnlyList<HsdsMetadata> Metadata);

public sealed record HsdsOrganization(Guid Id, string Name, string? AlternateName, string Description, string? Email, string? Website,
    IReadOnlyList<HsdsPhone>? Phones = null, IReadOnlyList<HsdsServiceSummary>? Services = null, IReadOnlyList<HsdsAttribute>? Attributes = null);

public sealed record HsdsPhone(Guid Id, Guid? ServiceId, Guid? LocationId, Guid? OrganizationId, string Number, string Type, string? Description,
    [property: JsonPropertyName("extension")] decimal? Extension = null);

public sealed record HsdsSchedule(Guid Id, Guid? ServiceId, Guid? LocationId, string? ValidFrom, string? ValidTo, string? Dtstart, string? Until,
    int? Count, string? Wkst, string? Freq, int? Interval, string? Byday, string? Byweekno, string? Bymonthday, string? Byyearday,
    string? Description, string? OpensAt, string? ClosesAt, string? ScheduleLink, string? AttendingType, string? Notes);

public sealed record HsdsServiceArea(Guid Id, Guid ServiceId, string? Name, string? Description, string? Uri);

public sealed record HsdsLanguage(Guid Id, Guid? ServiceId, string? Name, string Code, string? Note);

public sealed record HsdsFunding(Guid Id, Guid? ServiceId, Guid? OrganizationId, string? Source);

public sealed record HsdsCostOption(Guid Id, Guid ServiceId, string? ValidFrom, string? ValidTo, string? Option, string? Currency, decimal? Amount,
    string? AmountDescription);

public sealed record HsdsRequiredDocument(Guid Id, Guid ServiceId, string Document, string? Uri);

public sealed record HsdsContact(Guid Id, Guid? ServiceId, string? Name, string? Title, string? Department, string? Email);

public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, string? Description, HsdsLocation? Location = null,
    HsdsServiceSummary? Service = null);

public sealed record HsdsLocation(Guid Id, string LocationType, Guid OrganizationId, string? Name, string? Description, string? TransportationNotes,
    string? Url, decimal? Latitude, decimal? Longitude, IReadOnlyList<HsdsAddress> Addresses, IReadOnlyList<HsdsAccessibility> Accessibility,
    IReadOnlyList<HsdsPhone> Phones, IReadOnlyList<HsdsSchedule> Schedules);

public sealed record HsdsAddress(Guid Id, Guid LocationId, string? Attention, [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("address_2")] string? Address2, string City, string? Region, string StateProvince, string PostalCode, string Country,
    string AddressType);

public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string? Description, string? Details, string? Url);

public sealed record HsdsAttribute(Guid Id, Guid LinkId, Guid TaxonomyTermId, string LinkType, string LinkEntity, string? Value, HsdsTaxonomyTerm TaxonomyTerm);

public sealed record HsdsTaxonomyTerm(Guid Id, string? Code, string Name, string Description, Guid? ParentId, string? Taxonomy, Guid? TaxonomyId,
    string? Language = null, HsdsTaxonomy? TaxonomyDetail = null);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Uri, string? Version);

public sealed record HsdsMetadata(Guid Id, Guid ResourceId, string ResourceType, string LastActionDate, string LastActionType, string FieldName,
    string PreviousValue, string ReplacementValue, string UpdatedBy);

public sealed record HsdsAbout(string Version, string Profile, string OpenapiUrl);
