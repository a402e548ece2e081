using System.Text;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>How alike two records are, field by field, and overall.</summary>
public sealed record MatchScore(double FamilyName, double GivenName, bool NamesSwapped, double BirthDate, bool SameDocument, double Total)
{
    public bool Probable => Total >= PersonMatcher.Threshold;
}

/// <summary>What the matcher compares of a person.</summary>
public sealed record MatchInput(string FamilyName, string GivenName, DateOnly? BirthDate, IReadOnlyCollection<string> Documents);

/// <summary>
/// Finds the same person written differently: across Cyrillic and Latin and the Ukrainian, Russian and Romanian forms of
/// a name ("Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexandru"; "Ștefan", "Stefan", "Штефан"; ș/ş, ț/ţ),
/// with typos, family and given names swapped, day and month of birth swapped, or a shared document number.
/// Names are compared by a sound skeleton (transliterated, digraphs folded, vowels dropped after the first letter) and,
/// when skeletons differ, by Jaro–Winkler similarity of the transliterated forms.
/// </summary>
public static class PersonMatcher
{
    public const double Threshold = 0.85;

    /// <summary>The sound skeleton of a name: what its spellings in all three languages and both scripts share.</summary>
    public static string Skeleton(string? name)
    {
        var s = SearchKey.For(name).Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0) return "";
        foreach (var (from, to) in Folds) s = s.Replace(from, to, StringComparison.Ordinal);
        var key = new StringBuilder(s.Length);
        key.Append(IsVowel(s[0]) ? '*' : s[0]);
        foreach (var c in s.AsSpan(1))
        {
            if (IsVowel(c) || (key.Length > 0 && key[^1] == c)) continue;
            key.Append(c);
        }
        return key.ToString();
    }

    // Order matters: longer digraphs first.
    private static readonly (string From, string To)[] Folds =
    [
        ("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("ch", "k"), ("ts", "t"), ("tz", "t"), ("ph", "f"), ("ck", "k"),
        ("x", "ks"), ("w", "v"), ("q", "k"), ("c", "k"), ("g", "h"), ("j", "i"),
    ];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    public static MatchScore Score(MatchInput a, MatchInput b)
    {
        var straight = (Name(a.FamilyName, b.FamilyName), Name(a.GivenName, b.GivenName));
        var swapped = (Name(a.FamilyName, b.GivenName), Name(a.GivenName, b.FamilyName));
        var useSwap = swapped.Item1 + swapped.Item2 > straight.Item1 + straight.Item2 + 0.2;
        var (family, given) = useSwap ? swapped : straight;
        var birth = Birth(a.BirthDate, b.BirthDate);
        var document = a.Documents.Count > 0 && a.Documents.Intersect(b.Documents).Any();
        var total = 0.4 * family + 0.3 * given + 0.3 * birth;
        if (document) total = Math.Max(total, 0.95);
        if (birth == 0 && !document) total = Math.Min(total, 0.6); // born on different days: a namesake
        return new MatchScore(Math.Round(family, 2), Math.Round(given, 2), useSwap, birth, document, Math.Round(total, 2));
    }

    private static double Name(string a, string b)
    {
        if (Skeleton(a) is { Length: > 0 } sa && sa == Skeleton(b)) return 1;
        var jw = JaroWinkler(SearchKey.For(a), SearchKey.For(b));
        return jw >= 0.85 ? jw : 0;
    }

    private static double Birth(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, _) or (_, null) => 0.5,
        var (x, y) when x == y => 1,
        var (x, y) when x.Value.Year == y.Value.Year && x.Value.Month == y.Value.Day && x.Value.Day == y.Value.Month => 0.9,
        _ => 0,
    };

    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - range); j < Math.Min(b.Length, i + range + 1); j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
