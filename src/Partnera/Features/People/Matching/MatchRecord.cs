using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Matching;

/// <summary>
/// What the matcher compares of a person, prepared once (names transliterated and reduced to skeletons, documents
/// normalised, the address as words) so that scoring millions of pairs does no text work twice.
/// </summary>
public sealed class MatchRecord
{
    /// <param name="pool">When many records are prepared at once (a whole registry), the texts they share (names, kinds,
    /// address words) are kept once: it more than halves the memory a million records take.</param>
    public MatchRecord(string familyName, string givenName, DateOnly? birthDate, IReadOnlyCollection<string> documents,
        string? patronymic = null, Sex? sex = null, string? address = null, TextPool? pool = null)
    {
        Family = new MatchName(familyName, pool);
        Given = new MatchName(givenName, pool);
        Patronymic = string.IsNullOrWhiteSpace(patronymic) ? null : new MatchName(patronymic, pool);
        Father = Patronymic is { } p ? TextPool.Keep(pool, FatherOf(p.Spelling)) : null;
        BirthDate = birthDate;
        Sex = sex;
        Documents = documents.Select(Document).Where(d => d.Length > 0).Distinct().ToArray();
        DocumentKinds = Documents.Select(d => TextPool.Keep(pool, d.Contains(':', StringComparison.Ordinal) ? d[..d.IndexOf(':', StringComparison.Ordinal)] : "")).Distinct().ToArray();
        AddressWords = Place(address).Select(w => TextPool.Keep(pool, w)).ToArray();
    }

    public MatchName Family { get; }
    public MatchName Given { get; }
    public MatchName? Patronymic { get; }

    /// <summary>The father's name the patronymic is made of, as a form of a name ("Костянтинівна" and "Константиновна" give one).</summary>
    public string? Father { get; }

    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ivich", "ich", "ovna", "evna", "ivna", "ichna"];

    private static string FatherOf(string spelling)
    {
        var ending = PatronymicEndings.FirstOrDefault(e => spelling.Length > e.Length + 2 && spelling.EndsWith(e, StringComparison.Ordinal));
        var stem = ending is null ? spelling : spelling[..^ending.Length];
        var skeleton = Matching.Spelling.SkeletonOf(stem);
        return NameForms.FormOf(stem, skeleton) ?? skeleton;
    }
    public DateOnly? BirthDate { get; }
    public Sex? Sex { get; }
    /// <summary>Document numbers normalised, each after its kind and a colon when the kind is known ("Passport:АА123456").</summary>
    public string[] Documents { get; }
    public string[] DocumentKinds { get; }

    private static string Document(string written)
    {
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? PersonDocument.Normalise(written) : $"{written[..colon]}:{PersonDocument.Normalise(written[(colon + 1)..])}";
    }
    public string[] AddressWords { get; }

    /// <summary>The skeletons of the family and given names in either order: what namesakes share.</summary>
    public string? NamesKey => Family.Skeleton.Length > 0 && Given.Skeleton.Length > 0
        ? (string.CompareOrdinal(Family.Skeleton, Given.Skeleton) <= 0 ? $"{Family.Skeleton}|{Given.Skeleton}" : $"{Given.Skeleton}|{Family.Skeleton}")
        : null;

    /// <summary>The address as one value (its words in order), whose commonness says how much agreeing on it is worth.</summary>
    public string? PlaceKey => AddressWords.Length == 0 ? null : string.Join(' ', AddressWords.Order(StringComparer.Ordinal));

    /// <summary>The birth date with day and month in order of size, so that a date written with them swapped meets it.</summary>
    public string? BirthKey => BirthDate is { } d ? $"{d.Year}-{Math.Min(d.Month, d.Day)}-{Math.Max(d.Month, d.Day)}" : null;

    // Words every address has ("вул.", "str.", "кв."): they say nothing about the place.
    private static readonly HashSet<string> Filler = ["vul", "ul", "str", "strada", "kv", "bul", "bd", "pr", "prov", "prosp", "pl", "per", "sat", "s", "m", "mun", "or", "smt", "bl", "ap", "d"];

    /// <summary>An address as the skeletons of its words (numbers as they are), so that it compares across scripts.</summary>
    private static string[] Place(string? address) => SearchKey.For(address).Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !Filler.Contains(w)).Select(w => w.All(char.IsDigit) ? w : Matching.Spelling.Skeleton(w)).Distinct().ToArray();

    public static MatchRecord Of(Person p) =>
        new(p.FamilyName, p.GivenName, p.BirthDate, p.Documents.Select(d => $"{d.Kind}:{d.Number}").ToList(), p.Patronymic, p.Sex, p.Address);
}

/// <summary>A name as the matcher compares it: in one spelling, its sound skeleton, and the name it is a form of in another language.</summary>
public sealed class MatchName
{
    public MatchName(string written, TextPool? pool = null)
    {
        Spelling = TextPool.Keep(pool, Matching.Spelling.Of(written));
        var raw = Matching.Spelling.SkeletonOf(Spelling);
        Form = NameForms.FormOf(Spelling, raw);
        Skeleton = Form ?? TextPool.Keep(pool, raw);
    }

    public string Spelling { get; }
    public string Skeleton { get; }
    public string? Form { get; }
}

/// <summary>
/// One copy of each text for a batch of records prepared together (safe across threads); dropped with the batch, so
/// nothing of a person outlives the scan that read it.
/// </summary>
public sealed class TextPool
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);

    public static string Keep(TextPool? pool, string text) => pool is null ? text : pool.texts.GetOrAdd(text, text);
}
