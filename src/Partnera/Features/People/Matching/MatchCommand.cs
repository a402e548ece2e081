using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;

namespace Partnera.Features.People.Matching;

/// <summary>
/// The matcher from the command line, so that its quality can be measured on any labelled set:
/// <c>dotnet run --project src/Partnera -- match-people people.csv pairs.csv</c>. The input has a header row with the
/// columns id, family_name, given_name and optionally patronymic, birth_date (yyyy-mm-dd or dd.mm.yyyy), sex (F/M),
/// document, address; the output lists every probable pair with its score per field. Bad rows are reported by number
/// and left out.
/// </summary>
public static class MatchCommand
{
    public const string Name = "match-people";

    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        if (args.Count != 2)
        {
            log.WriteLine($"usage: {Name} people.csv pairs.csv");
            return 64;
        }
        using var input = new StreamReader(args[0]);
        using var output = new StreamWriter(args[1]);
        var (people, pairs, problems) = Match(input, output);
        foreach (var problem in problems) log.WriteLine(problem);
        log.WriteLine($"{people} people, {pairs} probable pairs, {problems.Count} bad rows");
        return problems.Count == 0 ? 0 : 65;
    }

    public static (int People, int Pairs, List<string> Problems) Match(TextReader input, TextWriter output)
    {
        var (ids, records, problems) = Read(input);
        var pairs = DuplicateFinder.Find(records);
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in new[] { "first_id", "second_id", "score", "family_name", "given_name", "names_swapped", "birth_date", "same_document", "patronymic", "address", "sex_differs" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var p in pairs)
        {
            var s = p.Score;
            // The ids come from the user's file: text that must not run in a spreadsheet; the scores are numbers.
            csv.WriteText(ids[p.First]);
            csv.WriteText(ids[p.Second]);
            foreach (var field in new object?[] { s.Total, s.FamilyName, s.GivenName, s.NamesSwapped, s.BirthDate, s.SameDocument, s.Patronymic, s.Address, s.SexDiffers })
                csv.WriteField(field);
            csv.NextRecord();
        }
        return (records.Count, pairs.Count, problems);
    }

    private static (List<string> Ids, List<MatchRecord> Records, List<string> Problems) Read(TextReader input)
    {
        var (ids, records, problems) = (new List<string>(), new List<MatchRecord>(), new List<string>());
        var pool = new TextPool();
        using var csv = new CsvReader(input, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            string? Cell(string name) => csv.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var (id, family, given) = (Cell("id"), Cell("family_name"), Cell("given_name"));
            var born = Cell("birth_date");
            DateOnly? birth = born is null ? null : TableCells.Date(born);
            var sex = Cell("sex");
            Sex? parsedSex = sex is null ? null : ParseSex(sex);
            if (id is null || family is null || given is null) problems.Add($"row {row}: id, family_name and given_name are required");
            else if (born is not null && birth is null) problems.Add($"row {row}: birth_date \"{born}\" is not a date (yyyy-mm-dd or dd.mm.yyyy)");
            else if (sex is not null && parsedSex is null) problems.Add($"row {row}: sex \"{sex}\" is not F or M");
            else
            {
                ids.Add(id);
                records.Add(new MatchRecord(family, given, birth, Cell("document") is { } d ? [d] : [], Cell("patronymic"), parsedSex, Cell("address"), pool));
            }
        }
        return (ids, records, problems);
    }

    private static Sex? ParseSex(string text) => text.ToUpperInvariant() switch
    {
        "F" or "FEMALE" or "Ж" or "W" => Sex.Female,
        "M" or "MALE" or "Ч" or "М" or "B" => Sex.Male,
        _ => null,
    };
}
