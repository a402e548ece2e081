namespace Partnera.Features.People.Matching;

/// <summary>
/// Given names that are one name in Ukrainian, Russian and Romanian but sound too different for a skeleton to join
/// (Микола, Николай, Nicolae; Іван, Иван, Ion): each form's skeleton is replaced by the skeleton of the first.
/// A short name is looked up by its spelling, not its skeleton: "Ion", "Ana" and "Ina" share the skeleton "*n" but are
/// three names (Ion is Іван, Ana is Ганна).
/// </summary>
public static class NameForms
{
    private static readonly string[][] Groups =
    [
        ["Микола", "Николай", "Nicolae"],
        ["Іван", "Иван", "Ion"],
        ["Петро", "Пётр", "Petru"],
        ["Михайло", "Михаил", "Mihai", "Mihail"],
        ["Дмитро", "Дмитрий", "Dumitru"],
        ["Василь", "Василий", "Vasile"],
        ["Георгій", "Георгий", "Gheorghe", "Юрій", "Юрий", "Iurie"],
        ["Ганна", "Анна", "Ana"],
        ["Катерина", "Екатерина", "Ecaterina"],
        ["Надія", "Надежда", "Nadejda"],
        ["Христина", "Кристина", "Cristina"],
        ["Любов", "Любовь", "Liubovi"],
        ["Наталія", "Наталья", "Natalia"],
        ["Лідія", "Лидия", "Lidia"],
        ["Федір", "Фёдор", "Teodor", "Тудор", "Tudor"],
        ["Павло", "Павел", "Pavel"],
        ["Олексій", "Алексей", "Alexei"],
        ["Ярослав", "Iaroslav"],
        ["Костянтин", "Константин", "Constantin"],
        ["Артем", "Артём", "Artiom"],
        ["Володимир", "Владимир", "Vladimir"],
        ["Євген", "Евгений", "Evghenii", "Eugen"],
        ["Олена", "Елена", "Alena", "Elena"],
    ];

    /// <summary>A skeleton this short says too little to stand for a name ("*n" is Ion, Ana, Ina, Ani).</summary>
    private const int ShortSkeleton = 2;

    private static readonly (Dictionary<string, string> BySpelling, Dictionary<string, string> BySkeleton, Dictionary<string, string[]> Spellings) Table = Build();

    /// <summary>The name (its canonical skeleton) this spelling is a form of, when it is in the table.</summary>
    public static string? FormOf(string spelling, string skeleton) =>
        Table.BySpelling.GetValueOrDefault(spelling) ?? (skeleton.Length > ShortSkeleton ? Table.BySkeleton.GetValueOrDefault(skeleton) : null);

    /// <summary>The spellings of every form of a name (by its canonical skeleton): a typo is measured against the nearest.</summary>
    public static string[] SpellingsOf(string form) => Table.Spellings.GetValueOrDefault(form) ?? [];

    private static (Dictionary<string, string>, Dictionary<string, string>, Dictionary<string, string[]>) Build()
    {
        var (bySpelling, bySkeleton, spellings) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string[]>(StringComparer.Ordinal));
        foreach (var group in Groups)
        {
            var first = Spelling.Skeleton(group[0]);
            foreach (var form in group)
            {
                var spelling = Spelling.Of(form);
                bySpelling.TryAdd(spelling, first);
                if (Spelling.SkeletonOf(spelling) is { Length: > ShortSkeleton } skeleton) bySkeleton.TryAdd(skeleton, first);
            }
            spellings[first] = group.Select(Spelling.Of).Distinct().ToArray();
        }
        return (bySpelling, bySkeleton, spellings);
    }
}
