using System.Globalization;
using System.Text;
using Partnera.Features.People;
using Partnera.Infrastructure.Text;

namespace Partnera.Bench;

/// <summary>One generated person as a provider would have typed them, and the real person behind the record.</summary>
public sealed record GeneratedPerson(int Id, int Truth, string Family, string Given, string? Patronymic, DateOnly? Born, Sex Sex, string? Document, string? Address)
{
    /// <summary>What makes this record hard to match (empty for an original): "typo", "no date", "russian form", …</summary>
    public string[] Difficulties { get; init; } = [];
}

/// <summary>What the address column holds: nothing, the settlement only (as most provider lists), or street and house.</summary>
public enum AddressMode
{
    Empty,
    Settlement,
    Full,
}

/// <summary>
/// People as providers across Ukraine and Moldova hold them, with known duplicates: a real person registered again by
/// another provider written another way — in Russian or in Latin letters (Ukrainian or Russian transliteration), with
/// Romanian diacritics dropped or in cedilla form or in Cyrillic, with a typo, names swapped, day and month of birth
/// swapped, or the date, document, patronymic or address missing. Family names follow a long-tailed distribution over
/// some 6,000 names, given names the short list people are actually given. Deterministic for a seed.
/// </summary>
public sealed class PeopleGenerator(int seed, AddressMode addresses = AddressMode.Full)
{
    private readonly Random random = new(seed);

    /// <summary>Share of originals given another, unrelated person's document number (typed wrong, a parent's passport).</summary>
    private const double DocumentCollisions = 0.003;

    /// <summary>Share of first records without a date of birth (a provider that does not ask for it).</summary>
    private const double UndatedOriginals = 0.03;

    private static readonly string[] Roots = ("Бондар Коваль Шевч Мельн Ткач Кравч Олійн Шевчук Поліщ Лисенк Марч Савч Руденк Петр Гончар Мороз Клименк Павл " +
        "Левч Харч Кузьм Сидор Карпенк Бойч Панч Гнат Тимош Демч Остап Ярем Зінч Приход Дяч Мирон Семен Луценк Гаврил Гриц Дорош Жук " +
        "Заїч Іван Кирил Литвин Максим Назар Осадч Пилип Рибал Степан Тарас Устим Федор Хом Цимбал Чорн Шап Щерб Юрч Яков Білик Вовк Гуд " +
        "Давид Єрем Журавл Зайч Ігнат Кост Лук Мацюк Нестер Охрім Прокоп Роман Стець Трох Филип Хар Цьох Чуб Шульг Щук Юхим Ясин Андрі Баран " +
        "Васил Голуб Дмитр Ємел Зубк Калин Лаврин Мартин Ничип Олекс Панас Радч Слюс Тереш Уман Фесенк Худ Цап Чумак Шаповал Юр Яцюк Антон " +
        "Бабич Волош Грищ Дуб Єфім Задорож Козак Лазар Мазур Нагорн Оліфір Пасічн Рябок Сав Трач Ус Фом Хмар Цюп Черн Шевел Яременк Гладк Бурлак").Split(' ');
    private static readonly string[] Suffixes = ["енко", "ук", "чук", "ський", "ович", "ишин", "ак", "ко", "ун", "ар", "ець", "ан", "юк", "ій", "ик", "ін", "ів", "ега", "ило", "ей", "ас", "ар", "ота", "уш", "ань", "ень", "ура", "ийчук", "ащук", "івський", "енюк", "ейко", "ало", "ула", "оха", "ута", "иця"];
    private static readonly string[] RomanianFamilies = ("Rusu Țurcanu Ceban Ciobanu Răileanu Munteanu Lungu Rotaru Popescu Cojocaru Moraru Bîrcă Țîcu Ștefăneț Guțu Sârbu Bălan Cazacu " +
        "Botnaru Grosu Plămădeală Ursu Țurcan Rață Negru Pașa Zaharia Roșca Leancă Croitoru Gîrbu Istrati Cebotari Popa Onu Frunză Ionescu Mocanu Cucu " +
        "Arseni Bejan Bodiu Bostan Bulat Burlacu Caraman Cernei Chiriac Cibotaru Codreanu Colesnic Crețu Cojocari Dabija Darie Dobrea Donica Dragan Eremia " +
        "Florea Gaidău Gheorghiță Gârlea Godorogea Gorincioi Guzun Harea Iachim Iațco Jardan Lazăr Leahu Lisnic Lupașcu Malai Manole Mardari Melnic Mereuță " +
        "Mihăilă Mîndru Moldovan Năstase Nistor Oprea Palii Pântea Pîslaru Postică Prepeliță Puiu Radu Rotari Sandu Sîrbu Scutaru Secu Spînu Stratan " +
        "Sîrghi Talmaci Tănase Toma Turcanu Ungureanu Vieru Vrabie Zgardan Zubco Țîbuleac Știrbu Șevciuc Ghețu Căpățînă Bîzgu Cîrlig Rusnac Pîrțac").Split(' ');
    private static readonly (string Uk, string Ru)[] Men = [("Олександр", "Александр"), ("Сергій", "Сергей"), ("Андрій", "Андрей"), ("Володимир", "Владимир"), ("Микола", "Николай"),
        ("Іван", "Иван"), ("Василь", "Василий"), ("Петро", "Пётр"), ("Юрій", "Юрий"), ("Олег", "Олег"), ("Віктор", "Виктор"), ("Дмитро", "Дмитрий"), ("Михайло", "Михаил"),
        ("Ігор", "Игорь"), ("Анатолій", "Анатолий"), ("Віталій", "Виталий"), ("Григорій", "Григорий"), ("Богдан", "Богдан"), ("Тарас", "Тарас"), ("Євген", "Евгений"),
        ("Олексій", "Алексей"), ("Павло", "Павел"), ("Роман", "Роман"), ("Степан", "Степан"), ("Максим", "Максим"), ("Артем", "Артём"), ("Денис", "Денис"),
        ("Федір", "Фёдор"), ("Ярослав", "Ярослав"), ("Костянтин", "Константин"), ("Вадим", "Вадим"), ("Руслан", "Руслан"), ("Леонід", "Леонид"), ("Борис", "Борис")];
    private static readonly (string Uk, string Ru)[] Women = [("Олена", "Елена"), ("Наталія", "Наталья"), ("Тетяна", "Татьяна"), ("Ірина", "Ирина"), ("Світлана", "Светлана"),
        ("Оксана", "Оксана"), ("Людмила", "Людмила"), ("Марія", "Мария"), ("Галина", "Галина"), ("Ганна", "Анна"), ("Валентина", "Валентина"), ("Надія", "Надежда"),
        ("Ольга", "Ольга"), ("Катерина", "Екатерина"), ("Юлія", "Юлия"), ("Вікторія", "Виктория"), ("Лариса", "Лариса"), ("Любов", "Любовь"), ("Віра", "Вера"),
        ("Софія", "София"), ("Дарина", "Дарина"), ("Анастасія", "Анастасия"), ("Христина", "Кристина"), ("Алла", "Алла"), ("Зоя", "Зоя"), ("Лідія", "Лидия"),
        ("Раїса", "Раиса"), ("Ніна", "Нина"), ("Тамара", "Тамара"), ("Інна", "Инна")];
    private static readonly string[] RomanianMen = ("Ion Ștefan Gheorghe Vasile Nicolae Mihai Petru Dumitru Andrei Alexandru Sergiu Vitalie Tudor Constantin Iurie Victor Grigore Valeriu").Split(' ');
    private static readonly string[] RomanianWomen = ("Maria Elena Ana Natalia Tatiana Svetlana Ecaterina Lilia Valentina Galina Cristina Nadejda Aurelia Doina Mariana Ludmila Lidia Veronica").Split(' ');
    private static readonly string[] Places = ("Бахмут Костянтинівка Запоріжжя Харків Полтава Житомир Вінниця Черкаси Суми Чернігів Рівне Луцьк Ужгород Херсон Миколаїв Одеса Дніпро Кропивницький").Split(' ');
    private static readonly string[] RomanianPlaces = ("Cahul Glodeni Strășeni Chișinău Bălți Orhei Ungheni Soroca Comrat Hîncești").Split(' ');
    private static readonly string[] Streets = ("Шевченка Франка Миру Садова Центральна Соборна Лесі_Українки Грушевського Незалежності Шкільна Польова Зелена Героїв Київська").Split(' ');
    private static readonly string[] RomanianStreets = ("Ștefan_cel_Mare Mihai_Eminescu Independenței Păcii Alexandru_cel_Bun Decebal Unirii Florilor").Split(' ');

    private static readonly string[] VillageEndings = ["івка", "ове", "ине", "ці", "енки", "ичі"];
    private static readonly string[] RomanianVillageEndings = ["ești", "eni", "ani"];

    /// <summary>Settlements by size: the cities first, then some 900 villages and towns (Zipf: a few big, most of a few hundred people).</summary>
    private static readonly string[] Settlements = [.. Places, .. Roots.SelectMany(r => VillageEndings.Select(e => r + e))];
    private static readonly string[] RomanianSettlements = [.. RomanianPlaces, .. RomanianFamilies.SelectMany(f => RomanianVillageEndings.Select(e => f.TrimEnd('u', 'a', 'ă', 'e', 'i') + e))];
    private readonly double[] settlementWeights = Zipf(Settlements.Length, 1.0);
    private readonly double[] romanianSettlementWeights = Zipf(RomanianSettlements.Length, 1.0);

    private readonly double[] familyWeights = Zipf(Roots.Length * Suffixes.Length, 0.5);
    private readonly double[] menWeights = Zipf(Men.Length, 0.9);
    private readonly double[] womenWeights = Zipf(Women.Length, 0.9);

    /// <summary><paramref name="count"/> records, of which about <paramref name="duplicateShare"/> are another record of a person already in the list.</summary>
    public List<GeneratedPerson> Generate(int count, double duplicateShare)
    {
        var people = new List<GeneratedPerson>(count);
        var originals = new List<Original>((int)(count * (1 - duplicateShare)) + 1);
        for (var id = 0; id < count; id++)
        {
            if (originals.Count > 1_000 && random.NextDouble() < duplicateShare)
            {
                var original = originals[random.Next(originals.Count)];
                people.Add(Vary(id, original));
            }
            else
            {
                var original = NewOriginal(originals.Count);
                var collides = originals.Count > 1_000 && random.NextDouble() < DocumentCollisions;
                if (collides) original = original with { Document = originals[random.Next(originals.Count)].Document ?? original.Document };
                originals.Add(original);
                // Some people are registered without a date of birth the first time too: not every dateless record is a duplicate.
                var undated = random.NextDouble() < UndatedOriginals;
                people.Add(new GeneratedPerson(id, original.Truth, original.Family, original.Given, original.Patronymic, undated ? null : original.Born, original.Sex, original.Document, Written(original.Address))
                {
                    Difficulties = [.. collides ? new[] { "document of another" } : [], .. undated ? new[] { "no date on the first record" } : []],
                });
            }
        }
        return people;
    }

    private sealed record Original(int Truth, bool Romanian, string Family, string Given, string GivenRu, string? Patronymic, string? PatronymicRu, DateOnly Born, Sex Sex, string? Document, string Address);

    /// <summary>The address as this list's address column holds it (originals keep settlement and street apart with " | ").</summary>
    private string? Written(string? address) => address is null ? null : addresses switch
    {
        AddressMode.Empty => null,
        AddressMode.Settlement => address[..address.IndexOf(',', StringComparison.Ordinal)],
        _ => address,
    };

    private string Settlement(bool romanian) => romanian ? RomanianSettlements[Weighted(romanianSettlementWeights)] : Settlements[Weighted(settlementWeights)];

    private Original NewOriginal(int truth)
    {
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var born = new DateOnly(1935, 1, 1).AddDays(random.Next(31_000));
        var romanian = random.NextDouble() < 0.15;
        string? document = random.NextDouble() < 0.7 ? Document(romanian, truth) : null;
        if (romanian)
        {
            var given = sex == Sex.Male ? Pick(RomanianMen) : Pick(RomanianWomen);
            var place = Settlement(true);
            return new Original(truth, true, Pick(RomanianFamilies), given, given, null, null, born, sex, document, $"{place}, str. {Pick(RomanianStreets).Replace('_', ' ')} {random.Next(1, 120)}");
        }
        var family = Family(sex);
        var (uk, ru) = sex == Sex.Male ? Men[Weighted(menWeights)] : Women[Weighted(womenWeights)];
        var father = Men[Weighted(menWeights)];
        var address = $"{Settlement(false)}, вул. {Pick(Streets).Replace('_', ' ')}, {random.Next(1, 200)}" + (random.NextDouble() < 0.5 ? $", кв. {random.Next(1, 150)}" : "");
        return new Original(truth, false, family, uk, ru, Patronymic(father.Uk, sex, false), Patronymic(father.Ru, sex, true), born, sex, document, address);
    }

    private string Family(Sex sex)
    {
        var n = Weighted(familyWeights);
        var name = Roots[n / Suffixes.Length] + Suffixes[n % Suffixes.Length];
        return sex == Sex.Female && name.EndsWith("ський", StringComparison.Ordinal) ? name[..^4] + "ька" : name;
    }

    private static string Patronymic(string father, Sex sex, bool russian)
    {
        var stem = father.TrimEnd('й', 'о', 'а', 'ь');
        return (sex, russian) switch
        {
            (Sex.Male, false) => stem + "ович",
            (Sex.Female, false) => stem + "івна",
            (Sex.Male, true) => stem + "ович",
            _ => stem + "овна",
        };
    }

    /// <summary>A document number no one else has (documents are issued once).</summary>
    private static string Document(bool romanian, int truth) => romanian
        ? "09" + (10_000_000_000L + truth * 7_919L).ToString(CultureInfo.InvariantCulture)
        : $"{(char)('А' + truth / 900_000 % 28)}{(char)('А' + truth / 25_200_000 % 28)}{100_000 + truth % 900_000}";

    private GeneratedPerson Vary(int id, Original o)
    {
        string family = o.Family, given = o.Given;
        var patronymic = o.Patronymic;
        DateOnly? born = o.Born;
        var difficulties = new List<string>();
        var document = random.NextDouble() < 0.5 ? o.Document : null;
        if (document is not null && !o.Romanian && random.NextDouble() < 0.4)
        {
            // The series in the Latin letters that look the same, with a space or a dash as typed.
            document = Homoglyphs(document) + "";
            document = random.Next(3) switch { 0 => document, 1 => document.Insert(2, " "), _ => document.Insert(2, "-").ToLowerInvariant() };
            difficulties.Add("series in Latin");
        }
        var address = o.Address;
        // The way the other provider writes names: its own language, or Latin letters as in a passport.
        var style = random.NextDouble();
        if (o.Romanian)
        {
            if (style < 0.35) (family, given) = (Cedilla(family), Cedilla(given));
            else if (style < 0.65) (family, given) = (Plain(family), Plain(given));
            else if (style < 0.85) (family, given, address) = (RomanianCyrillic(family), RomanianCyrillic(given), RomanianCyrillic(address));
            if (style < 0.85) difficulties.Add(style < 0.65 ? "Romanian diacritics" : "Romanian in Cyrillic");
        }
        else if (style < 0.3) (given, patronymic) = (o.GivenRu, o.PatronymicRu);
        else if (style < 0.5) (family, given, patronymic) = (Latin(family), Latin(given), null);
        else if (style < 0.6) (family, given, patronymic) = (Capital(Russian(family)), Capital(Russian(o.GivenRu)), null);
        if (!o.Romanian && style < 0.6) difficulties.Add(style < 0.3 ? "Russian form" : style < 0.5 ? "Latin letters" : "Russian form in Latin");
        // And what went wrong or missing, one or two things at a time.
        for (var changes = random.Next(1, 3); changes > 0; changes--)
        {
            var what = random.NextDouble();
            if (what < 0.3)
            {
                if (random.Next(2) == 0) family = Typo(family);
                else given = Typo(given);
                difficulties.Add(Partnera.Features.People.Matching.Spelling.Of(given).Length <= 3 ? "typo leaving a short name" : "typo");
            }
            else if (what < 0.42) (family, given) = (given, family);
            else if (what < 0.52 && born is { Day: <= 12 } d && d.Day != d.Month) born = new DateOnly(d.Year, d.Day, d.Month);
            else if (what < 0.64) born = null;
            else if (what < 0.76) patronymic = null;
            else if (what < 0.88) address = null;
            else address = o.Romanian ? $"{Settlement(true)}, str. {Pick(RomanianStreets).Replace('_', ' ')} {random.Next(1, 120)}" : $"{Settlement(false)}, вул. {Pick(Streets)}, {random.Next(1, 200)}";
            difficulties.Add(what switch { < 0.3 => "", < 0.42 => "names swapped", < 0.52 => "day and month swapped", < 0.64 => "no date", < 0.76 => "no patronymic", < 0.88 => "no address", _ => "moved" });
        }
        if (difficulties.Contains("no date") && difficulties.Any(d => d.StartsWith("typo", StringComparison.Ordinal))) difficulties.Add("typo and no date");
        return new GeneratedPerson(id, o.Truth, family, given, patronymic, born, o.Sex, document, Written(address)) { Difficulties = difficulties.Where(d => d.Length > 0).Distinct().ToArray() };
    }

    /// <summary>One slip of the keyboard: a letter dropped, doubled, replaced by another or swapped with the next.</summary>
    private string Typo(string name)
    {
        if (name.Length < 4) return name;
        var i = random.Next(1, name.Length - 1);
        return random.Next(4) switch
        {
            0 => name.Remove(i, 1),
            1 => name.Insert(i, name[i].ToString()),
            2 => name[..i] + Similar(name[i]) + name[(i + 1)..],
            _ => name[..i] + name[i + 1] + name[i] + name[(i + 2)..],
        };
    }

    private static char Similar(char c) => c switch
    {
        'а' => 'о',
        'о' => 'а',
        'е' => 'и',
        'и' => 'і',
        'і' => 'и',
        'н' => 'м',
        'к' => 'г',
        'л' => 'д',
        'р' => 'п',
        'с' => 'з',
        'т' => 'ш',
        'a' => 'o',
        'o' => 'u',
        'e' => 'i',
        'i' => 'y',
        'n' => 'm',
        'k' => 'c',
        'l' => 'i',
        'r' => 't',
        's' => 'z',
        't' => 'd',
        'u' => 'a',
        _ => char.IsUpper(c) ? c : 'e',
    };

    private static string Latin(string cyrillic) => Capital(SearchKey.For(cyrillic));

    private static readonly Dictionary<char, string> RussianLatin = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "yo",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "y",
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
        ['ы'] = "y",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        ['ь'] = "",
        ['ъ'] = "",
        ['і'] = "i",
        ['ї'] = "yi",
        ['є'] = "ye",
        ['ґ'] = "g",
    };

    private static string Russian(string cyrillic) => string.Concat(cyrillic.ToLowerInvariant().Select(c => RussianLatin.TryGetValue(c, out var l) ? l : c.ToString()));

    private static readonly Dictionary<char, string> MoldovanCyrillic = new()
    {
        ['a'] = "а",
        ['ă'] = "э",
        ['â'] = "ы",
        ['b'] = "б",
        ['c'] = "к",
        ['d'] = "д",
        ['e'] = "е",
        ['f'] = "ф",
        ['g'] = "г",
        ['h'] = "х",
        ['i'] = "и",
        ['î'] = "ы",
        ['j'] = "ж",
        ['k'] = "к",
        ['l'] = "л",
        ['m'] = "м",
        ['n'] = "н",
        ['o'] = "о",
        ['p'] = "п",
        ['r'] = "р",
        ['s'] = "с",
        ['ș'] = "ш",
        ['t'] = "т",
        ['ț'] = "ц",
        ['u'] = "у",
        ['v'] = "в",
        ['x'] = "кс",
        ['z'] = "з",
    };

    /// <summary>Romanian in Moldovan Cyrillic as Russian-language documents write it: ce/ci as че/чи, che/chi as ке/ки.</summary>
    private static string RomanianCyrillic(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < text.Length ? char.ToLowerInvariant(text[i + 1]) : ' ';
            var mapped = (lower, next) switch
            {
                ('c' or 'g', 'h') => lower == 'c' ? "к" : "г",
                ('c', 'e' or 'i') => "ч",
                _ => MoldovanCyrillic.TryGetValue(lower, out var m) ? m : c.ToString(),
            };
            if (next == 'h' && lower is 'c' or 'g') i++;
            result.Append(char.IsUpper(c) ? Capital(mapped) : mapped);
        }
        return result.ToString();
    }

    private static string Homoglyphs(string document) =>
        string.Concat(document.Select(c => PersonDocument.Cyrillic.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? PersonDocument.Latin[i] : c));

    private static string Cedilla(string text) => text.Replace('ș', 'ş').Replace('ț', 'ţ').Replace('Ș', 'Ş').Replace('Ț', 'Ţ');

    private static string Plain(string text) => string.Concat(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private int Weighted(double[] cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return i >= 0 ? i : ~i;
    }

    private static double[] Zipf(int n, double s)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++) cumulative[k] = sum += 1 / Math.Pow(k + 1, s);
        return cumulative;
    }
}
