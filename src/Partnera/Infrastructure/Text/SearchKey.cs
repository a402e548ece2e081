using System.Globalization;
using System.Text;

namespace Partnera.Infrastructure.Text;

/// <summary>
/// Builds the lower-case, diacritic-free, Latin-script form of a text that search compares with.
/// SQLite's LIKE folds only ASCII case, so both providers search this stored key instead of the
/// raw names: "Бахмут" and "Bakhmut", "Strășeni" and "Straseni" meet in the same key.
/// </summary>
public static class SearchKey
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "h",
        ['ґ'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['є'] = "ie",
        ['ё'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "y",
        ['і'] = "i",
        ['ї'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "iu",
        ['я'] = "ia",
        ['ў'] = "u",
        ['\''] = "",
        ['’'] = "",
        ['ʼ'] = "",
    };

    /// <summary>The search key of one text.</summary>
    public static string For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Cyrillic.TryGetValue(c, out var latin)) { key.Append(latin); lastWasSpace = false; }
            else if (char.IsLetterOrDigit(c) || c == '@' || c == '.') { key.Append(c); lastWasSpace = false; }
            else if (!lastWasSpace) { key.Append(' '); lastWasSpace = true; }
        }
        return key.ToString().Trim();
    }

    /// <summary>The search key of several texts, joined so that one stored column covers them all.</summary>
    public static string For(IEnumerable<string?> texts) =>
        string.Join(" | ", texts.Select(For).Where(k => k.Length > 0).Distinct());
}
