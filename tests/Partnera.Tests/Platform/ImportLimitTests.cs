using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Testing;
using Partnera.Tests.Features.Needs;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>
/// Hostile files on the real upload pages: a tiny workbook that unpacks to far more than the limit (also one whose zip
/// understates its sizes), a row numbered in the millions, one over-long cell, too many rows; each import refuses the
/// file with a message instead of spending the server's memory and time on it.
/// </summary>
public sealed class ImportLimitTests(TestApps apps)
{
    private const int MaxRows = 20;
    private const string Unpacks = "The file unpacks to more than 5 MB and cannot be imported.";
    private const string TooManyRows = "The file has more than 20 rows and cannot be imported. Split it into smaller files.";

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_import_refuses_a_file_beyond_its_limits_with_a_message(DatabaseProvider provider)
    {
        await using var app = await apps.NewAppAsync(provider, new Dictionary<string, string?>
        {
            ["Imports:MaxRows"] = MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imports:MaxUncompressedBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var provider_ = app.Browser("en");
        await provider_.SignInAsync("provider@partnera.demo");
        var cso = app.Browser("en");
        await cso.SignInAsync("cso@partnera.demo");
        var admin = app.Browser("en");
        await admin.SignInAsync("admin@partnera.demo");

        // People: a 50 MB sheet in a zip of a few kilobytes, honest about its size and lying about it.
        var bomb = Workbook(HugeCellSheet(50 * 1024 * 1024));
        Assert.True(bomb.Length < 200 * 1024);
        Assert.Contains(Unpacks, await PeopleUploadAsync(provider_, "bomb.xlsx", bomb));
        var liar = Understated(bomb, "xl/worksheets/sheet1.xml");
        // (The zip reader itself stops a part that inflates beyond its declared size, and the file is unreadable.)
        Assert.Contains("The file is a zip archive but not an Excel workbook that can be read: it may be damaged or another kind of document. Open it in Excel and save it again as .xlsx or CSV UTF-8.",
            await PeopleUploadAsync(provider_, "liar.xlsx", liar));
        // One over-long cell, and too many rows.
        Assert.Contains("Row 3 has a cell longer than 4000 characters; the file cannot be imported.",
            await PeopleUploadAsync(provider_, "long.csv", Encoding.UTF8.GetBytes($"family_name,given_name\nShevchuk,Olena\nBondar,{new string('x', 4001)}\n")));
        Assert.Contains(TooManyRows, await PeopleUploadAsync(provider_, "many.csv", Rows("family_name,given_name", MaxRows + 1, i => $"Family{i},Name{i}")));
        // Within the limits the same kind of file is taken, and kept as read rather than as the user's workbook.
        Assert.Equal(HttpStatusCode.Redirect, (await PeopleUploadResponseAsync(provider_, "fine.xlsx", Workbook(SmallSheet()))).StatusCode);
        var kept = await app.WithDbAsync(db => db.PeopleUploads.Where(u => u.FileName == "fine.xlsx").Select(u => u.Content).SingleAsync());
        Assert.False(kept.AsSpan().StartsWith("PK"u8));

        // Surveys: a tiny workbook whose one row is numbered five million (a reader would fill in the rows before it).
        var (campaignId, _) = await NeedsCampaigns.PublishedMoldovanAsync(app, "1701000");
        var survey = await cso.SubmitAsync($"/Needs/Import/{campaignId}", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = ("far.xlsx", Workbook(FarRowSheet(5_000_000))) });
        Assert.Equal(HttpStatusCode.OK, survey.StatusCode);
        Assert.Contains(TooManyRows, Pages.Parse(await survey.TextAsync()).FieldErrors());

        // Registry counts and territories: the rows and the cells of a CSV.
        var registry = await cso.SubmitAsync($"/Needs/Registry/{campaignId}?asOf=2024-01-01", new Dictionary<string, string[]>(), "#registry-import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("registry.csv", Rows("community,group,people", MaxRows + 1, i => $"1701000,OlderPeople,{i}")) });
        Assert.Contains(TooManyRows, await registry.TextAsync());
        var territories = await admin.SubmitAsync("/Territories/Manage/Import", new Dictionary<string, string[]>(), "main form[method=post]",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("territories.csv", Encoding.UTF8.GetBytes($"code,level,name,time_zone\nUA99,Country,{new string('x', 5000)},Europe/Kyiv\n")) });
        Assert.Contains("Row 2 has a cell longer than 4000 characters; the file cannot be imported.", await territories.TextAsync());

        // Services: a package whose services.csv unpacks beyond the limit, and JSON with an over-long value.
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.ShortName == "ЦСССДМ").Select(o => o.Id).SingleAsync());
        var package = Zip(("services.csv", w => { w.Write("id,name\n"); for (var i = 0; i < 6 * 1024; i++) w.Write(new string(' ', 1024)); }));
        Assert.Contains(Unpacks, await ServicesImportAsync(provider_, organisation, "package.zip", package));
        var json = Encoding.UTF8.GetBytes($$"""[{ "id": "{{Guid.NewGuid()}}", "name": "{{new string('x', 4001)}}", "status": "active" }]""");
        Assert.Contains("Row 1 has a cell longer than 4000 characters; the file cannot be imported.", await ServicesImportAsync(provider_, organisation, "services.json", json));
    }

    private static async Task<HttpResponseMessage> PeopleUploadResponseAsync(HttpClient client, string name, byte[] file) =>
        await client.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = (name, file) });

    private static async Task<IReadOnlyList<string>> PeopleUploadAsync(HttpClient client, string name, byte[] file)
    {
        var response = await PeopleUploadResponseAsync(client, name, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Pages.Parse(await response.TextAsync()).FieldErrors();
    }

    private static async Task<string> ServicesImportAsync(HttpClient client, Guid organisation, string name, byte[] file)
    {
        var response = await client.SubmitAsync($"/Directory/Manage/Import?organisationId={organisation}", new Dictionary<string, string[]>(), "#import-form",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = (name, file) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.TextAsync();
    }

    private static byte[] Rows(string header, int count, Func<int, string> row) =>
        Encoding.UTF8.GetBytes(header + "\n" + string.Concat(Enumerable.Range(1, count).Select(i => row(i) + "\n")));

    private const string SheetStart = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private const string SheetEnd = "</sheetData></worksheet>";
    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>family_name</t></is></c><c r="B1" t="inlineStr"><is><t>given_name</t></is></c></row>""";

    internal static Action<StreamWriter> SmallSheet() => w => w.Write(SheetStart + Header
        + """<row r="2"><c r="A2" t="inlineStr"><is><t>Shevchuk</t></is></c><c r="B2" t="inlineStr"><is><t>Olena</t></is></c></row>""" + SheetEnd);

    private static Action<StreamWriter> HugeCellSheet(int characters) => w =>
    {
        w.Write(SheetStart + Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>""");
        var chunk = new string('A', 64 * 1024);
        for (var written = 0; written < characters; written += chunk.Length) w.Write(chunk);
        w.Write("</t></is></c></row>" + SheetEnd);
    };

    private static Action<StreamWriter> FarRowSheet(int row) => w =>
        w.Write(SheetStart + """<row r="1"><c r="A1" t="inlineStr"><is><t>A1</t></is></c></row>"""
            + $"""<row r="{row}"><c r="A{row}"><v>3</v></c></row>""" + SheetEnd);

    /// <summary>The smallest workbook Excel readers accept, with the given first sheet.</summary>
    internal static byte[] Workbook(Action<StreamWriter> sheet) => Zip(
        ("[Content_Types].xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""")),
        ("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""")),
        ("xl/workbook.xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""")),
        ("xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""")),
        ("xl/worksheets/sheet1.xml", sheet));

    private static byte[] Zip(params (string Name, Action<StreamWriter> Write)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, write) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                write(writer);
            }
        return output.ToArray();
    }

    /// <summary>The zip with the named part's uncompressed size declared as 1 KB in both its headers, as a zip bomb would.</summary>
    private static byte[] Understated(byte[] zip, string name)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = bytes.Length - 46; i >= 0; i--)
        {
            if (BitConverter.ToUInt32(bytes, i) != 0x02014b50) continue;
            var nameLength = BitConverter.ToUInt16(bytes, i + 28);
            if (Encoding.UTF8.GetString(bytes, i + 46, nameLength) != name) continue;
            BitConverter.GetBytes(1024u).CopyTo(bytes, i + 24);
            var local = (int)BitConverter.ToUInt32(bytes, i + 42);
            BitConverter.GetBytes(1024u).CopyTo(bytes, local + 22);
            return bytes;
        }
        throw new InvalidOperationException($"{name} is not in the zip");
    }
}
