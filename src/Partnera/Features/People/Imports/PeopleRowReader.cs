using Microsoft.Extensions.Localization;
using Partnera.Features.Directory;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.People.Imports;

/// <summary>
/// Turns one row of a provider's list into a person to register, by the same rules as the registration form: names
/// required, what needs consent only with a consent date and purpose, a household member with a relation to the
/// head. Cells may say values in any of the four languages (sex, relation, document kind, groups separated by ";"),
/// dates as 1948-02-14 or 14.02.1948, communities by code or name. Rows are read in order, so the reader also notices
/// a household given two heads.
/// </summary>
public sealed class PeopleRowReader(PeopleRowReader.Context context, IStringLocalizer<PeopleStrings> t, IStringLocalizerFactory localizers)
{
    public sealed record Context(IReadOnlyList<string> Headers, IReadOnlyList<string> Targets, CommunityNames Communities, ValueNames Values);

    /// <summary>Every language's names of the values a cell may hold (built once per import).</summary>
    public sealed record ValueNames(Dictionary<string, string[]> Sex, Dictionary<string, string[]> Relation, Dictionary<string, string[]> DocumentKind, Dictionary<string, string[]> Groups);

    public sealed record Row(int Number, string? Household, PersonInput? Person, ConsentInput Consent, List<ImportReport.RowError> Errors);

    private readonly Dictionary<string, int> columns = context.Targets.Select((target, i) => (target, i)).Where(x => x.target.Length > 0)
        .GroupBy(x => x.target).ToDictionary(g => g.Key, g => g.First().i);
    private readonly HashSet<string> headed = [];

    public static ValueNames Names(IStringLocalizer<PeopleStrings> t, IStringLocalizer<DirectoryStrings> directory) => new(
        EnumNames.Of(t, "Sex_", new Dictionary<Sex, string[]>
        {
            [People.Sex.Female] = ["f", "w", "woman", "ж", "жін", "жен", "femeie", "feminin"],
            [People.Sex.Male] = ["m", "man", "ч", "чол", "м", "муж", "b", "bărbat", "masculin"],
        }),
        EnumNames.Of(t, "Relation_", new Dictionary<HouseholdRelation, string[]>
        {
            [HouseholdRelation.Head] = ["head", "голова", "глава", "cap"],
            [HouseholdRelation.Spouse] = ["wife", "husband", "дружина", "чоловік", "жена", "муж", "soție", "soț"],
            [HouseholdRelation.Child] = ["son", "daughter", "син", "донька", "дочка", "сын", "дочь", "fiu", "fiică"],
        }),
        EnumNames.Of<DocumentKind>(t, "DocumentKind_"),
        EnumNames.Of<TargetGroup>(directory, "TargetGroup_"));

    public Row Read(int number, string[] cells)
    {
        var errors = new List<ImportReport.RowError>();
        string? Field(string target) => columns.TryGetValue(target, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;
        void Error(string target, string message) => errors.Add(new(number, Header(target), message));

        var household = Field(PeopleColumns.Household);
        var person = new PersonInput
        {
            FamilyName = Field(PeopleColumns.FamilyName),
            GivenName = Field(PeopleColumns.GivenName),
            Patronymic = Field(PeopleColumns.Patronymic),
            LatinName = Field(PeopleColumns.LatinName),
            BirthDate = Parsed(Field(PeopleColumns.BirthDate), TableCells.Date, PeopleColumns.BirthDate, Error),
            Sex = Parsed(Field(PeopleColumns.Sex), c => EnumNames.Read<Sex>(c, context.Values.Sex), PeopleColumns.Sex, Error),
            Phone = Field(PeopleColumns.Phone),
            Email = Field(PeopleColumns.Email),
            Address = Field(PeopleColumns.Address),
            TerritoryId = Parsed(Field(PeopleColumns.Community), context.Communities.Find, PeopleColumns.Community, Error),
            DocumentNumber = Field(PeopleColumns.DocumentNumber),
            Relation = Parsed(Field(PeopleColumns.Relation), c => EnumNames.Read<HouseholdRelation>(c, context.Values.Relation), PeopleColumns.Relation, Error),
            Categories = Groups(Field(PeopleColumns.Categories), Error),
        };
        // A list without a document-kind column still has numbers worth matching on.
        person.DocumentKind = columns.ContainsKey(PeopleColumns.DocumentKind)
            ? Parsed(Field(PeopleColumns.DocumentKind), c => EnumNames.Read<DocumentKind>(c, context.Values.DocumentKind), PeopleColumns.DocumentKind, Error)
            : person.DocumentNumber is null ? null : DocumentKind.Other;
        var givenOn = Parsed(Field(PeopleColumns.ConsentDate), TableCells.Date, PeopleColumns.ConsentDate, Error);
        var consent = new ConsentInput { Given = givenOn is not null || Field(PeopleColumns.ConsentPurpose) is not null, GivenOn = givenOn, Purpose = Field(PeopleColumns.ConsentPurpose) };

        foreach (var (name, messages) in ApiValidation.Validate(person, localizers))
            foreach (var message in messages) Error(Target(name), message);
        foreach (var (name, key) in PersonRegister.Problems(person, consent, hasConsent: false, joiningHousehold: household is not null)) Error(Target(name), t[key]);
        if (household is not null && person.Relation == HouseholdRelation.Head && !headed.Add(household)) Error(PeopleColumns.Relation, t["PeopleImport_TwoHeads", household]);
        return new(number, household, errors.Count == 0 ? person : null, consent, errors);
    }

    private T? Parsed<T>(string? cell, Func<string, T?> parse, string target, Action<string, string> error) where T : struct
    {
        if (cell is null) return null;
        if (parse(cell) is { } value) return value;
        error(target, t["PeopleImport_BadValue", cell]);
        return null;
    }

    private List<TargetGroup> Groups(string? cell, Action<string, string> error)
    {
        var groups = new List<TargetGroup>();
        foreach (var part in cell?.Split([';', '|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            if (EnumNames.Read<TargetGroup>(part, context.Values.Groups) is { } group) groups.Add(group);
            else error(PeopleColumns.Categories, t["PeopleImport_BadValue", part]);
        }
        return groups;
    }

    /// <summary>The column of a field the rules name (validation names it in camel case, as the API does).</summary>
    private static readonly Dictionary<string, string> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(PersonInput.FamilyName)] = PeopleColumns.FamilyName,
        [nameof(PersonInput.GivenName)] = PeopleColumns.GivenName,
        [nameof(PersonInput.Patronymic)] = PeopleColumns.Patronymic,
        [nameof(PersonInput.LatinName)] = PeopleColumns.LatinName,
        [nameof(PersonInput.BirthDate)] = PeopleColumns.BirthDate,
        [nameof(PersonInput.Sex)] = PeopleColumns.Sex,
        [nameof(PersonInput.Phone)] = PeopleColumns.Phone,
        [nameof(PersonInput.Email)] = PeopleColumns.Email,
        [nameof(PersonInput.Address)] = PeopleColumns.Address,
        [nameof(PersonInput.TerritoryId)] = PeopleColumns.Community,
        [nameof(PersonInput.DocumentKind)] = PeopleColumns.DocumentKind,
        [nameof(PersonInput.DocumentNumber)] = PeopleColumns.DocumentNumber,
        [nameof(PersonInput.Categories)] = PeopleColumns.Categories,
        [nameof(PersonInput.Relation)] = PeopleColumns.Relation,
        ["Consent.Purpose"] = PeopleColumns.ConsentPurpose,
        ["Consent.GivenOn"] = PeopleColumns.ConsentDate,
    };

    private static string Target(string field) => Targets.GetValueOrDefault(field, field);

    /// <summary>The column's header as the file has it, so the user finds the cell; a field without a column is named by what it is.</summary>
    private string Header(string target) => columns.TryGetValue(target, out var i) && i < context.Headers.Count ? context.Headers[i] : t[$"PeopleImport_Target_{target}"];
}
