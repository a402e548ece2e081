using System.IO.Compression;
using System.Xml;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// Walks an .xlsx before the Excel reader sees it: every part inflated within the unpack budget, XML without document
/// type definitions (no entity expansion), and in the sheets and shared strings no row beyond the row limit (by count
/// or by number, since a reader fills the gaps), no column beyond the column limit and no text beyond the cell limit —
/// text is measured in chunks, so one huge cell is never held whole.
/// </summary>
internal static class XlsxCheck
{
    public static void Check(byte[] content, ImportLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var budget = new UnpackBudget(zip, limits);
        foreach (var entry in zip.Entries)
        {
            using var part = budget.Open(entry);
            var name = entry.FullName.ToLowerInvariant();
            if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal)
                || name == "xl/sharedstrings.xml")
                Scan(part, limits);
            else if (name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal))
                Scan(part, null);
            else part.CopyTo(Stream.Null);
        }
    }

    private static void Scan(Stream part, ImportLimits? limits)
    {
        using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var (rows, cell) = (0, 0L);
        var chunk = new char[8192];
        while (reader.Read())
        {
            if (limits is null) continue;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName is "c" or "si":
                    cell = 0;
                    if (reader.GetAttribute("r") is { } at && Column(at) > limits.MaxColumns) throw limits.TooManyColumns();
                    break;
                case XmlNodeType.Element when reader.LocalName == "row":
                    if (++rows > limits.MaxRows + 1 || RowNumber(reader.GetAttribute("r")) > limits.MaxRows + 1) throw limits.TooManyRows();
                    break;
                case XmlNodeType.Element when reader.LocalName == "dimension" && reader.GetAttribute("ref") is { } range:
                    var last = range.Split(':')[^1];
                    if (Column(last) > limits.MaxColumns) throw limits.TooManyColumns();
                    if (RowNumber(new string(last.SkipWhile(char.IsLetter).ToArray())) > limits.MaxRows + 1) throw limits.TooManyRows();
                    break;
                case XmlNodeType.Whitespace:
                    while (reader.ReadValueChunk(chunk, 0, chunk.Length) > 0) { }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        if ((cell += read) > limits.MaxCellLength) throw limits.CellTooLong(null);
                    break;
            }
        }
    }

    // "AB12" → 28: the column of a cell reference.
    private static long Column(string reference)
    {
        var column = 0L;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            if ((column = column * 26 + char.ToUpperInvariant(c) - 'A' + 1) > int.MaxValue) break;
        return column;
    }

    private static long RowNumber(string? number) => long.TryParse(number, out var n) ? n : 0;
}
