using System.Text;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>How alike two records are, field by field (null where one side does not say), and overall.</summary>
public sealed record MatchScore(double FamilyName, double GivenName, bool NamesSwapped, double BirthDate, bool SameDocument,
    double? Patronymic, double? Address, bool SexDiffers, double Total, bool DocumentsDiffer = false, bool RareNames = false)
{
    /// <summary>Not alike enough by itself, but each is probably the same person as a third record (see DuplicateFinder).</summary>
    public bool Linked { get; init; }

    public bool Probable => Total >= PersonMatcher.Threshold || Linked;
}

/// <summary>
/// Finds the same person written differently: across Cyrillic and Latin and the Ukrainian, Russian and Romanian forms of
/// a name ("Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexandru"; "Ștefan", "Stefan", "Штефан"; ș/ş, ț/ţ),
/// with typos, family and given names swapped, day and month of birth swapped, or a shared document number.
/// Names are compared in one spelling (see <see cref="Spelling"/>): equal spellings, or forms of one name in another
/// language (<see cref="NameForms"/>), count 1; one slip of the keyboard apart (a typo, a vowel another
/// transliteration writes differently) counts 0.9; anything further apart is another name.
/// </summary>
public static class PersonMatcher
{
    public const double Threshold = 0.85;

    /// <summary>A family and given name carried by no more records than this is rare enough to tell a person by.</summary>
    public const int RareNames = 3;

    /// <summary>The sound skeleton of a name (where candidates are looked up): what its spellings in all three languages and both scripts share.</summary>
    public static string Skeleton(string? name) => new MatchName(name ?? "").Skeleton;

    /// <summary>
    /// Names weigh 0.4 (family) and 0.3 (given), the date of birth 0.3 (0.5 of it when one side lacks it, 0.9 when day
    /// and month are swapped); a patronymic both sides give adds 0.05 when alike and takes 0.2 when not, an address
    /// adds 0.05 when it is the same place and takes 0.05 when not. Different dates of birth or sexes mean namesakes.
    /// Without a date on one side the names alone cannot tell a person from a namesake, so the same address must
    /// say so (a patronymic cannot: a few fathers' names are most people's), or the names must be rare: held by at most
    /// <see cref="RareNames"/> records of the registry (<paramref name="rareNames"/>). A shared document means the same person; different documents of one kind take 0.1.
    /// </summary>
    public static MatchScore Score(MatchRecord a, MatchRecord b, bool rareNames = false)
    {
        var straight = (Name(a.Family, b.Family), Name(a.Given, b.Given));
        var swapped = (Name(a.Family, b.Given), Name(a.Given, b.Family));
        var useSwap = swapped.Item1 + swapped.Item2 > straight.Item1 + straight.Item2 + 0.2;
        var (family, given) = useSwap ? swapped : straight;
        var birth = Birth(a.BirthDate, b.BirthDate);
        var document = SharesDocument(a, b);
        var documentsDiffer = !document && a.DocumentKinds.Intersect(b.DocumentKinds).Any();
        double? patronymic = a.Patronymic is { } pa && b.Patronymic is { } pb ? Name(pa, pb) : null;
        double? address = a.AddressWords.Length > 0 && b.AddressWords.Length > 0 ? Overlap(a.AddressWords, b.AddressWords) : null;
        var sexDiffers = a.Sex is { } sa && b.Sex is { } sb && sa != sb;
        var total = 0.4 * family + 0.3 * given + 0.3 * birth;
        if (patronymic is { } p) total += p > 0 ? 0.05 : -0.2;
        if (documentsDiffer) total -= 0.1;
        var samePlace = address >= SamePlace;
        if (address is not null) total += samePlace ? 0.05 : -0.05;
        if (birth == 0 || sexDiffers) total = Math.Min(total, 0.6);
        if (birth == 0.5 && !samePlace && !rareNames) total = Math.Min(total, 0.8);
        if (document) total = Math.Max(total, 0.95);
        total = Math.Clamp(total, 0, 1);
        return new MatchScore(Math.Round(family, 2), Math.Round(given, 2), useSwap, birth, document,
            patronymic is { } r ? Math.Round(r, 2) : null, address is { } o ? Math.Round(o, 2) : null, sexDiffers, Math.Round(total, 2), documentsDiffer, rareNames);
    }

    private static bool SharesDocument(MatchRecord a, MatchRecord b)
    {
        foreach (var d in a.Documents)
        {
            if (Array.IndexOf(b.Documents, d) >= 0) return true;
        }
        return false;
    }

    /// <summary>How much of the shorter address the other must hold to be the same place.</summary>
    private const double SamePlace = 0.75;

    /// <summary>The share of the shorter address's words found in the other; at most half when a house or flat number differs.</summary>
    private static double Overlap(string[] a, string[] b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var share = (double)shorter.Count(w => Array.IndexOf(longer, w) >= 0) / shorter.Length;
        return shorter.Any(w => char.IsDigit(w[0]) && Array.IndexOf(longer, w) < 0) ? Math.Min(share, 0.5) : share;
    }

    private static double Birth(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, _) or (_, null) => 0.5,
        var (x, y) when x == y => 1,
        var (x, y) when x.Value.Year == y.Value.Year && x.Value.Month == y.Value.Day && x.Value.Day == y.Value.Month => 0.9,
        _ => 0,
    };

    /// <summary>
    /// 1 for one spelling or forms of one name; 0.9 for one slip of the keyboard (a letter dropped, added, replaced or
    /// two swapped); 0.8 for two in a name of six letters or more, or the same skeleton (another language's form with a slip,
    /// "Сергій"/"Сиргей", "Володимирівна"/"Владимировна"); else 0.
    /// </summary>
    private static double Name(MatchName a, MatchName b)
    {
        if (a.Spelling.Length == 0 || b.Spelling.Length == 0) return 0;
        if (a.Spelling == b.Spelling || (a.Form is not null && a.Form == b.Form)) return 1;
        var shorter = Math.Min(a.Spelling.Length, b.Spelling.Length);
        if (shorter < 4) return 0;
        var most = shorter >= 6 ? 2 : 1;
        var edits = Edits(a.Spelling, b.Spelling, most);
        return edits <= most ? (edits == 1 ? 0.9 : 0.8) : a.Skeleton == b.Skeleton ? 0.8 : 0;
    }

    /// <summary>
    /// The number of single-letter edits (insert, delete, replace, swap neighbours) between two short strings, or
    /// <paramref name="most"/> + 1 when there are more.
    /// </summary>
    public static int Edits(string a, string b, int most)
    {
        if (Math.Abs(a.Length - b.Length) > most) return most + 1;
        Span<int> before = stackalloc int[b.Length + 1], previous = stackalloc int[b.Length + 1], current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
                best = Math.Min(best, d);
            }
            if (best > most) return most + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], most + 1);
    }
}
