using System.Collections.Concurrent;
using System.Reflection;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace Partnera.Infrastructure.Printing;

/// <summary>
/// One typeface of a printed document (DejaVu Sans, from npm at build time, embedded in the app: it covers Latin
/// with Romanian diacritics and Cyrillic). PdfPig writes a TrueType font with at most 255 different characters, so
/// the same typeface is added again whenever one copy is full; each character keeps the copy it was first given.
/// Widths come from the font file, so lines wrap where the reader will see them end.
/// </summary>
internal sealed class PrintFont(PdfDocumentBuilder builder, string resource)
{
    public const string Regular = "font:DejaVuSans";
    public const string Bold = "font:DejaVuSans-Bold";
    private const int CharactersPerCopy = 250;

    private static readonly ConcurrentDictionary<string, (byte[] Bytes, TrueTypeFont Metrics)> Files = new();

    private readonly (byte[] Bytes, TrueTypeFont Metrics) file = Files.GetOrAdd(resource, Load);
    private readonly List<PdfDocumentBuilder.AddedFont> copies = [];
    private readonly Dictionary<char, int> copyOf = [];
    private int inLastCopy;

    /// <summary>The text with every character the font lacks (or a control character) shown as "?".</summary>
    public string Printable(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = !char.IsControl(source[i]) && file.Metrics.TryGetAdvanceWidth(source[i], out _) ? source[i] : '?';
        });

    /// <summary>How wide the text is at this size, in points.</summary>
    public double Width(string text, double size)
    {
        var units = 0.0;
        foreach (var c in text) units += file.Metrics.TryGetAdvanceWidth(c, out var w) ? w : 0;
        return units * size / file.Metrics.GetUnitsPerEm();
    }

    /// <summary>Writes printable text on the page from its left baseline point.</summary>
    public void Write(PdfPageBuilder page, string text, double size, double x, double y)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && CopyFor(text[i]) == CopyFor(text[start])) continue;
            var run = text[start..i];
            page.AddText(run, size, new UglyToad.PdfPig.Core.PdfPoint(x, y), copies[CopyFor(text[start])]);
            x += Width(run, size);
            start = i;
        }
    }

    private int CopyFor(char c)
    {
        if (copyOf.TryGetValue(c, out var copy)) return copy;
        if (copies.Count == 0 || inLastCopy == CharactersPerCopy)
        {
            copies.Add(builder.AddTrueTypeFont(file.Bytes));
            inLastCopy = 0;
        }
        inLastCopy++;
        return copyOf[c] = copies.Count - 1;
    }

    private static (byte[], TrueTypeFont) Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Font {resource} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes)));
    }
}
