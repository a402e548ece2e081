namespace Partnera.Features.People.Matching;

/// <summary>
/// Given names that are one name in Ukrainian, Russian and Romanian but sound too different for a skeleton to join
/// (Микола, Николай, Nicolae; Іван, Иван, Ion): each form's skeleton is replaced by the skeleton of the first.
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

    private static readonly Dictionary<string, string> Canonical = Build();

    /// <summary>The name this skeleton is a form of, when it is in the table.</summary>
    public static string? FormOf(string skeleton) => Canonical.GetValueOrDefault(skeleton);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var first = Spelling.Skeleton(group[0]);
            foreach (var form in group) map.TryAdd(Spelling.Skeleton(form), first);
        }
        return map;
    }
}
