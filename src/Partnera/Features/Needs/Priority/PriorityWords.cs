using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Priority;

/// <summary>A line of the formula in words anyone can read: the group, or the question and answer, it gives points for.</summary>
public static class PriorityWords
{
    public static string Describe(PriorityWeight weight, QuestionnaireDefinition definition, CultureInfo culture, IStringLocalizer needs, IStringLocalizer directory)
    {
        if (weight.Group is { } g) return needs["Priority_GroupLine", directory[$"TargetGroup_{g}"]];
        var question = definition.Questions.FirstOrDefault(q => q.Code == weight.Question);
        var asked = question is null ? weight.Question ?? "" : $"{question.Code}. {question.Text.In(culture)}";
        if (weight.Answer is null) return needs["Priority_NumberLine", asked];
        return needs["Priority_AnswerLine", asked, definition.AnswerText(weight.Question!, weight.Answer, culture, needs["Questionnaire_Yes"], needs["Questionnaire_No"])];
    }

    /// <summary>Points as written in the formula: "+3", "−1", "+0.5".</summary>
    public static string Points(decimal points, CultureInfo culture) => (points >= 0 ? "+" : "−") + Math.Abs(points).ToString("0.##", culture);
}
