using System.Globalization;
using Partnera.Features.People;
using Partnera.Features.People.Matching;

namespace Partnera.Tests.Features.People;

/// <summary>The cases of issue 24, each both ways round and in both scripts.</summary>
public sealed class MatcherListTests
{
    private static MatchRecord R(string family, string given, string born = "", string? sex = null, string? document = null, string? address = null) =>
        new(family, given, born.Length == 0 ? null : DateOnly.Parse(born, CultureInfo.InvariantCulture), document is null ? [] : [document],
            sex: sex switch { "F" => Sex.Female, "M" => Sex.Male, _ => null }, address: address);

    private static void Probable(MatchRecord a, MatchRecord b, Commonness commonness = default)
    {
        Assert.True(PersonMatcher.Score(a, b, commonness).Probable, $"{PersonMatcher.Score(a, b, commonness)}");
        Assert.True(PersonMatcher.Score(b, a, commonness).Probable, $"{PersonMatcher.Score(b, a, commonness)}");
    }

    private static void NotProbable(MatchRecord a, MatchRecord b, Commonness commonness = default)
    {
        Assert.False(PersonMatcher.Score(a, b, commonness).Probable, $"{PersonMatcher.Score(a, b, commonness)}");
        Assert.False(PersonMatcher.Score(b, a, commonness).Probable, $"{PersonMatcher.Score(b, a, commonness)}");
    }

    [Theory]
    [InlineData("Sârbu", "Doina", "Cahul")]
    [InlineData("Сырбу", "Дойна", "Кахул")]
    public void A_town_is_not_a_home_without_a_date_the_same_town_does_not_tell_a_person_from_namesakes(string family, string given, string town)
    {
        var dated = R("Sârbu", "Doina", "1954-05-09", address: "Cahul");
        var undated = R(family, given, address: town);
        NotProbable(dated, undated); // no counts: a town alone is no home
        NotProbable(dated, undated, new Commonness(60, 0.015)); // 60 namesakes, the town holds 1.5 % of the list
        Probable(dated, undated, new Commonness(60, 0.0003)); // a village of 300 in a million: namesakes there are unlikely
        Probable(R("Sârbu", "Doina", "1954-05-09", address: "Cahul, str. Păcii 44"), R(family, given, address: $"{town}, str. Păcii 44"), new Commonness(60, 1e-6));
    }

    [Fact]
    public void Over_a_list_a_dateless_record_meets_its_namesake_in_a_village_but_not_in_a_town()
    {
        var list = new List<MatchRecord>();
        for (var i = 0; i < 400; i++) list.Add(R($"Filler{(char)('a' + i % 26)}{(char)('a' + i / 26)}", "Ion", $"19{50 + i % 40}-0{1 + i % 9}-1{i % 9}", address: i < 100 ? "Cahul" : $"Village{i}"));
        foreach (var (born, place) in new[] { ("1954-05-09", "Cahul"), ("1961-02-03", "Cahul"), ("1970-03-04", "Orhei"), ("1980-04-05", "Soroca"), ("1990-06-07", "Văleni") })
            list.Add(R("Sârbu", "Doina", born, address: place));
        list.Add(R("Сырбу", "Дойна", address: "Кахул"));
        list.Add(R("Sarbu", "Doina", address: "Văleni"));
        list.Add(R("Văleni", "Filler")); // not at the place; keeps the village rare
        var pairs = DuplicateFinder.Find(list);
        var dateless = list.Count - 3;
        Assert.DoesNotContain(pairs, p => p.First == dateless || p.Second == dateless);
        Assert.Contains(pairs, p => (p.First, p.Second) == (404, dateless + 1));
    }

    [Fact]
    public void A_shared_document_is_evidence_not_a_verdict()
    {
        var a = R("Țîbuleac", "Constantin", "2011-05-25", "M", "КВ116478");
        NotProbable(a, R("Kovalenko", "Oksana", "2019-04-07", "F", "КВ116478"));
        NotProbable(a, R("Коваленко", "Оксана", "2019-04-07", "F", "KB 116478"));
        Probable(a, R("Цыбуляк", "Константин", "2011-05-26", "M", "kb-116478")); // a date typo, the same document
        Probable(a, R("Zaharia", "Ana", "2011-05-25", "M", "KB116478")); // names changed, all else agrees
    }

    [Theory]
    [InlineData("АА 123456", "aa123456")]
    [InlineData("АА 123456", "AA-123456")]
    [InlineData("кв116478", "KB 116478")]
    [InlineData("ТС-000001", "tc000001")]
    public void Document_series_in_either_script_are_one_number(string a, string b)
    {
        Assert.Equal(PersonDocument.Normalise(a), PersonDocument.Normalise(b));
        var score = PersonMatcher.Score(R("Бондар", "Ганна", document: a), R("Bondar", "Hanna", "1980-05-07", document: b));
        Assert.True(score.SameDocument && score.Probable, $"{score}");
        Assert.NotEqual(PersonDocument.Normalise("АА 123456"), PersonDocument.Normalise("АБ 123456"));
    }

    [Theory]
    [InlineData("Войтехович", "Ольга", "Войтехович", "Ольа")] // a typo leaving a name of three letters
    [InlineData("Voitekhovich", "Olha", "Войтехович", "Ольа")]
    [InlineData("Pavlenok", "Dmitiy", "Павленко", "Дмитро")] // a typo on the Russian form of a Ukrainian name
    [InlineData("Павленок", "Дмитий", "Pavlenko", "Dmytro")]
    [InlineData("Ковалнеко", "Олександр", "Kovalenko", "Oleksnadr")] // a typo in both records
    [InlineData("Kovalneko", "Oleksandr", "Коваленко", "Олександр")] // across scripts
    public void Typos_with_the_same_date_sex_and_town_are_the_same_person(string family1, string given1, string family2, string given2) =>
        Probable(R(family1, given1, "1971-07-16", "F", address: "Бахмут"), R(family2, given2, "1971-07-16", "F", address: "Bakhmut"));

    [Theory]
    [InlineData("Коваёв", "Андрей", "Ковалёв", "Андрей")]
    [InlineData("Kovaev", "Andrei", "Ковалёв", "Андрей")]
    [InlineData("Ковалёв", "Андрй", "Kovalev", "Andrei")]
    public void A_typo_with_a_missing_date_is_matched_when_the_names_or_the_home_tell(string family1, string given1, string family2, string given2)
    {
        var undated = R(family1, given1, sex: "M");
        var dated = R(family2, given2, "2015-10-20", "M");
        Probable(undated, dated, new Commonness(2, null)); // rare names
        NotProbable(undated, dated, new Commonness(40, null)); // common names and nothing else
        Probable(R(family1, given1, sex: "M", address: "Бахмут, вул. Миру, 5"), R(family2, given2, "2015-10-20", "M", address: "Bakhmut, vul. Myru 5"), new Commonness(40, null));
    }

    [Fact]
    public void Ion_and_Ana_are_not_one_name_and_Hanna_is_Anna()
    {
        NotProbable(R("Павленко", "Іван", "1980-05-07"), R("Павленко", "Анна", "1980-05-07"));
        NotProbable(R("Pavlenko", "Ion", "1980-05-07"), R("Павленко", "Ana", "1980-05-07"));
        Assert.True(PersonMatcher.Score(R("Павленко", "Іван", "1980-05-07"), R("Павленко", "Анна", "1980-05-07")).Total < 1);
        Assert.NotEqual(PersonMatcher.Skeleton("Ion"), PersonMatcher.Skeleton("Ana"));
        Assert.Equal(PersonMatcher.Skeleton("Ганна"), PersonMatcher.Skeleton("Анна"));
        Assert.Equal(PersonMatcher.Skeleton("Hanna"), PersonMatcher.Skeleton("Ana"));
        Assert.Equal(PersonMatcher.Skeleton("Іван"), PersonMatcher.Skeleton("Ion"));
        Probable(R("Павленко", "Ганна", "1980-05-07"), R("Pavlenko", "Ana", "1980-05-07"));
        Probable(R("Rusu", "Ion", "1980-05-07"), R("Русу", "Іван", "1980-05-07"));
    }

    [Fact]
    public void A_patronymic_in_the_other_language_is_the_same_father()
    {
        var uk = new MatchRecord("Журавлівська", "Оксана", new DateOnly(1945, 10, 16), [], "Костянтинівна", Sex.Female);
        var ru = new MatchRecord("Журавлевская", "Оксана", new DateOnly(1945, 10, 16), [], "Константиновна", Sex.Female);
        Assert.True(PersonMatcher.Score(uk, ru).Probable, $"{PersonMatcher.Score(uk, ru)}");
        Assert.True(PersonMatcher.Score(ru, uk).Probable);
        Assert.False(PersonMatcher.Score(uk, new MatchRecord("Журавлівська", "Оксана", new DateOnly(1945, 10, 16), [], "Петрівна", Sex.Female)).Probable);
    }

    [Fact]
    public void Without_a_date_rare_names_do_not_outweigh_another_document_of_the_same_kind()
    {
        var dated = R("Stratan", "Ion", "1961-08-23", "M", "0910012654562");
        NotProbable(dated, R("Стратан", "Ион", sex: "M", document: "0910137560949"), new Commonness(2, null));
        Probable(dated, R("Стратан", "Ион", sex: "M"), new Commonness(2, null));
    }

    [Fact]
    public void A_dateless_record_is_matched_when_only_one_of_its_namesakes_at_its_place_could_be_it()
    {
        var list = new List<MatchRecord>
        {
            new("Осадчук", "Іван", new DateOnly(1938, 4, 30), [], "Андрійович", Sex.Male, "Житомир"),
            new("Осадчук", "Іван", new DateOnly(1993, 12, 30), [], "Петрович", Sex.Male, "Житомир"),
            new("Осадчук", "Іван", new DateOnly(1971, 1, 2), [], "Андрійович", Sex.Male, "Суми"),
            new("Osadchuk", "Ivan", null, [], "Andriyovych", Sex.Male, "Zhytomyr"), // in Zhytomyr only the first has that father
            new("Osadchuk", "Ivan", null, [], null, Sex.Male, "Zhytomyr"), // no father's name: either of two there
        };
        // Zhytomyr a small share of the list: 4 records in 204.
        for (var i = 0; i < 199; i++) list.Add(new MatchRecord($"Filler{i}", "Ion", new DateOnly(1950 + i % 40, 1 + i % 12, 1 + i % 28), [], address: $"Village{i}"));
        var pairs = DuplicateFinder.Find(list).Select(p => (p.First, p.Second)).ToList();
        Assert.Equal([(0, 3)], pairs);
    }

    [Fact]
    public void In_a_town_a_dateless_record_meets_the_only_namesake_there_it_could_be()
    {
        var list = new List<MatchRecord>();
        // Two towns of some 20 records in a list of 306: fewer than half a Sârbu Doina is expected in either by chance.
        for (var i = 0; i < 300; i++) list.Add(R($"Filler{(char)('a' + i % 26)}{(char)('a' + i / 26)}", "Ion", $"19{50 + i % 40}-0{1 + i % 9}-1{i % 9}", address: i < 20 ? "Cahul" : i < 40 ? "Orhei" : $"Village{i}"));
        foreach (var (born, place) in new[] { ("1954-05-09", "Cahul"), ("1961-02-03", "Orhei"), ("1970-03-04", "Orhei"), ("1980-04-05", "Soroca") })
            list.Add(R("Sârbu", "Doina", born, address: place));
        list.Add(R("Сырбу", "Дойна", address: "Кахул")); // the only Sârbu Doina in Cahul
        list.Add(R("Sarbu", "Doina", address: "Orhei")); // two in Orhei
        var pairs = DuplicateFinder.Find(list).Select(p => (p.First, p.Second)).ToList();
        Assert.Contains((300, 304), pairs);
        Assert.DoesNotContain(pairs, p => p.First == 305 || p.Second == 305);
        Assert.Single(pairs);
        // In a list where Cahul is a city (half the records), the one namesake there no longer tells.
        var city = list.Select((r, i) => i < 300 ? R("Filler" + i, "Ion", "1950-01-01", address: i < 150 ? "Cahul" : "Orhei") : r).ToList();
        Assert.DoesNotContain(DuplicateFinder.Find(city), p => p.First >= 300);
    }
}
