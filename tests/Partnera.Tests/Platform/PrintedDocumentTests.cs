using Partnera.Infrastructure.Printing;
using Partnera.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Partnera.Tests.Platform;

/// <summary>Server-made PDFs read back with a PDF reader: every character comes out as written, tables run over pages.</summary>
public sealed class PrintedDocumentTests
{
    [Fact]
    public void Text_in_any_of_the_four_languages_reads_back_even_past_255_different_characters()
    {
        // Latin with Romanian and other diacritics, Ukrainian and Russian Cyrillic, Greek, digits and signs: over 300 different characters.
        var alphabets = string.Concat(Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Select(c => (char)c)) + "ĂÂÎȘȚăâîșțŞŢşţ"
            + string.Concat(Enumerable.Range(0x0100, 0x80).Where(c => c is not (0x0102 or 0x0103 or 0x015E or 0x015F or 0x0162 or 0x0163)).Select(c => (char)c))
            + string.Concat(Enumerable.Range(0x0400, 0x60).Select(c => (char)c)) + "ҐґЄєІіЇї"
            + string.Concat(Enumerable.Range(0x0391, 0x19).Concat(Enumerable.Range(0x03B1, 0x19)).Where(c => c != 0x03A2).Select(c => (char)c))
            + "0123456789.,;:!?()[]{}«»„“”–—№%€₴";
        Assert.True(alphabets.Distinct().Count() > 300);
        byte[] bytes;
        using (var pdf = new PrintedDocument("Alphabets"))
        {
            foreach (var chunk in alphabets.Chunk(40)) pdf.Paragraph(new string(chunk));
            bytes = pdf.ToPdf();
        }

        using var read = PdfDocument.Open(bytes);
        var text = string.Concat(read.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Equal(alphabets + "1/1", Pages.Squeezed(text));
    }

    [Fact]
    public void A_long_table_runs_over_pages_with_its_header_on_each_and_its_totals_at_the_end()
    {
        byte[] bytes;
        using (var pdf = new PrintedDocument("Table"))
        {
            pdf.Heading("Громади", main: true);
            pdf.Table([new("Громада", 3), new("Домогосподарства", 1, Right: true)],
                Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"Громада {i:000} з дуже довгою назвою, що не вміщується в один рядок таблиці", $"{i}"]),
                [["Разом", "11325"]]);
            bytes = pdf.ToPdf();
        }

        using var read = PdfDocument.Open(bytes);
        var pages = read.GetPages().Select(p => p.Text).ToList();
        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.Contains("Домогосподарства", page, StringComparison.Ordinal));
        Assert.Contains("Громада 150", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Разом", pages[^1], StringComparison.Ordinal);
        Assert.Contains($"{pages.Count} / {pages.Count}", pages[^1], StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 150), i => Assert.Single(pages, p => p.Contains($"Громада {i:000}", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_header_too_wide_for_its_column_breaks_after_its_own_hyphen_or_with_a_hyphen_added()
    {
        static List<string> Words(string header)
        {
            using var pdf = new PrintedDocument("Narrow");
            pdf.Table([new("Громада", 8), new(header, 1, Right: true)], [["Бахмут", "3"]]);
            using var read = PdfDocument.Open(pdf.ToPdf());
            return read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        }

        var hyphenated = Words("Онлайн-форма");
        Assert.True(hyphenated.Contains("Онлайн-") && hyphenated.Contains("форма"), string.Join(" | ", hyphenated));
        var pieces = Words("Домогосподарства").Skip(1).TakeWhile(w => w != "Бахмут").ToList();
        Assert.True(pieces.Count > 1, string.Join(" | ", pieces));
        Assert.All(pieces[..^1], piece => Assert.EndsWith("-", piece, StringComparison.Ordinal));
        Assert.Equal("Домогосподарства", string.Concat(pieces.Select(p => p.TrimEnd('-'))));
    }
}
