using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CsvHelper;
using Partnera.Infrastructure.Imports;

namespace Partnera.Features.Directory.Hsds;

/// <summary>
/// Reads an HSDS tabular data package (zip of CSVs) back into nested service objects, the shape the JSON import
/// reads, so both formats go through one import.
/// </summary>
public static class HsdsPackageReader
{
    /// <summary>Every part inflated within the unpack budget, every table within the row and cell limits.</summary>
    public static List<JsonObject> Read(Stream zipStream, ImportLimits limits)
    {
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        var budget = new UnpackBudget(zip, limits);
        var tables = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(e => Path.GetFileName(e.FullName).ToLowerInvariant(), e => ReadCsv(budget.Open(e), limits));
        if (!tables.TryGetValue("services.csv", out var services)) throw new InvalidDataException("services.csv is missing");
        List<JsonObject> Table(string name) => tables.GetValueOrDefault(name) ?? [];
        ILookup<string, JsonObject> By(string table, string key) => Table(table).Where(r => r[key] is not null).ToLookup(r => (string)r[key]!);

        var organisations = Table("organizations.csv").ToDictionary(r => (string)r["id"]!);
        var locations = Table("locations.csv").ToDictionary(r => (string)r["id"]!);
        var terms = Table("taxonomy_terms.csv").ToDictionary(r => (string)r["id"]!);
        var addresses = By("addresses.csv", "location_id");
        var accessibility = By("accessibility.csv", "location_id");
        foreach (var (id, location) in locations)
        {
            location["addresses"] = new JsonArray([.. addresses[id].Select(x => (JsonNode)x.DeepClone())]);
            location["accessibility"] = new JsonArray([.. accessibility[id].Select(x => (JsonNode)x.DeepClone())]);
        }
        var children = new (string Table, string Property)[]
        {
            ("phones.csv", "phones"), ("schedules.csv", "schedules"), ("service_areas.csv", "service_areas"), ("languages.csv", "languages"),
            ("funding.csv", "funding"), ("cost_options.csv", "cost_options"), ("required_documents.csv", "required_documents"), ("contacts.csv", "contacts"),
        }.Select(c => (c.Property, Rows: By(c.Table, "service_id"))).ToList();
        var attributes = By("attributes.csv", "link_id");
        var atLocations = By("service_at_location.csv", "service_id");
        foreach (var service in services)
        {
            var id = (string)service["id"]!;
            foreach (var (property, rows) in children) service[property] = new JsonArray([.. rows[id].Select(x => (JsonNode)x.DeepClone())]);
            service["attributes"] = new JsonArray([.. attributes[id].Select(a =>
            {
                var copy = a.DeepClone().AsObject();
                if (a["taxonomy_term_id"] is { } termId && terms.TryGetValue((string)termId!, out var term)) copy["taxonomy_term"] = term.DeepClone();
                return (JsonNode)copy;
            })]);
            service["service_at_locations"] = new JsonArray([.. atLocations[id].Select(at =>
            {
                var copy = at.DeepClone().AsObject();
                if (at["location_id"] is { } locationId && locations.TryGetValue((string)locationId!, out var location)) copy["location"] = location.DeepClone();
                return (JsonNode)copy;
            })]);
            if (service["organization_id"] is { } organisationId && organisations.TryGetValue((string)organisationId!, out var organisation))
                service["organization"] = organisation.DeepClone();
        }
        return services;
    }

    // Every row as an object of its non-empty cells.
    private static List<JsonObject> ReadCsv(Stream entry, ImportLimits limits)
    {
        using var reader = new StreamReader(entry);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<JsonObject>();
        if (!csv.Read() || !csv.ReadHeader()) return rows;
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            if (rows.Count >= limits.MaxRows) throw limits.TooManyRows();
            var row = new JsonObject();
            foreach (var column in header)
            {
                var value = Infrastructure.Csv.SpreadsheetText.Restore(Infrastructure.Web.ControlCharacters.Strip(csv.GetField(column) ?? ""));
                if (value?.Length > limits.MaxCellLength) throw limits.CellTooLong(csv.Parser.Row);
                if (!string.IsNullOrEmpty(value)) row[column] = value;
            }
            rows.Add(row);
        }
        return rows;
    }
}
