using System.Globalization;
using Partnera.Infrastructure.Text;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// What people typing a spreadsheet write in a cell, read the same way by every import: yes/no in any of the four
/// languages, dates as 2026-03-14 or 14.03.2026, and a header or a value named in any language.
/// </summary>
public static class TableCells
{
    private static readonly string[] Yes = ["yes", "y", "1", "true", "так", "да", "da", "+"];
    private static readonly string[] No = ["no", "n", "0", "false", "ні", "нет", "nu", "-"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "yyyy-MM-ddTHH:mm:ss"];

    public static bool? YesNo(string cell) =>
        Yes.Contains(cell.Trim().ToLowerInvariant()) ? true : No.Contains(cell.Trim().ToLowerInvariant()) ? false : null;

    public static DateOnly? Date(string cell) =>
        DateTime.TryParseExact(cell.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateOnly.FromDateTime(d) : null;

    /// <summary>The key whose names include the text (compared by search key, so case, script and accents do not matter).</summary>
    public static string? Named(string text, IReadOnlyDictionary<string, string[]> names)
    {
        var key = SearchKey.For(text);
        return key.Length == 0 ? null : names.FirstOrDefault(n => SearchKey.For(n.Key) == key || n.Value.Any(name => SearchKey.For(name) == key)).Key;
    }
}
