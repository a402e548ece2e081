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
/// and left out. Every failure is a message on stderr and an exit code of its own (<see cref="Exit"/>), never a crash.
/// </summary>
public static class MatchCommand
{
    public const string Name = "match-people";

    /// <summary>The exit codes (README lists them).</summary>
    public enum Exit
    {
        Done = 0,
        /// <summary>Not two arguments.</summary>
        Usage = 64,
        /// <summary>Some rows were bad and left out; the pairs among the others were written.</summary>
        BadRows = 65,
        /// <summary>No input file there, or it cannot be read.</summary>
        NoInput = 66,
        /// <summary>The file is empty or has no header row.</summary>
        Empty = 67,
        /// <summary>The header names columns the command does not know, or lacks a required one.</summary>
        Columns = 68,
        /// <summary>An id is given to more than one row.</summary>
        DuplicateIds = 69,
        /// <summary>The output cannot be written (its folder does not exist, no permission).</summary>
        NoOutput = 73,
    }

    public static readonly string[] Columns = ["id", "family_name", "given_name", "patronymic", "birth_date", "sex", "document", "address"];
    private static readonly string[] Required = ["id", "family_name", "given_name"];

    /// <summary>A reason the whole file cannot be matched.</summary>
    private sealed class Refusal(Exit code, string message) : Exception(message)
    {
        public Exit Code { get; } = code;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        if (args.Count != 2)
        {
            log.WriteLine($"usage: {Name} people.csv pairs.csv");
            return (int)Exit.Usage;
        }
        var (from, to) = (args[0], args[1]);
        if (!File.Exists(from)) return Fail(log, Exit.NoInput, $"{from}: no such file");
        // Writing the pairs over the list would destroy the list.
        if (string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), StringComparison.Ordinal))
            return Fail(log, Exit.Usage, $"{to}: the pairs would overwrite the list of people; give another output file");
        if (Path.GetDirectoryName(Path.GetFullPath(to)) is { } folder && !System.IO.Directory.Exists(folder)) return Fail(log, Exit.NoOutput, $"{to}: the folder {folder} does not exist");
        try
        {
            using var input = new StreamReader(from);
            var (ids, records, problems) = Read(input);
            int pairs;
            using (var output = new StreamWriter(to)) pairs = Write(ids, records, output);
            foreach (var problem in problems) log.WriteLine(problem);
            log.WriteLine($"{records.Count} people, {pairs} probable pairs, {problems.Count} bad rows");
            return (int)(problems.Count == 0 ? Exit.Done : Exit.BadRows);
        }
        catch (Refusal refusal)
        {
            return Fail(log, refusal.Code, $"{from}: {refusal.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(log, Exit.NoOutput, $"cannot read {from} or write {to}: {e.Message}");
        }
    }

    private static int Fail(TextWriter log, Exit code, string message)
    {
        log.WriteLine($"{Name}: {message}");
        return (int)code;
    }

    public static (int People, int Pairs, List<string> Problems) Match(TextReader input, TextWriter output)
    {
        var (ids, records, problems) = Read(input);
        return (records.Count, Write(ids, records, output), problems);
    }

    private static int Write(List<string> ids, List<MatchRecord> records, TextWriter output)
    {
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
        return pairs.Count;
    }

    private static (List<string> Ids, List<MatchRecord> Records, List<string> Problems) Read(TextReader input)
    {
        var (ids, records, problems) = (new List<string>(), new List<MatchRecord>(), new List<string>());
        var pool = new TextPool();
        using var csv = new CsvReader(input, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            throw new Refusal(Exit.Empty, "the file is empty: it needs a header row (" + string.Join(", ", Columns) + ") and a row per person");
        var named = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = named.Where(h => !Columns.Contains(h)).ToList();
        var missing = Required.Where(r => !named.Contains(r)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            var what = string.Join("; ", new[] { unknown.Count > 0 ? "unknown columns: " + string.Join(", ", unknown) : null, missing.Count > 0 ? "missing columns: " + string.Join(", ", missing) : null }.OfType<string>());
            throw new Refusal(Exit.Columns, $"{what} (expected: {string.Join(", ", Columns)}; the first three are required)");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
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
            else if (seen.TryGetValue(id, out var first)) throw new Refusal(Exit.DuplicateIds, $"id \"{id}\" is on row {first} and row {row}: each person needs an id of their own");
            else
            {
                seen[id] = row;
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
