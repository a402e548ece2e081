using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Csv;

namespace Partnera.Features.Directory.Hsds;

/// <summary>
/// The whole directory as HSDS 3.0: a JSON array of fully nested services, or the tabular data package (one CSV per
/// HSDS object and datapackage.json) in a zip. Services are read in batches by id, so memory stays flat however large
/// the directory is; the CSVs are spooled to temporary files before they are zipped.
/// </summary>
public sealed class HsdsExport(PartneraDbContext db)
{
    public const int BatchSize = 200;

    /// <summary>The tabular resources Partnera writes: HSDS object name, file, and its one-to-one columns.</summary>
    public static readonly (string Name, string Path, string[] Columns)[] Resources =
    [
        ("organization", "organizations.csv", ["id", "name", "alternate_name", "description", "email", "website"]),
        ("service", "services.csv", ["id", "organization_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services",
            "application_process", "fees_description", "wait_time", "eligibility_description", "minimum_age", "maximum_age", "alert", "last_modified"]),
        ("location", "locations.csv", ["id", "location_type", "url", "organization_id", "name", "description", "transportation", "latitude", "longitude"]),
        ("service_at_location", "service_at_location.csv", ["id", "service_id", "location_id", "description"]),
        ("address", "addresses.csv", ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"]),
        ("accessibility", "accessibility.csv", ["id", "location_id", "description", "details", "url"]),
        ("phone", "phones.csv", ["id", "location_id", "service_id", "organization_id", "number", "extension", "type", "description"]),
        ("schedule", "schedules.csv", ["id", "service_id", "location_id", "valid_from", "valid_to", "dtstart", "until", "count", "wkst", "freq", "interval",
            "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"]),
        ("service_area", "service_areas.csv", ["id", "service_id", "name", "description", "uri"]),
        ("language", "languages.csv", ["id", "service_id", "name", "code", "note"]),
        ("funding", "funding.csv", ["id", "organization_id", "service_id", "source"]),
        ("cost_option", "cost_options.csv", ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"]),
        ("required_document", "required_documents.csv", ["id", "service_id", "document", "uri"]),
        ("contact", "contacts.csv", ["id", "service_id", "name", "title", "department", "email"]),
        ("attribute", "attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]),
        ("taxonomy", "taxonomies.csv", ["id", "name", "description", "uri", "version"]),
        ("taxonomy_term", "taxonomy_terms.csv", ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id"]),
        ("metadata", "metadata.csv", ["id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name", "previous_value",
            "replacement_value", "updated_by"]),
    ];

    public async Task WriteJsonAsync(Stream output, CancellationToken ct)
    {
        // The JSON writer fills a pipe in memory; only the pipe writes to the response, asynchronously, batch by batch.
        var pipe = System.IO.Pipelines.PipeWriter.Create(output, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
        using (var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = HsdsJson.Options.Encoder }))
        {
            writer.WriteStartArray();
            await foreach (var batch in BatchesAsync(ct))
            {
                foreach (var service in batch) JsonSerializer.Serialize(writer, service, HsdsJson.Options);
                writer.Flush();
                await pipe.FlushAsync(ct);
            }
            writer.WriteEndArray();
            writer.Flush();
        }
        await pipe.CompleteAsync();
    }

    public async Task WritePackageAsync(Stream output, CancellationToken ct)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("partnera-hsds-");
        try
        {
            var files = Resources.ToDictionary(r => r.Name, r => new ResourceFile(Path.Combine(folder.FullName, r.Path), r.Columns));
            await WriteRowsAsync(files, ct);
            foreach (var file in files.Values) file.Dispose();
            // Zipped into a temporary file (ZipArchive writes synchronously), then streamed out.
            var zipPath = Path.Combine(folder.FullName, "package.zip");
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                using (var descriptor = zip.CreateEntry("datapackage.json").Open())
                    JsonSerializer.Serialize(descriptor, DataPackage(), HsdsJson.Options);
                foreach (var (_, path, _) in Resources) zip.CreateEntryFromFile(Path.Combine(folder.FullName, path), path);
            }
            await using var packaged = File.OpenRead(zipPath);
            await packaged.CopyToAsync(output, ct);
        }
        finally { folder.Delete(recursive: true); }
    }

    private async Task WriteRowsAsync(Dictionary<string, ResourceFile> files, CancellationToken ct)
    {
        foreach (var taxonomy in await db.Taxonomies.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)) files["taxonomy"].Write(HsdsMapper.Taxonomy(taxonomy));
        foreach (var term in await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).OrderBy(t => t.TaxonomyId).ThenBy(t => t.Order).ToListAsync(ct))
            files["taxonomy_term"].Write(HsdsMapper.Term(term));
        await foreach (var organisation in db.Organisations.AsNoTracking().OrderBy(o => o.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var hsds = HsdsMapper.Organization(organisation);
            files["organization"].Write(hsds);
            foreach (var phone in hsds.Phones ?? []) files["phone"].Write(phone);
        }
        var locations = new HashSet<Guid>();
        await foreach (var batch in BatchesAsync(ct))
        {
            foreach (var s in batch)
            {
                files["service"].Write(s);
                foreach (var at in s.ServiceAtLocations)
                {
                    files["service_at_location"].Write(at);
                    if (at.Location is not { } l || !locations.Add(l.Id)) continue;
                    files["location"].Write(l);
                    foreach (var a in l.Addresses) files["address"].Write(a);
                    foreach (var a in l.Accessibility) files["accessibility"].Write(a);
                    foreach (var p in l.Phones) files["phone"].Write(p);
                    foreach (var x in l.Schedules) files["schedule"].Write(x);
                }
                foreach (var x in s.Phones) files["phone"].Write(x);
                foreach (var x in s.Schedules) files["schedule"].Write(x);
                foreach (var x in s.ServiceAreas) files["service_area"].Write(x);
                foreach (var x in s.Languages) files["language"].Write(x);
                foreach (var x in s.Funding) files["funding"].Write(x);
                foreach (var x in s.CostOptions) files["cost_option"].Write(x);
                foreach (var x in s.RequiredDocuments) files["required_document"].Write(x);
                foreach (var x in s.Contacts) files["contact"].Write(x);
                foreach (var x in s.Attributes) files["attribute"].Write(x);
                foreach (var x in s.Metadata) files["metadata"].Write(x);
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HsdsService>> BatchesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Services.AsNoTracking().Where(s => s.Status != ServiceStatus.Defunct);
            if (after is { } last) query = query.Where(s => s.Id.CompareTo(last) > 0);
            var ids = await query.OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) yield break;
            var services = await HsdsQueries.FullServicesAsync(db, ids, ct);
            yield return ids.Select(id => services[id]).ToList();
            db.ChangeTracker.Clear();
            after = ids[^1];
        }
    }

    private static object DataPackage() => new
    {
        Name = "partnera-hsds",
        Profile = "tabular-data-package",
        Resources = Resources.Select(r => new
        {
            r.Name,
            r.Path,
            Profile = "tabular-data-resource",
            Format = "csv",
            Mediatype = "text/csv",
            Encoding = "utf-8",
            Schema = new { Fields = r.Columns.Select(c => new { Name = c, Type = "string" }), PrimaryKey = "id" },
        }),
    };

    /// <summary>One CSV file being written: the object's JSON form, column by column.</summary>
    private sealed class ResourceFile : IDisposable
    {
        private readonly StreamWriter stream;
        private readonly CsvWriter csv;
        private readonly string[] columns;

        public ResourceFile(string path, string[] columns)
        {
            this.columns = columns;
            stream = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            csv = new CsvWriter(stream, CultureInfo.InvariantCulture);
            foreach (var column in columns) csv.WriteField(column);
            csv.NextRecord();
        }

        public void Write<T>(T item)
        {
            var json = JsonSerializer.SerializeToNode(item, HsdsJson.Options)!.AsObject();
            foreach (var column in columns)
            {
                // Text from the directory's editors is neutralised; numbers and nested JSON are written as they are.
                if (json[column] is JsonValue value && value.TryGetValue<string>(out var text)) csv.WriteText(text);
                else csv.WriteField(json[column]?.ToJsonString() ?? "");
            }
            csv.NextRecord();
        }

        public void Dispose()
        {
            csv.Dispose();
            stream.Dispose();
        }
    }
}
