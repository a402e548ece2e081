using System.Text.Json;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Priority;

/// <summary>
/// How a campaign ranks households for outreach: points for belonging to a vulnerable group (once per group), for a
/// given answer (an option, yes or no), or per unit of a number or scale answer. A household's score is the sum of
/// the points its answers earn — a formula printed next to every list it orders.
/// </summary>
public sealed class PriorityScheme
{
    public const decimal MaxPoints = 100;

    public List<PriorityWeight> Weights { get; set; } = [];

    /// <summary>The first scheme of a campaign: 3 points per vulnerable group, 1 per difficulty named, 1 per step of a scale.</summary>
    public static PriorityScheme Default(QuestionnaireDefinition definition)
    {
        var scheme = new PriorityScheme();
        foreach (var group in definition.Questions.SelectMany(q => q.Options ?? []).Where(o => o.Group is not null).Select(o => o.Group!.Value).Distinct())
            scheme.Weights.Add(new PriorityWeight { Group = group, Points = 3 });
        foreach (var question in definition.Questions)
        {
            if (question.Kind == QuestionKind.Scale) scheme.Weights.Add(new PriorityWeight { Question = question.Code, Points = 1 });
            // A list of difficulties: options standing for neither a group nor a service.
            if (question.Kind == QuestionKind.Multiple && question.Measures is null && question.Options?.All(o => o.Group is null && o.Term is null) == true)
                scheme.Weights.AddRange(question.Options.Select(o => new PriorityWeight { Question = question.Code, Answer = o.Code, Points = 1 }));
        }
        return scheme;
    }

    /// <summary>Every line a scheme may weigh for this questionnaire: each group its answers name, each answer, each number.</summary>
    public static List<PriorityWeight> Choices(QuestionnaireDefinition definition)
    {
        var choices = definition.Questions.SelectMany(q => q.Options ?? []).Where(o => o.Group is not null).Select(o => o.Group!.Value).Distinct()
            .Select(g => new PriorityWeight { Group = g }).ToList();
        foreach (var q in definition.Questions)
        {
            if (q.HasOptions) choices.AddRange(q.Options!.Select(o => new PriorityWeight { Question = q.Code, Answer = o.Code }));
            else if (q.Kind == QuestionKind.YesNo) choices.AddRange(new[] { "yes", "no" }.Select(a => new PriorityWeight { Question = q.Code, Answer = a }));
            else if (q.Kind is QuestionKind.Number or QuestionKind.Scale) choices.Add(new PriorityWeight { Question = q.Code });
        }
        return choices;
    }

    public decimal PointsFor(PriorityWeight line) => Weights.FirstOrDefault(w => w.SameLine(line))?.Points ?? 0;

    public string ToJson() => JsonSerializer.Serialize(this, QuestionnaireDefinition.Json);

    public static PriorityScheme? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<PriorityScheme>(json, QuestionnaireDefinition.Json);
}

/// <summary>One line of the formula: a group, an answer to a question, or each unit of a number.</summary>
public sealed class PriorityWeight
{
    public TargetGroup? Group { get; set; }
    public string? Question { get; set; }
    /// <summary>An option code or "yes"/"no"; none on a number or scale question, whose value is multiplied.</summary>
    public string? Answer { get; set; }
    public decimal Points { get; set; }

    /// <summary>The key a form field uses for this line.</summary>
    public string Key => Group is { } g ? $"group:{g}" : Answer is null ? $"number:{Question}" : $"answer:{Question}:{Answer}";

    public bool SameLine(PriorityWeight other) => Key == other.Key;
}

/// <summary>What the formula partial shows: the scheme and the questionnaire its lines refer to.</summary>
public sealed record PriorityFormula(PriorityScheme Scheme, QuestionnaireDefinition Definition);
