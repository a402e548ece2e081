using CsvHelper;

namespace Partnera.Infrastructure.Csv;

/// <summary>
/// Text that people typed, written into a CSV or Excel file the app produces, so that a spreadsheet never runs it as a
/// formula (OWASP "CSV injection"): text starting with =, +, -, @, a tab or a carriage return gets a leading single
/// quote, and such a field is always quoted. Every CSV and Excel writer passes its text through here. Numbers the app
/// itself writes are not text and stay numbers (a negative count is still a number).
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    /// <summary>
    /// A field read back from a file the app (or another OWASP-following tool) wrote: the neutralising quote before =,
    /// +, -, @, tab or CR comes off, so an exported package imports to the same values.
    /// </summary>
    public static string? Restore(string? field) =>
        field is { Length: > 1 } && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;

    /// <summary>An Excel cell: text neutralised, anything else (numbers, dates) as it is.</summary>
    public static object? Cell(object? value) => value is string text ? Neutralise(text) : value;

    /// <summary>A field of a CSV written by hand: neutralised, quoted when neutralised, when it needs quotes, or when asked.</summary>
    public static string CsvField(string? text, bool quote = false)
    {
        var safe = Neutralise(text);
        return quote || safe.Length != (text?.Length ?? 0) || NeedsQuotes(safe) ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>A text field through CsvHelper, on the same rule.</summary>
    public static void WriteText(this IWriterRow csv, string? text)
    {
        var safe = Neutralise(text);
        csv.WriteField(safe, safe.Length != (text?.Length ?? 0) || NeedsQuotes(safe));
    }

    private static bool NeedsQuotes(string field) =>
        field.AsSpan().IndexOfAny(",;\"\r\n\t") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
}
