using System.Text;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>
/// One Latin spelling for a name however it was written: Ukrainian and Russian Cyrillic transliterated (SearchKey),
/// Romanian ș/ş and ț/ţ as "sh" and "ts" (so "Ștefan" meets "Штефан"), Romanian c as k or ch, and the letters that
/// transliterations disagree on made one (г/h/g, х/kh/h, и/і/й/y/i, j as ж). Its skeleton drops the vowels and folds
/// the digraphs, coarse enough that typos in vowels and most spellings of a name meet there.
/// </summary>
public static class Spelling
{
    // Order matters: each step sees the result of the ones before.
    private static readonly (string From, string To)[] Letters =
    [
        ("ce", "che"), ("ci", "chi"), ("ch", "\u0001"), ("c", "k"), ("\u0001", "ch"),
        ("kh", "h"), ("g", "h"), ("x", "ks"), ("w", "v"), ("q", "k"), ("ph", "f"), ("j", "zh"), ("y", "i"), ("ii", "i"), ("ii", "i"),
    ];

    private static readonly (string From, string To)[] Digraphs =
        [("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("ch", "k"), ("ts", "t"), ("tz", "t"), ("ck", "k")];

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var romanian = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            romanian.Append(c switch
            {
                'ș' or 'ş' or 'Ș' or 'Ş' => "sh",
                'ț' or 'ţ' or 'Ț' or 'Ţ' => "ts",
                _ => c.ToString(),
            });
        }
        var s = SearchKey.For(romanian.ToString()).Replace(" ", "", StringComparison.Ordinal);
        foreach (var (from, to) in Letters) s = s.Replace(from, to, StringComparison.Ordinal);
        return s;
    }

    /// <summary>The spelling with digraphs folded and vowels dropped after the first letter (a vowel there becomes '*').</summary>
    public static string Skeleton(string? name) => SkeletonOf(Of(name));

    public static string SkeletonOf(string spelling)
    {
        var s = spelling;
        if (s.Length == 0) return "";
        foreach (var (from, to) in Digraphs) s = s.Replace(from, to, StringComparison.Ordinal);
        var key = new StringBuilder(s.Length);
        key.Append(IsVowel(s[0]) ? '*' : s[0]);
        foreach (var c in s.AsSpan(1))
        {
            if (IsVowel(c) || key[^1] == c) continue;
            key.Append(c);
        }
        return key.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
