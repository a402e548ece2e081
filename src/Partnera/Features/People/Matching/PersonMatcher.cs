using System.Text;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>How alike two records are, field by field (null where one side does not say), and overall.</summary>
public sealed record MatchScore(double FamilyName, double GivenName, bool NamesSwapped, double BirthDate, bool SameDocument,
    double? Patronymic, double? Address, bool SexDiffers, double Total, bool DocumentsDiffer = false, bool RareNames = false)
{
    /// <summary>Not alike enough by itself, but each is probably the same person as a third record (see DuplicateFinder).</summary>
    public bool Linked { get; init; }

    /// <summary>The same address is a home (street and house), not only a town or village.</summary>
    public bool SameHome { get; init; }

    /// <summary>The same place, and few enough people of these names live there that it tells a person from a namesake.</summary>
    public bool RarePlace { get; init; }

    public bool Probable => Total >= PersonMatcher.Threshold || Linked;
}

/// <summary>
/// How common a pair's names and place are in the list or registry they come from (Fellegi–Sunter u-probabilities
/// estimated from the data): <paramref name="Namesakes"/> records carry the names (skeletons, either order);
/// <paramref name="PlaceShare"/> is the share of records giving the pair's place (the less specific of the two
/// addresses), null when unknown.
/// </summary>
/// <remarks><paramref name="Born"/> is how many different dates of birth those namesakes give (how many people they are).
/// <paramref name="BornHere"/>: of those a record without a date could be, how many different dates of birth are given at
/// its place; one means the only person of these names there, and the place then tells them apart however big it is.</remarks>
public readonly record struct Commonness(int Namesakes, double? PlaceShare, int Born = 0, int BornHere = 0)
{
    // Not "one date among the namesakes" (Born == 1): a person first registered without a date would be matched with
    // any namesake (in the bench, precision 0.97 instead of 0.99 when 3 % of first records lack a date).
    public bool RareNames => Namesakes is > 0 and <= PersonMatcher.RareNames;

    /// <summary>How many different people probably carry the names.</summary>
    public int People => Born > 0 ? Born : Math.Max(Namesakes, 1);
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
    /// and month are swapped); a patronymic both sides give adds 0.05 when alike and takes 0.2 when not; the same place
    /// adds up to 0.05 by how specific it is (its log-odds, see <see cref="Place"/>), another place takes 0.05.
    /// Different dates of birth or sexes mean namesakes. Without a date on one side the names alone cannot tell a
    /// person from a namesake, so the place must (adding 0.1 in the date's stead: a home, or a place where at most one in fifty such namesakes would
    /// be expected: a village, not a city), or the names must be rare: held by at most <see cref="RareNames"/> records
    /// (a patronymic cannot: a few fathers' names are most people's). A shared document is strong evidence: with
    /// nothing against it, the same person; against two of names, date of birth and sex, a collision (a number typed
    /// wrong, a parent's passport on a child's record). Different documents of one kind take 0.1.
    /// </summary>
    public static MatchScore Score(MatchRecord a, MatchRecord b, Commonness commonness = default)
    {
        var rareNames = commonness.RareNames;
        var straight = (Name(a.Family, b.Family), Name(a.Given, b.Given));
        var swapped = (Name(a.Family, b.Given), Name(a.Given, b.Family));
        var useSwap = swapped.Item1 + swapped.Item2 > straight.Item1 + straight.Item2 + 0.2;
        var (family, given) = useSwap ? swapped : straight;
        var birth = Birth(a.BirthDate, b.BirthDate);
        var document = SharesDocument(a, b);
        var documentsDiffer = !document && a.DocumentKinds.Intersect(b.DocumentKinds).Any();
        double? patronymic = a.Patronymic is { } pa && b.Patronymic is { } pb ? Name(pa, pb) is > 0 and var same ? same : a.Father == b.Father ? 0.8 : 0 : null;
        double? address = a.AddressWords.Length > 0 && b.AddressWords.Length > 0 ? Overlap(a.AddressWords, b.AddressWords) : null;
        var sexDiffers = a.Sex is { } sa && b.Sex is { } sb && sa != sb;
        var total = 0.4 * family + 0.3 * given + 0.3 * birth;
        if (patronymic is { } p) total += p > 0 ? 0.05 : -0.2;
        if (documentsDiffer) total -= 0.1;
        var samePlace = address >= SamePlace;
        var (home, rarePlace, placeWeight) = samePlace ? Place(a, b, commonness) : (false, false, 0);
        if (address is not null) total += samePlace ? placeWeight : -0.05;
        if (birth == 0 || sexDiffers) total = Math.Min(total, 0.6);
        // Without a date, a rare name or place stands in for it (a typo then still passes); without either, namesakes cannot be told apart.
        if (birth == 0.5) total = (rarePlace || rareNames) && !documentsDiffer ? total + 0.1 : Math.Min(total, 0.8);
        if (document)
        {
            var namesAgree = family + given >= 0.8;
            if (namesAgree && birth > 0 && !sexDiffers) total = Math.Max(total, 0.95);
            else if (namesAgree ? birth > 0 || !sexDiffers : birth >= 0.9 && !sexDiffers) total = Math.Max(total, Threshold);
        }
        total = Math.Clamp(total, 0, 1);
        return new MatchScore(Math.Round(family, 2), Math.Round(given, 2), useSwap, birth, document,
            patronymic is { } r ? Math.Round(r, 2) : null, address is { } o ? Math.Round(o, 2) : null, sexDiffers, Math.Round(total, 2), documentsDiffer, rareNames)
        { SameHome = home, RarePlace = rarePlace };
    }

    /// <summary>The chance that a person's place is written the same on another record of them (Fellegi–Sunter m).</summary>
    private const double PlaceAgrees = 0.95;

    /// <summary>Most namesakes expected at the place by chance for it to tell a person from them (one in fifty).</summary>
    private const double ExpectedNamesakes = 0.02;

    /// <summary>
    /// What the same place says. Its weight is its log-odds, log2(m/u) with u the share of records giving that place,
    /// up to 0.05 at 17 bits (one record in 130,000: a home); a town of 70,000 in a million records (u = 0.07) adds 0.01.
    /// It tells a person from namesakes when the namesakes expected there by chance (their number times u) are fewer
    /// than <see cref="ExpectedNamesakes"/>, or when only one of the namesakes a record without a date could be lives there
    /// (<see cref="Commonness.BornHere"/>). A street and house number (a home) always does.
    /// </summary>
    private static (bool Home, bool Rare, double Weight) Place(MatchRecord a, MatchRecord b, Commonness commonness)
    {
        var shorter = a.AddressWords.Length <= b.AddressWords.Length ? a.AddressWords : b.AddressWords;
        // A street and house number is a home: one household, whatever the list's size says.
        if (shorter.Length >= 2 && shorter.Any(w => char.IsDigit(w[0]))) return (true, true, 0.05);
        if (commonness.PlaceShare is not { } share) return (false, commonness.BornHere == 1, 0.01);
        var bits = Math.Log2(PlaceAgrees / Math.Max(share, 1e-9));
        var expected = commonness.People * share;
        // The only namesake it could be there says enough where fewer than half a namesake is expected there by chance (a village or small town, not a city).
        return (false, expected <= ExpectedNamesakes || (commonness.BornHere == 1 && expected < 0.5), Math.Clamp(0.05 * bits / 17, 0, 0.05));
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
    /// two swapped); 0.8 for two in a name of six letters or more (0.7 in one of five), for one that leaves a name of three letters
    /// ("Ольга"/"Ольа"), for one slip from another language's form of the name ("Dmitiy"/"Дмитро", as Дмитрий), or the same
    /// skeleton (another language's form with a slip, "Сергій"/"Сиргей", "Володимирівна"/"Владимировна"); else 0.
    /// </summary>
    private static double Name(MatchName a, MatchName b)
    {
        if (a.Spelling.Length == 0 || b.Spelling.Length == 0) return 0;
        if (a.Spelling == b.Spelling || (a.Form is not null && a.Form == b.Form)) return 1;
        var shorter = Math.Min(a.Spelling.Length, b.Spelling.Length);
        if (shorter < 3) return 0;
        if (shorter == 3) return Math.Max(a.Spelling.Length, b.Spelling.Length) == 4 && Edits(a.Spelling, b.Spelling, 1) <= 1 ? 0.8 : 0;
        var most = shorter >= 5 ? 2 : 1;
        var edits = Edits(a.Spelling, b.Spelling, most);
        if (edits <= most) return edits == 1 ? 0.9 : shorter >= 6 ? 0.8 : 0.7;
        if (a.Skeleton == b.Skeleton) return 0.8;
        return NearForm(a, b) || NearForm(b, a) ? 0.8 : 0;
    }

    /// <summary>One slip from a form of the other's name in another language.</summary>
    private static bool NearForm(MatchName a, MatchName b) =>
        b.Form is { } form && NameForms.SpellingsOf(form).Any(s => s != b.Spelling && Math.Min(s.Length, a.Spelling.Length) >= 4 && Edits(a.Spelling, s, 1) <= 1);

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
