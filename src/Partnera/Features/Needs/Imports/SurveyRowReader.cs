using System.Globalization;
using Microsoft.Extensions.Localization;
using Partnera.Features.Needs.Answers;
using Partnera.Features.Needs.Questionnaires;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Needs.Imports;

/// <summary>
/// Turns one row of a survey file into a household's response, by the same rules as the entry form. Cells may hold
/// what a person typing paper forms writes: option codes or their text in any of the four languages (several
/// separated by ";" or ","), yes/no in any language, dates as 2026-03-14 or 14.03.2026, communities by code or name.
/// </summary>
public sealed class SurveyRowReader(SurveyRowReader.Context context, IStringLocalizer t, IStringLocalizerFactory localizers)
{
    private readonly Dictionary<string, int> columns = context.Targets.Select((target, i) => (target, i)).Where(x => x.target.Length > 0)
        .GroupBy(x => x.target).ToDictionary(g => g.Key, g => g.First().i);
    private readonly Dictionary<string, Question> questions = context.Definition.Questions.ToDictionary(q => q.Code);
    private readonly Dictionary<string, string> questionTargets = context.Definition.Questions.ToDictionary(q => q.Code, q => ColumnMapping.Question(q.Code));
    // Option codes and every language's option text, by search key, per question: looked up for each cell of each row.
    private readonly Dictionary<string, OptionNames> options = context.Definition.Questions.Where(q => q.HasOptions).ToDictionary(q => q.Code, q => new OptionNames(q));

    public sealed record Context(Guid CampaignId, Questionnaire Version, QuestionnaireDefinition Definition, IReadOnlyList<string> Headers,
        IReadOnlyList<string> Targets, IReadOnlyList<(Guid Id, MultilingualText Name)> CampaignCommunities, CommunityNames Communities,
        DateTime Now, string? RecordedBy)
    {
        /// <summary>A campaign of one community needs no community column.</summary>
        public Guid? OnlyCommunity => CampaignCommunities.Count == 1 ? CampaignCommunities[0].Id : null;

        public string CommunityName(Guid id, CultureInfo culture) => CampaignCommunities.FirstOrDefault(c => c.Id == id).Name?.In(culture) ?? "";
    }

    public sealed record Row(int Number, HouseholdResponse? Response, List<ImportReport.RowError> Errors);

    public Row Read(int number, string[] cells)
    {
        var errors = new List<ImportReport.RowError>();
        string Cell(int column) => column < cells.Length ? cells[column].Trim() : "";
        string? Field(string target) => columns.TryGetValue(target, out var i) && Cell(i) is { Length: > 0 } v ? v : null;
        void Error(string target, string message) => errors.Add(new(number, Header(target), message));

        var household = ReadHousehold(Field, Error);
        var (answers, problems) = AnswerRules.Read(context.Definition, code =>
            Field(questionTargets[code]) is { } cell ? Values(questions[code], cell) : []);
        foreach (var problem in problems)
            Error(ColumnMapping.Question(problem.Question), problem.Key == "Answer_Required" ? t[problem.Key] : t["Import_BadAnswer", Field(ColumnMapping.Question(problem.Question)) ?? ""]);
        if (errors.Count > 0) return new(number, null, errors);
        return new(number, AnswerForm.Record(context.CampaignId, context.Version, household, answers, ResponseSource.Import, context.Now, context.RecordedBy), errors);
    }

    private HouseholdInput ReadHousehold(Func<string, string?> field, Action<string, string> error)
    {
        var contact = field(ColumnMapping.ContactName);
        var address = field(ColumnMapping.Address);
        var phone = field(ColumnMapping.Phone);
        var anonymous = field(ColumnMapping.Anonymous) is { } a ? TableCells.YesNo(a) : contact is null && address is null && phone is null;
        if (anonymous is null) error(ColumnMapping.Anonymous, t["Import_NotYesNo", field(ColumnMapping.Anonymous)!]);
        var consent = field(ColumnMapping.Consent) is { } c ? TableCells.YesNo(c) : false;
        if (consent is null) error(ColumnMapping.Consent, t["Import_NotYesNo", field(ColumnMapping.Consent)!]);
        var household = new HouseholdInput
        {
            CommunityId = Community(field(ColumnMapping.Community), error),
            Anonymous = anonymous ?? false,
            ContactName = contact,
            Address = address,
            Phone = phone,
            ConsentGiven = consent ?? false,
        };
        // The community's own problems are reported above, by what the cell said.
        foreach (var (name, messages) in ApiValidation.Validate(household, localizers).Where(v => Target(v.Key) != ColumnMapping.Community))
            foreach (var message in messages) error(Target(name), message);
        foreach (var (name, key) in household.Problems()) error(Target(name), t[key]);
        return household;
    }

    private Guid? Community(string? cell, Action<string, string> error)
    {
        if (cell is null)
        {
            if (context.OnlyCommunity is null) error(ColumnMapping.Community, t["Import_CommunityMissing"]);
            return context.OnlyCommunity;
        }
        if (context.Communities.Find(cell) is { } id) return id;
        error(ColumnMapping.Community, t["Household_UnknownCommunity"]);
        return null;
    }

    /// <summary>The cell's values as the answer rules read them: option codes, "yes"/"no", invariant numbers and ISO dates.</summary>
    private IReadOnlyList<string> Values(Question question, string cell) => question.Kind switch
    {
        QuestionKind.YesNo => [TableCells.YesNo(cell) switch { true => "yes", false => "no", null => cell }],
        QuestionKind.Single => [Option(question, cell)],
        QuestionKind.Multiple => options[question.Code].Find(cell) is { } whole ? [whole]
            : cell.Split([';', ',', '|'], StringSplitOptions.TrimEntries).Select(v => Option(question, v)).ToList(),
        QuestionKind.Date => [TableCells.Date(cell) is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : cell],
        _ => [cell],
    };

    private string Option(Question question, string value) => options[question.Code].Find(value) ?? value;

    /// <summary>A question's options by code as typed (what most files hold, found without building a search key) or by any name's search key.</summary>
    private sealed class OptionNames
    {
        private readonly HashSet<string> codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> keys = [];

        public OptionNames(Question question)
        {
            foreach (var option in question.Options ?? [])
            {
                codes.Add(option.Code);
                keys.TryAdd(SearchKey.For(option.Code), option.Code);
                foreach (var text in option.Text.Values) keys.TryAdd(SearchKey.For(text), option.Code);
            }
        }

        public string? Find(string cell) => codes.Contains(cell) ? cell : keys.GetValueOrDefault(SearchKey.For(cell));
    }

    // Validation names fields as JSON does ("communityId"), the household's own checks as C# does: both find their column.
    private static readonly Dictionary<string, string> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(HouseholdInput.CommunityId)] = ColumnMapping.Community,
        [nameof(HouseholdInput.ContactName)] = ColumnMapping.ContactName,
        [nameof(HouseholdInput.Address)] = ColumnMapping.Address,
        [nameof(HouseholdInput.Phone)] = ColumnMapping.Phone,
        [nameof(HouseholdInput.Anonymous)] = ColumnMapping.Anonymous,
    };

    private static string Target(string householdField) => Targets.GetValueOrDefault(householdField, ColumnMapping.Consent);

    /// <summary>The column's header as the file has it, so the user finds the cell; a field without a column is named by its target.</summary>
    private string Header(string target) => columns.TryGetValue(target, out var i) && i < context.Headers.Count ? context.Headers[i] : target;
}
