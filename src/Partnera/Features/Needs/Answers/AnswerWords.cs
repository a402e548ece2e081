using System.Globalization;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Answers;

public static class AnswerWords
{
    /// <summary>A stored answer as a reader sees it: the option's text or yes/no in their language, a number, a date, or the text given.</summary>
    public static string Words(this QuestionnaireDefinition definition, Answer answer, CultureInfo culture, string yes, string no) =>
        answer.OptionCode is { } code ? definition.AnswerText(answer.QuestionCode, code, culture, yes, no)
        : answer.Number is { } n ? n.ToString("0.####", culture)
        : answer.Date is { } d ? d.ToString("d", culture)
        : answer.Text ?? "";
}
