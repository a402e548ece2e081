using System.Text.Json;
using Partnera.Infrastructure.Imports;

namespace Partnera.Features.People.Imports;

/// <summary>
/// What each column of a provider's list of people holds: a field of the person, the household the row belongs to
/// (any value shared by the rows of one household) and the relation to its head, the consent, or nothing. The first
/// guess matches the headers to the fields' names in the four languages; the user corrects it.
/// </summary>
public static class PeopleColumns
{
    public const string Household = "household", Relation = "relation", FamilyName = "family_name", GivenName = "given_name",
        Patronymic = "patronymic", LatinName = "latin_name", BirthDate = "birth_date", Sex = "sex", Phone = "phone", Email = "email",
        Address = "address", Community = "community", DocumentKind = "document_kind", DocumentNumber = "document_number",
        Categories = "categories", ConsentPurpose = "consent_purpose", ConsentDate = "consent_date";

    public static readonly string[] All = [FamilyName, GivenName, Patronymic, LatinName, BirthDate, Sex, Phone, Email, Address, Community,
        DocumentKind, DocumentNumber, Categories, Household, Relation, ConsentDate, ConsentPurpose];

    private static readonly Dictionary<string, string[]> Names = new()
    {
        [FamilyName] = ["family name", "surname", "last name", "прізвище", "фамилия", "nume", "numele de familie"],
        [GivenName] = ["given name", "first name", "name", "ім'я", "имя", "prenume"],
        [Patronymic] = ["по батькові", "отчество", "patronimic"],
        [LatinName] = ["name in latin", "латиницею", "латиницей", "nume latin"],
        [BirthDate] = ["date of birth", "born", "birth", "дата народження", "дата рождения", "data nasterii", "data nașterii"],
        [Sex] = ["gender", "стать", "пол", "sexul"],
        [Phone] = ["telephone", "телефон", "telefon"],
        [Email] = ["e-mail", "mail", "ел. пошта", "електронна пошта", "эл. почта", "электронная почта"],
        [Address] = ["адреса", "адрес", "adresa"],
        [Community] = ["громада", "община", "comunitate", "comunitatea", "territory"],
        [DocumentKind] = ["document type", "тип документа", "вид документа", "tip document", "tipul documentului"],
        [DocumentNumber] = ["document", "document number", "номер документа", "документ", "numar document", "număr document", "passport", "паспорт"],
        [Categories] = ["groups", "vulnerable groups", "категорії", "категории", "вразливі групи", "уязвимые группы", "categorii", "grupuri"],
        [Household] = ["household id", "домогосподарство", "домохозяйство", "сім'я", "семья", "gospodăria", "gospodărie", "familie"],
        [Relation] = ["relationship", "relation to head", "ким доводиться", "родство", "родинний зв'язок", "relația", "rudenie"],
        [ConsentDate] = ["consent", "consent date", "згода", "дата згоди", "согласие", "дата согласия", "consimțământ", "data consimțământului"],
        [ConsentPurpose] = ["consent purpose", "мета згоди", "цель согласия", "scopul consimțământului"],
    };

    public static List<string> Suggest(IReadOnlyList<string> headers)
    {
        var taken = new HashSet<string>();
        return headers.Select(h => TableCells.Named(h, Names) is { } guess && taken.Add(guess) ? guess : "").ToList();
    }

    /// <summary>Problems with the mapping itself (message keys): a field taken by two columns, an unknown field, no names.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> targets)
    {
        var used = targets.Where(t => t.Length > 0).ToList();
        if (used.GroupBy(t => t).Any(g => g.Count() > 1)) yield return "PeopleImport_MappedTwice";
        if (used.Any(t => !All.Contains(t))) yield return "PeopleImport_UnknownTarget";
        if (!used.Contains(FamilyName) || !used.Contains(GivenName)) yield return "PeopleImport_NamesNotMapped";
    }

    public static string ToJson(IReadOnlyList<string> targets) => JsonSerializer.Serialize(targets);

    public static List<string> FromJson(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
