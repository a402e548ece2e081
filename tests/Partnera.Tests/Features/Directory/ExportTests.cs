using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Hsds;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Directory;

public sealed class ExportTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_whole_directory_exports_as_HSDS_json(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var response = await app.CreateClient().GetAsync("/api/hsds/export.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var expected = await app.WithDbAsync(db => db.Services.CountAsync(s => s.Status != ServiceStatus.Defunct));
        Assert.InRange(services.Count, expected - 5, expected + 5); // other tests may add services meanwhile
        Assert.Equal(services.Count, services.Select(s => s!["id"]!.GetValue<string>()).Distinct().Count());
        var schema = await HsdsSchemas.File("service.json");
        foreach (var service in services) HsdsSchemas.AssertValid(schema, service!.ToJsonString(), "exported service");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_tabular_package_has_a_csv_per_object_in_the_HSDS_columns(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var bytes = await app.CreateClient().GetByteArrayAsync("/api/hsds/export.zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var tabular = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(HsdsSchemas.Folder, "tabular.json")))!["properties"]!.AsObject();

        var package = JsonNode.Parse(await new StreamReader(zip.GetEntry("datapackage.json")!.Open()).ReadToEndAsync())!;
        Assert.Equal("tabular-data-package", package["profile"]!.GetValue<string>());
        foreach (var (name, path, _) in HsdsExport.Resources)
        {
            var official = tabular[name]!["items"]!;
            Assert.Equal(official["path"]!.GetValue<string>(), path);
            using var reader = new StreamReader(zip.GetEntry(path)!.Open());
            var header = (await reader.ReadLineAsync())!.Split(',');
            var known = official["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
            Assert.All(header, column => Assert.Contains(column, known));
            var required = official["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
            Assert.All(required, column => Assert.Contains(column, header));
        }
        using var services = new StreamReader(zip.GetEntry("services.csv")!.Open());
        var lines = (await services.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("Услуги почасового ухода", StringComparison.Ordinal));
        using var terms = new StreamReader(zip.GetEntry("taxonomy_terms.csv")!.Open());
        Assert.Contains("015.1,Догляд вдома", await terms.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
