using System.Globalization;
using System.Text.Json;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Hsds;

/// <summary>Turns directory records into HSDS 3.0 objects. Partnera's own fields become attributes of the extension taxonomy.</summary>
public static class HsdsMapper
{
    public const string ExtensionTaxonomy = "partnera-extensions";

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };

    public static HsdsServiceSummary Summary(Service s) => new(s.Id, s.OrganisationId, s.Name.Value, s.AlternateName, Text(s.Description),
        s.Url, s.Email, Status(s.Status), s.InterpretationServices, Text(s.ApplicationProcess), s.FeesDescription, s.WaitTime,
        Text(s.Eligibility), s.MinimumAge, s.MaximumAge, s.Alert, Utc(s.LastModified));

    public static HsdsService Full(Service s, Organisation organisation, IReadOnlyList<TaxonomyTerm> terms, IReadOnlyList<AuditEntry> history) => new(
        s.Id, s.OrganisationId, s.Name.Value, s.AlternateName, Text(s.Description), s.Url, s.Email, Status(s.Status), s.InterpretationServices,
        Text(s.ApplicationProcess), s.FeesDescription, s.WaitTime, Text(s.Eligibility), s.MinimumAge, s.MaximumAge, s.Alert, Utc(s.LastModified),
        s.Phones.Select(Phone).ToList(),
        s.Schedules.Select(Schedule).ToList(),
        s.Areas.Select(a => new HsdsServiceArea(a.Id, s.Id, a.Name, a.Description, a.Uri)).ToList(),
        s.Locations.Select(l => new HsdsServiceAtLocation(l.Id, s.Id, l.LocationId, l.Description, l.Location is null ? null : Location(l.Location))).ToList(),
        s.Languages.Select(l => new HsdsLanguage(l.Id, s.Id, l.Name ?? LanguageName(l.Code), l.Code, l.Note)).ToList(),
        Organization(organisation),
        s.Funding.Select(f => new HsdsFunding(f.Id, s.Id, null, f.Source ?? f.Kind.ToString())).ToList(),
        s.CostOptions.Select(c => new HsdsCostOption(c.Id, s.Id, Date(c.ValidFrom), Date(c.ValidTo), c.Option, c.Currency, c.Amount, c.AmountDescription)).ToList(),
        s.RequiredDocuments.Select(d => new HsdsRequiredDocument(d.Id, s.Id, d.Document, d.Uri)).ToList(),
        s.Contacts.Select(c => new HsdsContact(c.Id, s.Id, c.Name, c.Title, c.Department, c.Email)).ToList(),
        Attributes(s, terms),
        Metadata(history));

    public static HsdsOrganization Organization(Organisation o, IReadOnlyList<HsdsServiceSummary>? services = null) =>
        new(o.Id, o.Name.Value, o.ShortName, o.Description ?? o.Name.Value, o.Email, o.Website,
            Phones: [.. new[] { o.ReceptionPhone, o.Hotline }.OfType<string>().Select((n, i) =>
                new HsdsPhone(StableId.For($"{o.Id}:phone:{i}"), null, null, o.Id, n, "voice", i == 0 ? "reception" : "hotline"))],
            Services: services);

    public static HsdsLocation Location(Location l) => new(l.Id, l.Type.ToString().ToLowerInvariant(), l.OrganisationId, l.Name.Value, l.Description,
        l.TransportationNotes, l.Url, l.Latitude, l.Longitude,
        l.Addresses.Select(a => new HsdsAddress(a.Id, l.Id, a.Attention, a.Address1, a.Address2, a.City, a.Region, a.StateProvince, a.PostalCode,
            a.Country, a.Type.ToString().ToLowerInvariant())).ToList(),
        l.Accessibility.Select(a => new HsdsAccessibility(a.Id, l.Id, a.Description, a.Details, a.Url)).ToList(),
        l.Phones.Select(Phone).ToList(),
        l.Schedules.Select(Schedule).ToList());

    public static HsdsTaxonomyTerm Term(TaxonomyTerm t) => new(t.Id, t.Code, t.Name.Value, t.Description ?? t.Name.In(CultureInfo.GetCultureInfo("en")),
        t.ParentId, t.Taxonomy?.Name.Value, t.TaxonomyId, TermLanguage(t.Taxonomy?.Country));

    public static HsdsTaxonomy Taxonomy(Taxonomy t) => new(t.Id, t.Name.Value, t.LegalAct ?? t.Name.Value, t.Uri, t.Version);

    private static HsdsPhone Phone(Phone p) => new(p.Id, p.ServiceId, p.LocationId, null, p.Number, p.Type.ToString().ToLowerInvariant(), p.Description,
        decimal.TryParse(p.Extension, NumberStyles.Integer, CultureInfo.InvariantCulture, out var extension) ? extension : null);

    private static HsdsSchedule Schedule(Schedule x) => new(x.Id, x.ServiceId, x.LocationId, Date(x.ValidFrom), Date(x.ValidTo), Date(x.DtStart),
        Date(x.Until), x.Count, x.Wkst, x.Freq?.ToString().ToUpperInvariant(), x.Interval, x.ByDay, x.ByWeekNo, x.ByMonthDay, x.ByYearDay,
        x.Description, x.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture), x.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        x.ScheduleLink, x.AttendingType, x.Notes);

    /// <summary>The service's categories, then Partnera's own fields as attributes of the extension taxonomy.</summary>
    private static List<HsdsAttribute> Attributes(Service s, IReadOnlyList<TaxonomyTerm> terms)
    {
        var attributes = s.Terms
            .Select(st => terms.FirstOrDefault(t => t.Id == st.TaxonomyTermId) is { } term
                ? new HsdsAttribute(st.Id, s.Id, term.Id, "service", "service", null, Term(term))
                : null)
            .OfType<HsdsAttribute>()
            .ToList();
        void Extension(string code, string? value)
        {
            var term = ExtensionTerm(code);
            attributes.Add(new HsdsAttribute(StableId.For($"{s.Id}:{code}"), s.Id, term.Id, "service", "service", value, term));
        }
        foreach (var group in s.TargetGroups) Extension($"target-group:{group.Group}", null);
        if (s.Capacity is { } capacity) Extension("capacity", capacity.ToString(CultureInfo.InvariantCulture));
        if (s.Occupancy is { } occupancy) Extension("occupancy", occupancy.ToString(CultureInfo.InvariantCulture));
        if (s.UnitCost is { } cost) Extension("unit-cost", $"{cost.ToString("0.##", CultureInfo.InvariantCulture)} {s.UnitCostCurrency}".Trim());
        Extension("free-of-charge", s.FreeOfCharge ? "true" : "false");
        if (s.LastVerifiedAt is { } verified) Extension("last-verified", Utc(verified).ToString("O", CultureInfo.InvariantCulture));
        foreach (var funding in s.Funding) Extension("funding-source", funding.Kind.ToString());
        return attributes;
    }

    private static HsdsTaxonomyTerm ExtensionTerm(string code) => ExtensionTerms[code];

    // Built once from the shipped file: an export asks for them on every attribute of every service.
    private static readonly Dictionary<string, HsdsTaxonomyTerm> ExtensionTerms = BuildExtensionTerms();

    private static Dictionary<string, HsdsTaxonomyTerm> BuildExtensionTerms()
    {
        var file = ShippedTaxonomies.Files.Single(f => f.Code == ExtensionTaxonomy);
        return file.Terms.ToDictionary(t => t.Code, source => new HsdsTaxonomyTerm(ShippedTaxonomies.TermId(ExtensionTaxonomy, source.Code), source.Code,
            source.Name["en"], source.Name["en"], source.Parent is null ? null : ShippedTaxonomies.TermId(ExtensionTaxonomy, source.Parent), file.Name["en"],
            ShippedTaxonomies.TaxonomyId(ExtensionTaxonomy), "en"));
    }

    /// <summary>The service's change history from the audit log, one HSDS metadata record per changed field. Who changed it stays internal.</summary>
    private static List<HsdsMetadata> Metadata(IReadOnlyList<AuditEntry> history)
    {
        var records = new List<HsdsMetadata>();
        foreach (var entry in history)
        {
            var changes = entry.Changes is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes) ?? [];
            foreach (var (field, values) in changes)
            {
                records.Add(new HsdsMetadata(StableId.For($"{entry.Id}:{field}"), Guid.TryParse(entry.EntityId, out var id) ? id : Guid.Empty,
                    entry.EntityType.ToLowerInvariant(), Utc(entry.At).ToString("O", CultureInfo.InvariantCulture),
                    entry.Action.ToString().ToLowerInvariant() switch { "created" => "create", "deleted" => "delete", _ => "update" },
                    field, Value(values.ElementAtOrDefault(0)), Value(values.ElementAtOrDefault(1)), entry.UserId is null ? "system" : "staff"));
            }
        }
        return records;
    }

    private static string Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.String => element.GetString() ?? "",
        _ => element.GetRawText(),
    };

    private static string? Text(MultilingualText text) => string.IsNullOrWhiteSpace(text.Value) ? null : text.Value;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string? TermLanguage(string? country) => country switch { "UA" => "uk", "MD" => "ro", "BY" => "ru", null => "en", _ => null };

    private static string LanguageName(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).EnglishName; }
        catch (CultureNotFoundException) { return code; }
    }
}
