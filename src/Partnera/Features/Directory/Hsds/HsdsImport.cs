using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Text;
using Partnera.Resources;

namespace Partnera.Features.Directory.Hsds;

/// <summary>
/// Imports services from another system's HSDS 3.0 JSON (an array of services, or an API page) or tabular data
/// package (zip). Into one organisation when given (staff importing their own services), otherwise into the
/// organisations the file names (an administrator moving a whole directory). Every bad record is reported by
/// number; nothing is saved unless every record is good.
/// </summary>
public sealed class HsdsImport(PartneraDbContext db, ServiceSearchIndex search, IStringLocalizer<DirectoryStrings> t,
    IOptions<ImportLimits> limits, IStringLocalizer<SharedStrings> shared)
{
    public async Task<ImportReport> ImportJsonAsync(Stream json, Guid? organisationId, CancellationToken ct)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(await limits.Value.ReadAsync(json, ct)); }
        catch (JsonException e) { return Refused(t["HsdsImport_NotJson", (e.LineNumber ?? 0) + 1]); }
        catch (ImportRefusedException refused) { return Refused(refused.Localised(shared)); }
        var records = root switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject { } page when page["contents"] is JsonArray contents => contents.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        try { CheckValues(records); }
        catch (ImportRefusedException refused) { return Refused(refused.Localised(shared)); }
        return await ImportAsync(records, organisationId, ct);
    }

    public async Task<ImportReport> ImportPackageAsync(Stream zip, Guid? organisationId, CancellationToken ct)
    {
        List<JsonObject> records;
        try { records = HsdsPackageReader.Read(new MemoryStream(await limits.Value.ReadAsync(zip, ct)), limits.Value); }
        catch (Exception e) when (e is InvalidDataException or CsvHelperException or KeyNotFoundException) { return Refused(t["HsdsImport_NotPackage"]); }
        catch (ImportRefusedException refused) { return Refused(refused.Localised(shared)); }
        return await ImportAsync(records, organisationId, ct);
    }

    private static ImportReport Refused(string message)
    {
        var report = new ImportReport();
        report.Add(1, "", message);
        return report;
    }

    /// <summary>The JSON file within the same limits as a table: records as rows, each string value as a cell.</summary>
    /// <summary>Refuses texts over the cell limit and drops control characters from the rest (a NUL would be refused by PostgreSQL).</summary>
    private void CheckValues(List<JsonObject> records)
    {
        if (records.Count > limits.Value.MaxRows) throw limits.Value.TooManyRows();
        for (var i = 0; i < records.Count; i++)
        {
            var values = new Stack<JsonNode?>([records[i]]);
            while (values.TryPop(out var node))
            {
                if (node is JsonObject o)
                {
                    foreach (var key in o.Select(p => p.Key).ToList()) { if (Checked(o[key], i) is var clean && !ReferenceEquals(clean, o[key])) o[key] = clean; }
                    foreach (var child in o) values.Push(child.Value);
                }
                else if (node is JsonArray a)
                {
                    for (var j = 0; j < a.Count; j++) { if (Checked(a[j], i) is var clean && !ReferenceEquals(clean, a[j])) a[j] = clean; }
                    foreach (var child in a) values.Push(child);
                }
            }
        }
    }

    private JsonNode? Checked(JsonNode? node, int record)
    {
        if (node is not JsonValue v || !v.TryGetValue<string>(out var text)) return node;
        if (text.Length > limits.Value.MaxCellLength) throw limits.Value.CellTooLong(record + 1);
        var clean = Infrastructure.Web.ControlCharacters.Strip(text);
        return ReferenceEquals(clean, text) ? node : JsonValue.Create(clean);
    }

    private async Task<ImportReport> ImportAsync(List<JsonObject> records, Guid? organisationId, CancellationToken ct)
    {
        var report = new ImportReport { Rows = records.Count };
        if (records.Count == 0) report.Add(1, "", t["HsdsImport_Empty"]);
        var terms = await db.TaxonomyTerms.AsNoTracking().Select(x => x.Id).ToHashSetAsync(ct);
        var territories = (await db.Territories.AsNoTracking().Select(x => new { x.Id, x.Name.Value, x.TimeZone }).ToListAsync(ct))
            .GroupBy(x => x.Value).ToDictionary(g => g.Key, g => (g.First().Id, g.First().TimeZone));
        var imported = new List<Service>();
        for (var i = 0; i < records.Count; i++)
        {
            var number = i + 1;
            var record = new HsdsRecord(records[i], (field, value) => report.Add(number, field, t["HsdsImport_BadValue", value]));
            var service = await ReadServiceAsync(record, organisationId, terms, territories, number, report, ct);
            if (service is not null) imported.Add(service);
        }
        if (report.Errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return report;
        }
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync(imported.Select(s => s.Id).ToList(), ct);
        return report;
    }

    private async Task<Service?> ReadServiceAsync(HsdsRecord r, Guid? organisationId, HashSet<Guid> terms,
        Dictionary<string, (Guid Id, string TimeZone)> territories, int number, ImportReport report, CancellationToken ct)
    {
        var before = report.Errors.Count;
        var id = r.Id() ?? Guid.CreateVersion7();
        var name = r.Text("name");
        if (name is null) report.Add(number, "name", t["HsdsImport_Required"]);
        var status = r.Text("status") switch
        {
            null or "active" => ServiceStatus.Active,
            "inactive" => ServiceStatus.Inactive,
            "defunct" => ServiceStatus.Defunct,
            "temporarily closed" => ServiceStatus.TemporarilyClosed,
            var other => Bad(report, number, "status", other),
        };
        var organisation = await OrganisationAsync(r, organisationId, number, report, ct);
        var existing = await db.Services.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (existing is not null && organisation is not null && existing.OrganisationId != organisation.Id)
            report.Add(number, "id", t["HsdsImport_OtherOrganisation"]);
        var service = existing ?? new Service { Id = id };
        if (existing is not null) await RemoveChildrenAsync(service, ct);
        service.OrganisationId = organisation?.Id ?? Guid.Empty;
        service.Name = new MultilingualText(name ?? "", service.Name.Translations);
        service.AlternateName = r.Text("alternate_name");
        service.Description = new MultilingualText(r.Text("description") ?? "", service.Description.Translations);
        service.Url = r.Text("url");
        service.Email = r.Text("email");
        service.Status = status;
        service.InterpretationServices = r.Text("interpretation_services");
        service.ApplicationProcess = new MultilingualText(r.Text("application_process") ?? "", service.ApplicationProcess.Translations);
        service.FeesDescription = r.Text("fees_description") ?? r.Text("fees");
        service.WaitTime = r.Text("wait_time");
        service.Eligibility = new MultilingualText(r.Text("eligibility_description") ?? "", service.Eligibility.Translations);
        service.MinimumAge = r.Int("minimum_age");
        service.MaximumAge = r.Int("maximum_age");
        service.Alert = r.Text("alert");
        service.LastModified = r.Instant("last_modified") ?? DateTime.UtcNow;
        var keepIds = existing is null;
        Guid ChildId(HsdsRecord c) => keepIds ? c.Id() ?? Guid.CreateVersion7() : Guid.CreateVersion7();
        foreach (var p in r.Items("phones"))
        {
            var numberText = p.Text("number");
            if (numberText is null) { p.Problem("number", t["HsdsImport_Required"]); continue; }
            service.Phones.Add(new Phone
            {
                Id = ChildId(p),
                ServiceId = id,
                Number = numberText,
                Extension = p.Text("extension"),
                Description = p.Text("description"),
                Type = Enum.TryParse<PhoneType>(p.Text("type"), true, out var type) ? type : PhoneType.Voice
            });
        }
        foreach (var s in r.Items("schedules")) service.Schedules.Add(Schedule(s, ChildId(s), id));
        foreach (var a in r.Items("service_areas"))
        {
            var area = a.Text("name");
            service.Areas.Add(new ServiceArea
            {
                Id = ChildId(a),
                ServiceId = id,
                Name = area,
                Description = a.Text("description"),
                Uri = a.Text("uri"),
                TerritoryId = area is not null && territories.TryGetValue(area, out var territory) ? territory.Id : null
            });
        }
        foreach (var l in r.Items("languages"))
        {
            var code = l.Text("code")?.ToLowerInvariant();
            if (code is null || code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower)) { l.Problem("code", t["HsdsImport_BadLanguage"]); continue; }
            if (service.Languages.All(x => x.Code != code)) service.Languages.Add(new ServiceLanguage { Id = ChildId(l), ServiceId = id, Code = code, Name = l.Text("name"), Note = l.Text("note") });
        }
        foreach (var f in r.Items("funding"))
            service.Funding.Add(new Funding
            {
                Id = ChildId(f),
                ServiceId = id,
                Source = f.Text("source"),
                Kind = Enum.TryParse<FundingSource>(f.Text("source"), out var kind) ? kind : FundingSource.Other
            });
        foreach (var c in r.Items("cost_options"))
            service.CostOptions.Add(new CostOption
            {
                Id = ChildId(c),
                ServiceId = id,
                ValidFrom = c.Date("valid_from"),
                ValidTo = c.Date("valid_to"),
                Option = c.Text("option"),
                Currency = c.Text("currency"),
                Amount = c.Decimal("amount"),
                AmountDescription = c.Text("amount_description")
            });
        foreach (var d in r.Items("required_documents"))
        {
            if (d.Text("document") is { } document) service.RequiredDocuments.Add(new RequiredDocument { Id = ChildId(d), ServiceId = id, Document = document, Uri = d.Text("uri") });
        }
        foreach (var c in r.Items("contacts"))
            service.Contacts.Add(new Contact { Id = ChildId(c), ServiceId = id, Name = c.Text("name"), Title = c.Text("title"), Department = c.Text("department"), Email = c.Text("email") });
        ReadAttributes(r, service, terms, ChildId);
        await ReadLocationsAsync(r, service, organisation, territories, keepIds, ct);
        service.TimeZone = TimeZoneOf(service, r, territories) ?? await db.Territories.Where(x => x.Id == organisation!.TerritoryId).Select(x => x.TimeZone).FirstOrDefaultAsync(ct) ?? "Europe/Kyiv";
        service.RefreshSearchText();
        if (report.Errors.Count > before) return null;
        if (existing is null) db.Services.Add(service);
        return service;
    }

    private void ReadAttributes(HsdsRecord r, Service service, HashSet<Guid> terms, Func<HsdsRecord, Guid> childId)
    {
        foreach (var a in r.Items("attributes"))
        {
            var termId = a.Id("taxonomy_term_id");
            var code = a.Child("taxonomy_term")?.Text("code");
            var value = a.Text("value");
            if (termId is { } term && terms.Contains(term) && termId != ShippedTaxonomies.TermId(HsdsMapper.ExtensionTaxonomy, code ?? ""))
            {
                if (service.Terms.All(x => x.TaxonomyTermId != term)) service.Terms.Add(new ServiceTerm { Id = childId(a), ServiceId = service.Id, TaxonomyTermId = term });
                continue;
            }
            switch (code)
            {
                case not null when code.StartsWith("target-group:", StringComparison.Ordinal) && Enum.TryParse<TargetGroup>(code["target-group:".Length..], out var group):
                    if (service.TargetGroups.All(g => g.Group != group)) service.TargetGroups.Add(new ServiceTargetGroup { ServiceId = service.Id, Group = group });
                    break;
                case "capacity": service.Capacity = int.TryParse(value, CultureInfo.InvariantCulture, out var c) ? c : null; break;
                case "occupancy": service.Occupancy = int.TryParse(value, CultureInfo.InvariantCulture, out var o) ? o : null; break;
                case "free-of-charge": service.FreeOfCharge = value == "true"; break;
                case "last-verified": service.LastVerifiedAt = a.Instant("value"); break;
                case "unit-cost":
                    var parts = (value ?? "").Split(' ', 2);
                    service.UnitCost = decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var cost) ? cost : null;
                    service.UnitCostCurrency = parts.Length > 1 ? parts[1] : null;
                    break;
                case "funding-source": break;
                default:
                    if (termId is not null) a.Problem("taxonomy_term_id", t["HsdsImport_UnknownTerm"]);
                    break;
            }
        }
    }

    private async Task ReadLocationsAsync(HsdsRecord r, Service service, Organisation? organisation, Dictionary<string, (Guid Id, string TimeZone)> territories,
        bool keepIds, CancellationToken ct)
    {
        foreach (var at in r.Items("service_at_locations"))
        {
            var l = at.Child("location");
            var locationId = l?.Id() ?? at.Id("location_id");
            if (locationId is null || organisation is null) continue;
            var location = db.Locations.Local.FirstOrDefault(x => x.Id == locationId) ?? await db.Locations.FirstOrDefaultAsync(x => x.Id == locationId, ct);
            if (location is not null && location.OrganisationId != organisation.Id) { at.Problem("location_id", t["HsdsImport_OtherOrganisation"]); continue; }
            if (location is null && l is not null)
            {
                location = new Location
                {
                    Id = locationId.Value,
                    OrganisationId = organisation.Id,
                    Name = new MultilingualText(l.Text("name") ?? ""),
                    Description = l.Text("description"),
                    TransportationNotes = l.Text("transportation_notes") ?? l.Text("transportation"),
                    Url = l.Text("url"),
                    Latitude = l.Decimal("latitude"),
                    Longitude = l.Decimal("longitude"),
                    Type = Enum.TryParse<LocationType>(l.Text("location_type"), true, out var type) ? type : LocationType.Physical,
                };
                foreach (var a in l.Items("addresses"))
                {
                    var (street, city, country) = (a.Text("address_1"), a.Text("city"), a.Text("country"));
                    if (street is null || city is null || country is null) { a.Problem("address_1", t["HsdsImport_Required"]); continue; }
                    location.Addresses.Add(new Address
                    {
                        Id = a.Id() ?? Guid.CreateVersion7(),
                        LocationId = location.Id,
                        Address1 = street,
                        Address2 = a.Text("address_2"),
                        City = city,
                        Region = a.Text("region"),
                        StateProvince = a.Text("state_province") ?? "",
                        PostalCode = a.Text("postal_code") ?? "",
                        Country = country.ToUpperInvariant(),
                        Attention = a.Text("attention")
                    });
                    if (location.TerritoryId is null && a.Text("state_province") is { } place && territories.TryGetValue(place, out var territory)) location.TerritoryId = territory.Id;
                }
                foreach (var a in l.Items("accessibility"))
                    location.Accessibility.Add(new Accessibility { Id = a.Id() ?? Guid.CreateVersion7(), LocationId = location.Id, Description = a.Text("description"), Details = a.Text("details"), Url = a.Text("url") });
                db.Locations.Add(location);
            }
            if (location is null) { at.Problem("location_id", t["HsdsImport_UnknownLocation"]); continue; }
            service.Locations.Add(new ServiceAtLocation { Id = keepIds ? at.Id() ?? Guid.CreateVersion7() : Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id, Description = at.Text("description") });
        }
    }

    private string? TimeZoneOf(Service service, HsdsRecord r, Dictionary<string, (Guid Id, string TimeZone)> territories)
    {
        var place = service.Locations.Select(l => db.Locations.Local.FirstOrDefault(x => x.Id == l.LocationId)?.TerritoryId).FirstOrDefault(x => x is not null)
            ?? service.Areas.Select(a => a.TerritoryId).FirstOrDefault(x => x is not null);
        return place is null ? null : territories.Values.FirstOrDefault(x => x.Id == place).TimeZone;
    }

    private async Task<Organisation?> OrganisationAsync(HsdsRecord r, Guid? organisationId, int number, ImportReport report, CancellationToken ct)
    {
        var id = organisationId ?? r.Id("organization_id") ?? r.Child("organization")?.Id();
        if (id is null) { report.Add(number, "organization_id", t["HsdsImport_Required"]); return null; }
        var organisation = db.Organisations.Local.FirstOrDefault(o => o.Id == id) ?? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is not null) return organisation;
        // A whole directory moved by an administrator: an organisation the file describes is created.
        if (organisationId is null && r.Child("organization") is { } o && o.Text("name") is { } name)
        {
            organisation = new Organisation
            {
                Id = id.Value,
                Name = new MultilingualText(name),
                ShortName = o.Text("alternate_name"),
                Description = o.Text("description"),
                Email = o.Text("email"),
                Website = o.Text("website"),
                Kind = OrganisationKind.Ngo
            };
            organisation.RefreshSearchText();
            db.Organisations.Add(organisation);
            return organisation;
        }
        report.Add(number, "organization_id", t["HsdsImport_UnknownOrganisation"]);
        return null;
    }

    private static Schedule Schedule(HsdsRecord s, Guid id, Guid serviceId) => new()
    {
        Id = id,
        ServiceId = serviceId,
        ValidFrom = s.Date("valid_from"),
        ValidTo = s.Date("valid_to"),
        DtStart = s.Date("dtstart"),
        Until = s.Date("until"),
        Count = s.Int("count"),
        Wkst = s.Text("wkst"),
        Interval = s.Int("interval"),
        ByDay = s.Text("byday"),
        ByWeekNo = s.Text("byweekno"),
        ByMonthDay = s.Text("bymonthday"),
        ByYearDay = s.Text("byyearday"),
        Description = s.Text("description"),
        OpensAt = s.Time("opens_at"),
        ClosesAt = s.Time("closes_at"),
        ScheduleLink = s.Text("schedule_link"),
        AttendingType = s.Text("attending_type"),
        Notes = s.Text("notes"),
        Freq = s.Text("freq") == "MONTHLY" ? ScheduleFrequency.Monthly : ScheduleFrequency.Weekly,
    };

    private async Task RemoveChildrenAsync(Service s, CancellationToken ct)
    {
        await db.Entry(s).Collection(x => x.Phones).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Schedules).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Areas).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Languages).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Funding).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.CostOptions).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.RequiredDocuments).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Contacts).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Terms).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.TargetGroups).LoadAsync(ct);
        await db.Entry(s).Collection(x => x.Locations).LoadAsync(ct);
        s.Phones.Clear(); s.Schedules.Clear(); s.Areas.Clear(); s.Languages.Clear(); s.Funding.Clear(); s.CostOptions.Clear();
        s.RequiredDocuments.Clear(); s.Contacts.Clear(); s.Terms.Clear(); s.TargetGroups.Clear(); s.Locations.Clear();
    }

    private ServiceStatus Bad(ImportReport report, int number, string field, string value)
    {
        report.Add(number, field, t["HsdsImport_BadValue", value]);
        return ServiceStatus.Active;
    }
}
