using System.ComponentModel.DataAnnotations;
using Partnera.Infrastructure.Localisation;

namespace Partnera.Features.Needs.Questionnaires;

/// <summary>One question as the question form edits it: texts in every UI language, kind, limits, condition, answers.</summary>
public sealed class QuestionInput
{
    /// <summary>Empty answer rows the form offers for adding answers.</summary>
    public const int SpareOptions = 3;

    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,20}$"), Display(Name = "Question_Code")] public string? Code { get; set; }
    [Required, Display(Name = "Question_Section")] public string? Section { get; set; }
    [Required, Display(Name = "Question_Kind")] public QuestionKind? Kind { get; set; }
    [Display(Name = "Question_Text")] public Dictionary<string, string?> Text { get; set; } = [];
    [Display(Name = "Question_Required")] public bool Required { get; set; }
    [Range(typeof(decimal), "-1000000", "1000000"), Display(Name = "Question_Minimum")] public decimal? Minimum { get; set; }
    [Range(typeof(decimal), "-1000000", "1000000"), Display(Name = "Question_Maximum")] public decimal? Maximum { get; set; }
    [Display(Name = "Question_ShowWhen")] public string? ShowWhenQuestion { get; set; }
    [StringLength(40), Display(Name = "Question_ShowWhenAnswer")] public string? ShowWhenAnswer { get; set; }
    [Display(Name = "Question_Options")] public List<OptionInput> Options { get; set; } = [];

    public static QuestionInput For(string section, Question? q)
    {
        var input = new QuestionInput { Section = section, Kind = QuestionKind.Single };
        if (q is not null)
        {
            input.Code = q.Code;
            input.Kind = q.Kind;
            input.Text = Cultures.Supported.ToDictionary(c => c, c => (string?)q.Text.GetValueOrDefault(c));
            input.Required = q.Required;
            input.Minimum = q.Minimum;
            input.Maximum = q.Maximum;
            input.ShowWhenQuestion = q.ShowWhen?.Question;
            input.ShowWhenAnswer = q.ShowWhen?.Answer;
            input.Options = (q.Options ?? []).Select(o => new OptionInput
            {
                Code = o.Code,
                Text = Cultures.Supported.ToDictionary(c => c, c => (string?)o.Text.GetValueOrDefault(c)),
            }).ToList();
        }
        input.Options.AddRange(Enumerable.Range(0, SpareOptions).Select(_ => new OptionInput()));
        return input;
    }

    /// <summary>
    /// The question this input describes. An answer keeps the service category and group it had (matched by code):
    /// those come with the template and are what the gap analysis counts.
    /// </summary>
    public Question ToQuestion(Question? before)
    {
        var kept = (before?.Options ?? []).ToDictionary(o => o.Code);
        var question = new Question
        {
            Code = Code!.Trim(),
            Kind = Kind!.Value,
            Text = Clean(Text),
            Required = Required,
            Minimum = Minimum,
            Maximum = Maximum,
            ShowWhen = string.IsNullOrWhiteSpace(ShowWhenQuestion) ? null : new Condition(ShowWhenQuestion.Trim(), (ShowWhenAnswer ?? "").Trim()),
            // What the analysis reads from the question stays with it when its wording changes.
            Measures = before?.Measures,
        };
        if (question.HasOptions)
        {
            question.Options = Options.Where(o => !string.IsNullOrWhiteSpace(o.Code)).Select(o => new AnswerOption
            {
                Code = o.Code!.Trim(),
                Text = Clean(o.Text),
                Term = kept.GetValueOrDefault(o.Code!.Trim())?.Term,
                Group = kept.GetValueOrDefault(o.Code!.Trim())?.Group,
            }).ToList();
        }
        return question;
    }

    private static Dictionary<string, string> Clean(Dictionary<string, string?> text) =>
        text.Where(p => Cultures.Supported.Contains(p.Key) && !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim());
}

public sealed class OptionInput
{
    [StringLength(40)] public string? Code { get; set; }
    public Dictionary<string, string?> Text { get; set; } = [];
}
