namespace Partnera.Features.Needs.Questionnaires;

/// <summary>What makes a questionnaire publishable; each problem names the question it is in.</summary>
public static class QuestionnaireRules
{
    public sealed record Problem(string Question, string Key);

    public static List<Problem> Check(QuestionnaireDefinition definition)
    {
        var problems = new List<Problem>();
        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in definition.Questions)
        {
            if (string.IsNullOrWhiteSpace(question.Code) || earlier.ContainsKey(question.Code)) problems.Add(new(question.Code, "Questionnaire_DuplicateCode"));
            if (question.Text.Values.All(string.IsNullOrWhiteSpace)) problems.Add(new(question.Code, "Questionnaire_TextRequired"));
            if (question.HasOptions && (question.Options is not { Count: >= 2 } || question.Options.Select(o => o.Code).Distinct().Count() != question.Options.Count))
                problems.Add(new(question.Code, "Questionnaire_OptionsRequired"));
            if (question.Kind is QuestionKind.Scale or QuestionKind.Number && question.Minimum > question.Maximum)
                problems.Add(new(question.Code, "Questionnaire_RangeOrder"));
            if (question.Kind == QuestionKind.Scale && (question.Minimum is null || question.Maximum is null || question.Minimum == question.Maximum))
                problems.Add(new(question.Code, "Questionnaire_ScaleRange"));
            if (question.ShowWhen is { } condition && !ConditionHolds(condition, earlier))
                problems.Add(new(question.Code, "Questionnaire_BadCondition"));
            earlier.TryAdd(question.Code, question);
        }
        return problems;
    }

    // A condition may only look back, at a yes/no answer or at an option the earlier question offers.
    private static bool ConditionHolds(Condition condition, Dictionary<string, Question> earlier) =>
        earlier.TryGetValue(condition.Question, out var asked) && asked.Kind switch
        {
            QuestionKind.YesNo => condition.Answer is "yes" or "no",
            QuestionKind.Single or QuestionKind.Multiple => asked.Option(condition.Answer) is not null,
            _ => false,
        };
}
