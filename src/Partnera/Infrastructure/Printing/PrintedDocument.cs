using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Partnera.Infrastructure.Printing;

/// <summary>A table column: its header, its share of the page's width, and whether figures line up on the right.</summary>
public sealed record PrintColumn(string Header, double Share = 1, bool Right = false);

/// <summary>
/// A PDF made on the server from what a report says: A4 pages filled top to bottom with headings, paragraphs,
/// tables (their header repeated on each page they run over) and horizontal bar charts, page numbers at the foot.
/// Text wraps at word boundaries; the PDF is searchable and copyable because its fonts carry their Unicode maps.
/// </summary>
public sealed class PrintedDocument : IDisposable
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 42, Body = 9, Small = 7.5, Leading = 1.3;
    private const double ContentWidth = PageWidth - 2 * Margin;

    private readonly PdfDocumentBuilder builder = new();
    private readonly PrintFont regular, bold;
    private readonly List<PdfPageBuilder> pages = [];
    private PdfPageBuilder page = null!;
    private double y;

    public PrintedDocument(string title)
    {
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Producer = "Partnera";
        regular = new PrintFont(builder, PrintFont.Regular);
        bold = new PrintFont(builder, PrintFont.Bold);
        NewPage();
    }

    public void Heading(string text, bool main = false)
    {
        var size = main ? 15 : 11.5;
        var lines = Lines(bold, text, size, ContentWidth);
        Room(size * Leading * (lines.Count + 2));
        y -= main ? 0 : size * 0.6;
        foreach (var line in lines) Line(bold, line, size, Margin);
        y -= size * 0.3;
    }

    public void Paragraph(string text, bool small = false)
    {
        var size = small ? Small : Body;
        foreach (var line in text.Split('\n').SelectMany(part => Lines(regular, part, size, ContentWidth)))
        {
            Room(size * Leading);
            Line(regular, line, size, Margin);
        }
        y -= size * 0.5;
    }

    /// <summary>A table; the footer row (totals) is printed in bold after the last row.</summary>
    /// <summary>A table whose header repeats on each page, with total rows (footers) in bold at its end.</summary>
    public void Table(IReadOnlyList<PrintColumn> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<IReadOnlyList<string>>? footers = null)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => ContentWidth * c.Share / total).ToArray();
        var header = columns.Select(c => c.Header).ToList();
        Room(RowHeight(bold, header, widths) + RowHeight(regular, header, widths));
        Row(bold, header, columns, widths, rule: 0.8);
        foreach (var row in rows)
        {
            if (y - RowHeight(regular, row, widths) < Margin + 20)
            {
                NewPage();
                Row(bold, header, columns, widths, rule: 0.8);
            }
            Row(regular, row, columns, widths, rule: 0.25);
        }
        foreach (var footer in footers ?? [])
        {
            Room(RowHeight(bold, footer, widths));
            Row(bold, footer, columns, widths, rule: 0.8);
        }
        y -= Body;
    }

    /// <summary>A horizontal bar per label, scaled to the largest value, the figure printed at the bar's end.</summary>
    public void Bars(IReadOnlyList<(string Label, double Value, string Shown)> bars)
    {
        if (bars.Count == 0) return;
        var labelWidth = ContentWidth * 0.35;
        var barSpace = ContentWidth - labelWidth - 50;
        var largest = Math.Max(bars.Max(b => b.Value), 1e-9);
        foreach (var (label, value, shown) in bars)
        {
            var height = Small * Leading + 4;
            Room(height);
            var text = Lines(regular, label, Small, labelWidth - 6).First();
            regular.Write(page, regular.Printable(text), Small, Margin, y - Small);
            var length = Math.Max(0, value) / largest * barSpace;
            page.SetTextAndFillColor(13, 110, 253);
            if (length > 0) page.DrawRectangle(new PdfPoint(Margin + labelWidth, y - Small - 2), length, Small + 2, 0, fill: true);
            page.ResetColor();
            regular.Write(page, regular.Printable(shown), Small, Margin + labelWidth + length + 4, y - Small);
            y -= height;
        }
        y -= Body;
    }

    public byte[] ToPdf()
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var number = $"{i + 1} / {pages.Count}";
            regular.Write(pages[i], number, Small, PageWidth - Margin - regular.Width(number, Small), Margin / 2);
        }
        return builder.Build();
    }

    public void Dispose() => builder.Dispose();

    private void Row(PrintFont font, IReadOnlyList<string> cells, IReadOnlyList<PrintColumn> columns, double[] widths, double rule)
    {
        var size = Small;
        var height = RowHeight(font, cells, widths);
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var lineY = y - size - 2;
            foreach (var line in Lines(font, i < cells.Count ? cells[i] : "", size, widths[i] - 6))
            {
                var shown = font.Printable(line);
                var left = columns[i].Right ? x + widths[i] - 3 - font.Width(shown, size) : x + 3;
                font.Write(page, shown, size, left, lineY);
                lineY -= size * Leading;
            }
            x += widths[i];
        }
        y -= height;
        page.SetStrokeColor(150, 150, 150);
        page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(Margin + ContentWidth, y), rule);
        page.ResetColor();
    }

    private static double RowHeight(PrintFont font, IReadOnlyList<string> cells, double[] widths) =>
        cells.Select((c, i) => i < widths.Length ? Lines(font, c, Small, widths[i] - 6).Count : 1).DefaultIfEmpty(1).Max() * Small * Leading + 4;

    /// <summary>The text broken into lines no wider than the width; a word longer than a line is broken after one of its own hyphens, else cut with a hyphen.</summary>
    private static List<string> Lines(PrintFont font, string text, double size, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in font.Printable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.Width(candidate, size) <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = word;
            while (font.Width(current, size) > width && current.Length > 1)
            {
                var (head, rest) = Broken(font, current, size, width);
                lines.Add(head);
                current = rest;
            }
        }
        lines.Add(current);
        return lines;
    }

    /// <summary>
    /// A word too wide for a line: the longest head ending in the word's own hyphen that fits ("онлайн-" of "онлайн-форма"),
    /// else the longest head that fits with a hyphen added, so a reader sees the word goes on.
    /// </summary>
    private static (string Head, string Remainder) Broken(PrintFont font, string word, double size, double width)
    {
        var atHyphen = Enumerable.Range(1, word.Length - 2).Where(i => word[i] == '-' && font.Width(word[..(i + 1)], size) <= width).DefaultIfEmpty(-1).Max();
        if (atHyphen > 0) return (word[..(atHyphen + 1)], word[(atHyphen + 1)..]);
        var fits = Enumerable.Range(1, word.Length - 1).Last(n => n == 1 || font.Width(word[..n] + "-", size) <= width);
        return (word[..fits] + "-", word[fits..]);
    }

    private void Line(PrintFont font, string text, double size, double x)
    {
        font.Write(page, text, size, x, y - size);
        y -= size * Leading;
    }

    /// <summary>Starts a new page unless this much height is still free on the current one.</summary>
    private void Room(double height)
    {
        if (y - height < Margin + 10) NewPage();
    }

    private void NewPage()
    {
        page = builder.AddPage(PageSize.A4);
        pages.Add(page);
        y = PageHeight - Margin;
    }
}
