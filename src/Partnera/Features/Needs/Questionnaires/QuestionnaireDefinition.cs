using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Partnera.Features.Directory;

namespace Partnera.Features.Needs.Questionnaires;

/// <summary>
/// A questionnaire as respondents see it: sections of questions, each text in several languages. Stored as one JSON
/// document per version, so a published version stays exactly as it was answered.
/// </summary>
public sealed class QuestionnaireDefinition
{
    /// <summary>ISO code of the country whose template it started from.</summary>
    public string Country { get; set; } = "";
    /// <summary>The classifier whose services the service questions offer.</summary>
    public string Taxonomy { get; set; } = "";
    /// <summary>Where the template comes from (methodology or legal act).</summary>
    public string? Source { get; set; }
    public List<QuestionSection> Sections { get; set; } = [];

    [JsonIgnore] public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The words of an answer to a question: yes/no in the reader's language, else the option's text, else the code itself.</summary>
    public string AnswerText(string questionCode, string answer, CultureInfo culture, string yes, string no)
    {
        var question = Questions.FirstOrDefault(q => q.Code == questionCode);
        if (question?.Kind == QuestionKind.YesNo && answer is "yes" or "no") return answer == "yes" ? yes : no;
        return question?.Option(answer)?.Text.In(culture) ?? answer;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QuestionnaireDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<QuestionnaireDefinition>(json, Json) ?? throw new JsonException("Empty questionnaire definition.");
}

public sealed class QuestionSection
{
    public string Code { get; set; } = "";
    public Dictionary<string, string> Title { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
}

public sealed class Question
{
    public string Code { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public Dictionary<string, string> Text { get; set; } = [];
    public bool Required { get; set; }
    public List<AnswerOption>? Options { get; set; }
    /// <summary>Asked only when an earlier question got this answer ("show B when A = yes").</summary>
    public Condition? ShowWhen { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    /// <summary>What the analysis reads from this question, if anything.</summary>
    public QuestionMeasure? Measures { get; set; }

    [JsonIgnore] public bool HasOptions => Kind is QuestionKind.Single or QuestionKind.Multiple;

    /// <summary>The option with this code, if the question has one (a loop: imports ask this for every answer of every row).</summary>
    public AnswerOption? Option(string? code)
    {
        foreach (var option in Options ?? [])
            if (option.Code == code) return option;
        return null;
    }
}

public enum QuestionKind
{
    Single,
    Multiple,
    Number,
    Text,
    Date,
    YesNo,
    Scale,
}

/// <summary>The questions the gap analysis relies on: the household's size and the services it uses and needs.</summary>
public enum QuestionMeasure
{
    HouseholdSize,
    ServicesUsed,
    ServicesNeeded,
}

public sealed class AnswerOption
{
    public string Code { get; set; } = "";
    public Dictionary<string, string> Text { get; set; } = [];
    /// <summary>The service category (classifier code) this answer stands for: what the gap analysis counts.</summary>
    public string? Term { get; set; }
    /// <summary>The vulnerable group this answer places the household in.</summary>
    public TargetGroup? Group { get; set; }
}

/// <summary>The earlier question and the answer ("yes", "no" or an option code) that make a question appear.</summary>
public sealed record Condition(string Question, string Answer);

public static class QuestionText
{
    /// <summary>The text in the culture's language, else English, else any language it has.</summary>
    public static string In(this Dictionary<string, string> text, CultureInfo culture) =>
        text.TryGetValue(culture.TwoLetterISOLanguageName, out var own) && !string.IsNullOrWhiteSpace(own) ? own
        : text.TryGetValue("en", out var en) && !string.IsNullOrWhiteSpace(en) ? en
        : text.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}
