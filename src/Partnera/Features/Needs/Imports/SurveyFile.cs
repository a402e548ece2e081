using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Partnera.Features.Needs.Imports;

/// <summary>
/// The cells of a file typed in from paper surveys: a header row, then one household per row. CSV (any usual
/// delimiter) or the first sheet of an Excel workbook; numbers and dates from Excel come back as the invariant text
/// a form would have sent. Rows are numbered as the user sees them in their program (the header is row 1).
/// </summary>
public sealed class SurveyFile
{
    public required IReadOnlyList<string> Headers { get; init; }

    public static bool IsExcel(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the header only: enough to map the columns.</summary>
    public static IReadOnlyList<string>? ReadHeaders(byte[] content, string fileName) =>
        Rows(content, fileName).Select(r => r.Cells).FirstOrDefault() is { } header ? header.Select(h => h.Trim()).ToList() : null;

    /// <summary>Every row after the header with its number; blank rows are skipped.</summary>
    public static IEnumerable<(int Number, string[] Cells)> DataRows(byte[] content, string fileName) =>
        Rows(content, fileName).Skip(1).Where(r => r.Cells.Any(c => c.Length > 0));

    private static IEnumerable<(int Number, string[] Cells)> Rows(byte[] content, string fileName) =>
        IsExcel(fileName) ? ExcelRows(content) : CsvRows(content);

    private static IEnumerable<(int, string[])> CsvRows(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
        });
        while (csv.Read()) yield return (csv.Row, csv.Record ?? []);
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
