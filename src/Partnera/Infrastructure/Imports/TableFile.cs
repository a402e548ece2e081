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
/// (the header is row 1). Every file is read within the <see cref="ImportLimits"/>. A CSV not in UTF-8 is read in the code page Excel on Windows saves it in: Cyrillic (1251)
/// when most of its letters are beyond ASCII, Central European (1250, Romanian) otherwise.
/// </summary>
public static class TableFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The form an upload is kept in after its one reading: UTF-8 CSV, each row led by its number in the user's file.
    private static readonly byte[] Kept = "partnera-table/1\n"u8.ToArray();

    static TableFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsExcel(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>CSV or Excel, by the file's name.</summary>
    public static bool IsTable(string fileName) => IsExcel(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads an upload once, within the limits, into the compact form kept for the later steps (mapping, checking,
    /// saving), so that showing the upload again never parses the user's file again; null when it cannot be read as
    /// CSV or Excel or has no header. Beyond a limit it throws <see cref="ImportRefusedException"/>.
    /// </summary>
    public static byte[]? Keep(byte[] content, string fileName, ImportLimits limits)
    {
        try
        {
            using var output = new MemoryStream();
            output.Write(Kept);
            using (var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true))
            using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                var header = true;
                foreach (var (number, cells) in Rows(content, fileName, limits))
                {
                    var used = cells.Length;
                    while (used > 0 && cells[used - 1].Length == 0) used--;
                    if (header && used == 0) return null;
                    if (used == 0) continue;
                    header = false;
                    csv.WriteField(number);
                    foreach (var cell in cells.AsSpan(0, used)) csv.WriteField(cell);
                    csv.NextRecord();
                }
                if (header) return null;
            }
            return output.ToArray();
        }
        catch (Exception e) when (Unreadable(e)) { return null; }
    }

    /// <summary>The header row, or null when the file cannot be read as CSV or Excel (or has no header).</summary>
    public static IReadOnlyList<string>? Headers(byte[] content, string fileName, ImportLimits? limits = null)
    {
        try
        {
            var header = Rows(content, fileName, limits ?? new()).Select(r => r.Cells).FirstOrDefault()?.Select(h => h.Trim()).ToList();
            return header is null || header.All(h => h.Length == 0) ? null : header;
        }
        catch (Exception e) when (Unreadable(e)) { return null; }
    }

    /// <summary>Every row after the header with its number; blank rows are skipped.</summary>
    public static IEnumerable<(int Number, string[] Cells)> DataRows(byte[] content, string fileName, ImportLimits? limits = null) =>
        Rows(content, fileName, limits ?? new()).Skip(1).Where(r => r.Cells.Any(c => c.Length > 0));

    /// <summary>
    /// A CSV upload that an import reads with its own CsvReader (territories, registry counts), checked within the
    /// limits first; beyond one it throws <see cref="ImportRefusedException"/>.
    /// </summary>
    public static async Task<Stream> CheckedCsvAsync(Stream content, ImportLimits limits, CancellationToken ct)
    {
        var bytes = WithoutControlBytes(await limits.ReadAsync(content, ct));
        foreach (var _ in Limited(CsvRows(bytes), limits)) { }
        return new MemoryStream(bytes);
    }

    /// <summary>
    /// The file without the C0 control characters no one types (a NUL is refused by PostgreSQL): in the encodings read
    /// here (UTF-8, 1251, 1250) those bytes are never part of another character. UTF-16 (with its byte order mark) is left as it is.
    /// </summary>
    private static byte[] WithoutControlBytes(byte[] content)
    {
        static bool Control(byte b) => b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n');
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || !content.Any(Control)) return content;
        return content.Where(b => !Control(b)).ToArray();
    }

    private static bool Unreadable(Exception e) =>
        e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException or System.Xml.XmlException;

    private static IEnumerable<(int Number, string[] Cells)> Rows(byte[] content, string fileName, ImportLimits limits) =>
        content.AsSpan().StartsWith(Kept) ? KeptRows(content)
        : Limited(IsExcel(fileName) ? ExcelRows(content, limits) : CsvRows(content), limits);

    private static IEnumerable<(int Number, string[] Cells)> Limited(IEnumerable<(int Number, string[] Cells)> rows, ImportLimits limits)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > limits.MaxRows + 1 || row.Number > limits.MaxRows + 1) throw limits.TooManyRows();
            if (row.Cells.Length > limits.MaxColumns) throw limits.TooManyColumns();
            for (var i = 0; i < row.Cells.Length; i++)
            {
                if (row.Cells[i].Length > limits.MaxCellLength) throw limits.CellTooLong(row.Number);
                row.Cells[i] = Web.ControlCharacters.Strip(row.Cells[i]);
            }
            yield return row;
        }
    }

    private static IEnumerable<(int, string[])> KeptRows(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content, Kept.Length, content.Length - Kept.Length), Encoding.UTF8);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            yield return (int.Parse(record[0], CultureInfo.InvariantCulture), record[1..]);
        }
    }

    private static IEnumerable<(int Number, string[] Cells)> CsvRows(byte[] content)
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

    private static IEnumerable<(int Number, string[] Cells)> ExcelRows(byte[] content, ImportLimits limits)
    {
        XlsxCheck.Check(content, limits);
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
