using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// The cells of a spreadsheet users bring (paper surveys typed in, a provider's list of people): a header row, then
/// one record per row. CSV (any usual delimiter) or the first sheet of an Excel workbook; numbers and dates from Excel
/// come back as the invariant text a form would have sent. Rows are numbered as the user sees them in their program
/// (the header is row 1). A CSV not in UTF-8 is read in the code page Excel on Windows saves it in: Cyrillic (1251)
/// when most of its letters are beyond ASCII, Central European (1250, Romanian) otherwise.
/// </summary>
public static class TableFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TableFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsExcel(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>CSV or Excel, by the file's name.</summary>
    public static bool IsTable(string fileName) => IsExcel(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The header row, or null when the file cannot be read as CSV or Excel (or has no header).</summary>
    public static IReadOnlyList<string>? Headers(byte[] content, string fileName)
    {
        try
        {
            var header = Rows(content, fileName).Select(r => r.Cells).FirstOrDefault()?.Select(h => h.Trim()).ToList();
            return header is null || header.All(h => h.Length == 0) ? null : header;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException) { return null; }
    }

    /// <summary>Every row after the header with its number; blank rows are skipped.</summary>
    public static IEnumerable<(int Number, string[] Cells)> DataRows(byte[] content, string fileName) =>
        Rows(content, fileName).Skip(1).Where(r => r.Cells.Any(c => c.Length > 0));

    private static IEnumerable<(int Number, string[] Cells)> Rows(byte[] content, string fileName) =>
        IsExcel(fileName) ? ExcelRows(content) : CsvRows(content);

    private static IEnumerable<(int, string[])> CsvRows(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
        });
        while (csv.Read()) yield return (csv.Row, csv.Record ?? []);
    }

    public static Encoding EncodingOf(byte[] content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            // Cyrillic in 1251 is all bytes from 0xC0 (and a few just below); Romanian in 1250 is mostly ASCII with a few.
            var beyond = content.Count(b => b >= 0xB2);
            var ascii = content.Count(b => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z');
            return Encoding.GetEncoding(beyond * 4 > ascii ? 1251 : 1250);
        }
    }

    private static IEnumerable<(int, string[])> ExcelRows(byte[] content)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
        {
            number++;
            yield return (number, row.Values.Select(Text).ToArray());
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };
}
