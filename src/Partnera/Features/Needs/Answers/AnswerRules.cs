using System.Globalization;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Answers;

/// <summary>
/// Reads a household's answers as typed (form fields or a file's cells) against the questionnaire version: each
/// value must fit its question; a required question must be answered when it is asked; answers to a question whose
/// condition does not hold are dropped.
/// </summary>
public static class AnswerRules
{
    public const int MaxText = 2000;

    public sealed record Problem(string Question, string Key);

    public static (List<Answer> Answers, List<Problem> Problems) Read(QuestionnaireDefinition definition, Func<string, IReadOnlyList<string>> valuesOf)
    {
        var answers = new List<Answer>(8);
        var problems = new List<Problem>();
        foreach (var question in definition.Questions)
        {
            if (question.ShowWhen is { } when && !Holds(when, answers)) continue;
            var values = Given(valuesOf(question.Code));
            if (values.Count == 0)
            {
                if (question.Required) problems.Add(new(question.Code, "Answer_Required"));
                continue;
            }
            if (question.Kind != QuestionKind.Multiple && values.Count > 1)
            {
                problems.Add(new(question.Code, "Answer_Invalid"));
                continue;
            }
            var first = answers.Count;
            foreach (var value in values)
            {
                if (ReadOne(question, value) is { } answer) answers.Add(answer);
                else
                {
                    answers.RemoveRange(first, answers.Count - first);
                    problems.Add(new(question.Code, "Answer_Invalid"));
                    break;
                }
            }
        }
        return (answers, problems);
    }

    // A loop, not a lambda: this runs for every conditional question of every row of an import.
    private static bool Holds(Condition when, List<Answer> answers)
    {
        foreach (var a in answers)
            if (a.QuestionCode == when.Question && a.OptionCode == when.Answer) return true;
        return false;
    }

    /// <summary>The values typed, trimmed, without blanks or repeats (most questions get one value or none: no list is made for those).</summary>
    private static IReadOnlyList<string> Given(IReadOnlyList<string> typed)
    {
        if (typed.Count == 0) return [];
        if (typed.Count == 1) return typed[0].Trim() is { Length: > 0 } one ? (one.Length == typed[0].Length ? typed : [one]) : [];
        return typed.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
    }

    private static Answer? ReadOne(Question q, string value)
    {
        var answer = new Answer { QuestionCode = q.Code };
        switch (q.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple when q.Option(value) is not null:
            case QuestionKind.YesNo when value is "yes" or "no":
                answer.OptionCode = value;
                return answer;
            case QuestionKind.Number or QuestionKind.Scale when TypedNumber.TryRead(value, out var n)
                && n >= (q.Minimum ?? decimal.MinValue) && n <= (q.Maximum ?? decimal.MaxValue) && (q.Kind == QuestionKind.Number || n == decimal.Truncate(n)):
                answer.Number = n;
                return answer;
            case QuestionKind.Text when value.Length <= MaxText:
                answer.Text = value;
                return answer;
            case QuestionKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                answer.Date = d;
                return answer;
            default:
                return null;
        }
    }
}
