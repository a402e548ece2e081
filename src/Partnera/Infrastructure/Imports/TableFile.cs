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

    // A zip archive (an .xlsx is one); an Excel 97–2003 workbook (.xls, OLE compound file); a PDF.
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldExcel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();

    /// <summary>Whether the bytes are an Excel workbook (a zip archive), whatever the file's name says.</summary>
    public static bool IsExcelContent(ReadOnlySpan<byte> content) => content.StartsWith(Zip);

    /// <summary>
    /// Refuses, with what is wrong, a file that cannot be a table by its content, whatever its name says: an empty one
    /// (nothing but spaces or a byte order mark), an old Excel workbook, a PDF or other binary file, and — where only CSV
    /// is read — an Excel workbook. Throws <see cref="ImportRefusedException"/>.
    /// </summary>
    public static void CheckContent(ReadOnlySpan<byte> content, bool excelAllowed)
    {
        if (IsBlank(content)) throw new ImportRefusedException("Import_EmptyFile");
        if (IsExcelContent(content))
        {
            if (!excelAllowed) throw new ImportRefusedException("Import_ExcelNotCsv");
            return;
        }
        if (content.StartsWith(OldExcel)) throw new ImportRefusedException("Import_OldExcel");
        if (content.StartsWith(Pdf) || IsBinary(content)) throw new ImportRefusedException("Import_NotTable");
    }

    private static bool IsBlank(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) content = content[2..];
        foreach (var b in content)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0)) return false;
        return true;
    }

    // Text has few control bytes; a binary file (an image, an archive) has many in its first kilobytes. UTF-16 text has a NUL in every other byte, so it is left to its byte order mark.
    private static bool IsBinary(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        var head = content[..Math.Min(content.Length, 4096)];
        var control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)) control++;
        return control * 10 > head.Length;
    }

    /// <summary>CSV or Excel, by the file's name.</summary>
    public static bool IsTable(string fileName) => IsExcel(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads an upload once, within the limits, into the compact form kept for the later steps (mapping, checking,
    /// saving), so that showing the upload again never parses the user's file again; null when it cannot be read as
    /// CSV or Excel or has no header. Beyond a limit, or when its content is no table (<see cref="CheckContent"/>),
    /// or is an Excel workbook that cannot be read, it throws <see cref="ImportRefusedException"/>. The content, not the
    /// name, says whether it is Excel: an .xlsx renamed .csv is read as the workbook it is.
    /// </summary>
    public static byte[]? Keep(byte[] content, string fileName, ImportLimits limits)
    {
        CheckContent(content, excelAllowed: true);
        // Named a workbook but no zip inside: a damaged or mislabelled file, whose text would only give a garbage header.
        if (IsExcel(fileName) && !IsExcelContent(content) && !content.AsSpan().StartsWith(Kept)) throw new ImportRefusedException("Import_NotExcel");
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
        catch (Exception e) when (Unreadable(e))
        {
            if (IsExcelContent(content)) throw new ImportRefusedException("Import_ExcelUnreadable");
            return null;
        }
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
    /// limits first; beyond one, or when its content is no CSV (<see cref="CheckContent"/>), it throws <see cref="ImportRefusedException"/>.
    /// </summary>
    public static async Task<Stream> CheckedCsvAsync(Stream content, ImportLimits limits, CancellationToken ct)
    {
        var read = await limits.ReadAsync(content, ct);
        CheckContent(read, excelAllowed: false);
        var bytes = WithoutControlBytes(read);
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
        : Limited(IsExcelContent(content) ? ExcelRows(content, limits) : CsvRows(content), limits);

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
