using System.Text;

namespace Partnera.Infrastructure.Text;

/// <summary>
/// Reduces a word to a sound-alike skeleton so that spellings of one name across scripts and transliteration
/// habits meet: "Бахмут", "Bakhmut" and "Bahmut" all give "bagmut"; "Страшены", "Strășeni" and "Straseni" give
/// "straseni". <see cref="Variants"/> adds the one-letter deletions, which lets a stored word and a query word
/// one typo apart share a key (the symmetric-delete idea), so matching stays an indexed equality on any database.
/// </summary>
public static class PhoneticKey
{
    private static readonly (string From, string To)[] Reductions =
    [
        ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
        ("ia", "a"), ("ya", "a"), ("iu", "u"), ("yu", "u"), ("ie", "e"), ("ye", "e"), ("yi", "i"),
        ("y", "i"), ("j", "i"), ("w", "v"), ("h", "g"), ("q", "k"), ("x", "ks"),
    ];

    /// <summary>The words of a text, each as its phonetic key, in order, without repeats.</summary>
    public static IEnumerable<string> Words(string? text) =>
        SearchKey.For(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(For).Where(w => w.Length > 1).Distinct();

    /// <summary>The phonetic key of one word already in search-key form (lower-case Latin).</summary>
    public static string For(string word)
    {
        var key = word;
        foreach (var (from, to) in Reductions) key = key.Replace(from, to, StringComparison.Ordinal);
        var collapsed = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c) collapsed.Append(c);
        }
        return collapsed.ToString();
    }

    /// <summary>The shortest stem <see cref="Stem"/> leaves: shorter beginnings match too many words to mean anything.</summary>
    public const int MinStem = 4;

    // Inflection endings of Ukrainian, Russian and Romanian as they look after the reductions above ("-ая" → "a",
    // "-ого" → "ogo", "-ului" → "ului"), longest first. Only one is removed, and never below MinStem letters.
    private static readonly string[] Endings =
    [
        "urilor", "ilor", "elor", "ului", "uri",
        "ovi", "evi", "ogo", "ego", "omu", "emu", "ami", "imi", "ost", "ist", "oiu", "eiu", "ile", "ele", "lor",
        "ii", "ie", "ei", "oi", "ai", "ui", "ou", "eu", "ov", "ev", "iv", "om", "em", "am", "im", "ag", "ig", "ul", "le", "ea", "oe", "ia",
        "a", "e", "i", "o", "u",
    ];

    /// <summary>
    /// A phonetic key without its inflection ending ("produkti" and "produktovi" both give "produkt", "bagmuti" gives
    /// "bagmut"): a light stemmer for searching by word beginnings, not a dictionary. Keys of fewer than
    /// <see cref="MinStem"/> letters after the cut keep their ending.
    /// </summary>
    public static string Stem(string key)
    {
        foreach (var ending in Endings)
        {
            if (key.Length - ending.Length >= MinStem && key.EndsWith(ending, StringComparison.Ordinal)) return key[..^ending.Length];
        }
        return key;
    }

    /// <summary>
    /// The beginning a stored key must start with to match a query word as a word beginning: its stem, or null for
    /// words shorter than <see cref="MinStem"/>. (Stored keys include one-letter deletions, so a query word missing a
    /// letter still meets them; the query's own deletions are not used as beginnings: with the stored ones they would
    /// match words two letters apart.)
    /// </summary>
    public static string? Prefix(string key)
    {
        var stem = Stem(key);
        return stem.Length < MinStem ? null : stem;
    }

    /// <summary>The word and, for words of five letters or more, every form with one letter left out.</summary>
    public static IEnumerable<string> Variants(string key)
    {
        yield return key;
        if (key.Length < 5) yield break;
        for (var i = 0; i < key.Length; i++) yield return key.Remove(i, 1);
    }
}
