using System.Net;
using System.Text;
using Partnera.Data;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>
/// Files whose name does not say what they are: an Excel workbook renamed .csv is read as the workbook it is, not as
/// garbage text; an empty file, an old .xls and a workbook where only CSV is read are each refused with what is wrong.
/// </summary>
public sealed class ImportFileKindTests(TestApps apps)
{
    private const string Empty = "The file is empty: it has no header row and no data.";

    [Theory, ClassData(typeof(Databases))]
    public async Task An_import_knows_a_file_by_its_content_and_says_what_is_wrong_with_it(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var staff = app.Browser("en");
        await staff.SignInAsync("provider@partnera.demo");

        // An .xlsx saved under a .csv name: read as Excel, its header is the workbook's.
        var renamed = await PeopleUploadAsync(staff, "list.csv", ImportLimitTests.Workbook(ImportLimitTests.SmallSheet()));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var mapping = await staff.GetPageAsync(renamed.Headers.Location!.OriginalString);
        Assert.Equal(["family_name", "given_name"], mapping.QuerySelectorAll("#mapping select").Select(s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "").ToArray());

        // An empty file says it is empty, not "choose a file"; so does one of only blank lines and a byte order mark.
        foreach (var empty in new[] { Array.Empty<byte>(), "\uFEFF\r\n\r\n  \n"u8.ToArray() })
        {
            var errors = await PeopleErrorsAsync(staff, "list.csv", empty);
            Assert.Contains(errors, e => e.StartsWith(Empty, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains("Choose", StringComparison.Ordinal));
        }
        // An old Excel workbook and a PDF under a table's name.
        Assert.Contains(await PeopleErrorsAsync(staff, "list.csv", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]),
            e => e.StartsWith("This is an old Excel workbook (.xls)", StringComparison.Ordinal));
        Assert.Contains(await PeopleErrorsAsync(staff, "list.xlsx", Encoding.ASCII.GetBytes("%PDF-1.7\n\u0001\u0002\u0003")),
            e => e.StartsWith("This file is not a table", StringComparison.Ordinal));

        // Where only CSV is read, a workbook is refused with how to save it as CSV, and an empty file is called empty.
        var admin = app.Browser("en");
        await admin.SignInAsync("admin@partnera.demo");
        var workbook = await TerritoryImportAsync(admin, ImportLimitTests.Workbook(ImportLimitTests.SmallSheet()));
        Assert.Contains("This is an Excel workbook, but only CSV files can be imported here.", workbook, StringComparison.Ordinal);
        Assert.Contains(Empty, await TerritoryImportAsync(admin, []), StringComparison.Ordinal);

        // In Ukrainian too.
        var uk = app.Browser("uk");
        await uk.SignInAsync("provider@partnera.demo");
        Assert.Contains(await PeopleErrorsAsync(uk, "list.csv", []), e => e.StartsWith("Файл порожній", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> PeopleUploadAsync(HttpClient client, string name, byte[] file) =>
        client.SubmitAsync("/People/Import", new Dictionary<string, string[]>(), "#upload-form", "Upload",
            new Dictionary<string, (string, byte[])> { ["Upload"] = (name, file) });

    private static async Task<IReadOnlyList<string>> PeopleErrorsAsync(HttpClient client, string name, byte[] file)
    {
        var response = await PeopleUploadAsync(client, name, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Pages.Parse(await response.TextAsync()).FieldErrors();
    }

    private static async Task<string> TerritoryImportAsync(HttpClient client, byte[] file)
    {
        var response = await client.SubmitAsync("/Territories/Manage/Import", new Dictionary<string, string[]>(), "main form[method=post]",
            files: new Dictionary<string, (string, byte[])> { ["Upload"] = ("territories.csv", file) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.TextAsync();
    }
}
