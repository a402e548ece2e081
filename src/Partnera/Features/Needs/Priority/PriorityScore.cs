using Partnera.Features.Directory;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Priority;

/// <summary>A household's score, line by line: which part of the formula its answers met and the points each gave.</summary>
public sealed record ScoreLine(PriorityWeight Weight, decimal Value, decimal Points);

public static class PriorityScore
{
    /// <summary>
    /// Scores a household's answers given in <paramref name="definition"/>: each group its chosen options place it in
    /// counts once; each weighted answer counts; a number or scale answer counts its value times the points.
    /// </summary>
    public static List<ScoreLine> Explain(PriorityScheme scheme, QuestionnaireDefinition definition, IEnumerable<Answer> answers)
    {
        var given = answers.ToList();
        var groups = GroupsOf(definition, given);
        var lines = new List<ScoreLine>();
        foreach (var weight in scheme.Weights.Where(w => w.Points != 0))
        {
            if (weight.Group is { } g)
            {
                if (groups.Contains(g)) lines.Add(new(weight, 1, weight.Points));
            }
            else if (weight.Answer is { } answer)
            {
                if (given.Any(a => a.QuestionCode == weight.Question && a.OptionCode == answer)) lines.Add(new(weight, 1, weight.Points));
            }
            else if (given.FirstOrDefault(a => a.QuestionCode == weight.Question && a.Number is not null) is { } number)
            {
                lines.Add(new(weight, number.Number!.Value, number.Number.Value * weight.Points));
            }
        }
        return lines;
    }

    public static decimal Total(IEnumerable<ScoreLine> lines) => lines.Sum(l => l.Points);

    private static HashSet<TargetGroup> GroupsOf(QuestionnaireDefinition definition, List<Answer> answers)
    {
        var groups = new HashSet<TargetGroup>();
        foreach (var answer in answers.Where(a => a.OptionCode is not null))
        {
            var option = definition.Questions.FirstOrDefault(q => q.Code == answer.QuestionCode)?.Option(answer.OptionCode);
            if (option?.Group is { } g) groups.Add(g);
        }
        return groups;
    }
}
