using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.Directory;
using Partnera.Features.Needs.Imports;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Text;
using Partnera.Resources;

namespace Partnera.Features.Needs.Registry;

/// <summary>
/// Registry counts from a CSV file (columns: community, group, people, and optionally as_of and source): the
/// community by code or name, the group by its name in any of the four languages or its English key. Every row
/// is good and all are saved (replacing the same community, group and date), or nothing is and every bad row is listed.
/// </summary>
public sealed class RegistryImport(PartneraDbContext db, IStringLocalizer<NeedsStrings> t, IStringLocalizer<DirectoryStrings> directory,
    IOptions<ImportLimits> limits, IStringLocalizer<SharedStrings> shared)
{
    public static readonly string[] RequiredColumns = ["community", "group", "people"];

    private sealed record Row(Guid Community, TargetGroup Group, DateOnly AsOf, int People, string? Source);

    public async Task<ImportReport> ImportAsync(Stream file, IReadOnlyList<(Guid Id, string? Code, MultilingualText Name)> communities, DateOnly asOf, CancellationToken ct)
    {
        var report = new ImportReport();
        var names = new CommunityNames(communities);
        var groups = GroupNames();
        var rows = new List<Row>();
        var populations = await RegistryCount.PopulationsAsync(db, communities.Select(c => c.Id), ct);
        try { file = await TableFile.CheckedCsvAsync(file, limits.Value, ct); }
        catch (ImportRefusedException refused)
        {
            report.Add(1, "", refused.Localised(shared));
            return report;
        }
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        });
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            report.Add(1, "", t["Import_Unreadable"]);
            return report;
        }
        var missing = RequiredColumns.Where(c => !csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)).ToList();
        if (missing.Count > 0)
        {
            report.Add(1, string.Join(", ", missing), t["RegistryImport_MissingColumns", string.Join(", ", missing)]);
            return report;
        }
        while (await csv.ReadAsync())
        {
            report.Rows++;
            var number = csv.Parser.Row;
            string Field(string name) => csv.TryGetField<string>(name, out var v) ? v?.Trim() ?? "" : "";
            var before = report.Errors.Count;
            var community = names.Find(Field("community"));
            if (community is null) report.Add(number, "community", t["Household_UnknownCommunity"]);
            var group = groups.GetValueOrDefault(SearchKey.For(Field("group")));
            if (group is null) report.Add(number, "group", t["RegistryImport_UnknownGroup", Field("group")]);
            if (!int.TryParse(Field("people").Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var people) || people > RegistryModel.MaxPeople)
                report.Add(number, "people", t["RegistryImport_BadPeople", Field("people"), RegistryModel.MaxPeople]);
            else if (community is { } place && populations.TryGetValue(place, out var living) && people > living)
                report.Add(number, "people", t["RegistryImport_AbovePopulation", people.ToString("N0", CultureInfo.CurrentCulture), living.ToString("N0", CultureInfo.CurrentCulture)]);
            var date = asOf;
            if (Field("as_of") is { Length: > 0 } typed && !DateOnly.TryParseExact(typed, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                report.Add(number, "as_of", t["RegistryImport_BadDate", typed]);
            if (report.Errors.Count > before) continue;
            if (rows.Any(r => r.Community == community && r.Group == group && r.AsOf == date))
                report.Add(number, "group", t["RegistryImport_Twice"]);
            else rows.Add(new(community!.Value, group!.Value, date, people, Field("source") is { Length: > 0 } s ? s[..Math.Min(s.Length, 300)] : null));
        }
        if (report.Rows == 0) report.Add(2, "", t["RegistryImport_NoRows"]);
        if (report.Errors.Count == 0) await SaveAsync(rows, report, ct);
        return report;
    }

    private async Task SaveAsync(List<Row> rows, ImportReport report, CancellationToken ct)
    {
        var territories = rows.Select(r => r.Community).Distinct().ToList();
        var dates = rows.Select(r => r.AsOf).Distinct().ToList();
        var stored = await db.RegistryCounts.Where(c => territories.Contains(c.TerritoryId) && dates.Contains(c.AsOf)).ToListAsync(ct);
        foreach (var row in rows)
        {
            var count = stored.FirstOrDefault(c => c.TerritoryId == row.Community && c.Group == row.Group && c.AsOf == row.AsOf);
            if (count is null)
            {
                db.RegistryCounts.Add(count = new RegistryCount { TerritoryId = row.Community, Group = row.Group, AsOf = row.AsOf });
                report.Created++;
            }
            else report.Updated++;
            count.People = row.People;
            count.Source = row.Source;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Each group by its key and by its name in every language the app speaks.</summary>
    private Dictionary<string, TargetGroup?> GroupNames()
    {
        var names = new Dictionary<string, TargetGroup?>();
        var current = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in new[] { "en", "uk", "ru", "ro" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                foreach (var group in Enum.GetValues<TargetGroup>())
                {
                    names.TryAdd(SearchKey.For(group.ToString()), group);
                    names.TryAdd(SearchKey.For(directory[$"TargetGroup_{group}"]), group);
                }
            }
        }
        finally { CultureInfo.CurrentUICulture = current; }
        return names;
    }
}
