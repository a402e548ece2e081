using System.Text.Json;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Imports;

namespace Partnera.Features.Needs.Imports;

/// <summary>
/// What each column of a survey file holds: the household's community, contact details, anonymity or consent, the
/// answer to a question ("q:CODE"), or nothing (ignored). The first guess matches headers to question codes and to
/// the household fields' names in the four languages; the user corrects it.
/// </summary>
public static class ColumnMapping
{
    public const string Community = "community";
    public const string ContactName = "contact";
    public const string Address = "address";
    public const string Phone = "phone";
    public const string Anonymous = "anonymous";
    public const string Consent = "consent";
    public const string QuestionPrefix = "q:";

    public static readonly string[] HouseholdFields = [Community, ContactName, Address, Phone, Anonymous, Consent];

    private static readonly Dictionary<string, string[]> Names = new()
    {
        [Community] = ["community", "громада", "община", "comunitate", "comunitatea", "territory", "громада/населений пункт"],
        [ContactName] = ["contact", "name", "контакт", "контактна особа", "контактное лицо", "ім'я", "имя", "persoana de contact", "nume"],
        [Address] = ["address", "адреса", "адрес", "adresa"],
        [Phone] = ["phone", "телефон", "telefon"],
        [Anonymous] = ["anonymous", "анонімно", "анонимно", "anonim"],
        [Consent] = ["consent", "згода", "согласие", "consimțământ", "acord"],
    };

    public static string Question(string code) => QuestionPrefix + code;

    public static string? QuestionCode(string target) => target.StartsWith(QuestionPrefix, StringComparison.Ordinal) ? target[QuestionPrefix.Length..] : null;

    public static List<string> Suggest(IReadOnlyList<string> headers, QuestionnaireDefinition definition)
    {
        var codes = definition.Questions.Select(q => q.Code).ToList();
        var taken = new HashSet<string>();
        return headers.Select(header =>
        {
            var guess = Guess(header, codes);
            return guess is not null && taken.Add(guess) ? guess : "";
        }).ToList();
    }

    private static string? Guess(string header, List<string> codes)
    {
        var trimmed = header.Trim();
        // "A1", "A1 Household size", "A1. How many…" all name question A1.
        var code = codes.OrderByDescending(c => c.Length).FirstOrDefault(c => trimmed.Equals(c, StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith(c, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(trimmed[c.Length])));
        return code is not null ? Question(code) : TableCells.Named(trimmed, Names);
    }

    /// <summary>Problems with the mapping itself: a target used twice, an unknown question, no community column for several communities.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> targets, QuestionnaireDefinition definition, int communities)
    {
        var used = targets.Where(t => t.Length > 0).ToList();
        if (used.GroupBy(t => t).Any(g => g.Count() > 1)) yield return "Import_MappedTwice";
        if (used.Any(t => QuestionCode(t) is { } c ? definition.Questions.All(q => q.Code != c) : !HouseholdFields.Contains(t))) yield return "Import_UnknownTarget";
        if (communities > 1 && !used.Contains(Community)) yield return "Import_CommunityNotMapped";
    }

    /// <summary>Required questions that no column answers: every row will miss them.</summary>
    public static List<string> RequiredMissing(IReadOnlyList<string> targets, QuestionnaireDefinition definition) =>
        definition.Questions.Where(q => q.Required && q.ShowWhen is null && !targets.Contains(Question(q.Code))).Select(q => q.Code).ToList();

    public static string ToJson(IReadOnlyList<string> targets) => JsonSerializer.Serialize(targets);

    public static List<string> FromJson(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
