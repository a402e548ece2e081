using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Infrastructure.Csv;
using Partnera.Infrastructure.Imports;
using Partnera.Infrastructure.Web;
using Partnera.Resources;

namespace Partnera.Features.Territories;

/// <summary>
/// Imports territories from CSV (columns: code, parent_code, level, name, name_uk, name_ru, name_ro, name_en,
/// code_system, population, population_is_estimate, time_zone). Rows are matched by code: a known code is
/// updated, a new one created. A parent may come earlier in the same file. Either every row is good and
/// all are saved, or nothing is saved and every bad row is reported.
/// </summary>
public sealed class TerritoryImporter(PartneraDbContext db, IStringLocalizer<TerritoryStrings> t, IStringLocalizerFactory localizers,
    IOptions<ImportLimits> limits, IStringLocalizer<SharedStrings> shared)
{
    public static readonly string[] RequiredColumns = ["code", "level", "name", "time_zone"];

    private sealed record Known(Guid Id, TerritoryLevel Level);

    public async Task<ImportReport> ImportAsync(Stream file, CancellationToken ct)
    {
        var report = new ImportReport();
        var known = (await db.Territories.AsNoTracking().Where(x => x.Code != null)
                .Select(x => new { x.Code, x.Id, x.Level }).ToListAsync(ct))
            .ToDictionary(x => x.Code!, x => new Known(x.Id, x.Level));
        var pending = new List<(string Code, TerritoryInput Input)>();
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
            report.Add(1, "", t["Import_EmptyFile"]);
            return report;
        }
        var missing = RequiredColumns.Where(c => !csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)).ToList();
        if (missing.Count > 0)
        {
            report.Add(1, string.Join(", ", missing), t["Import_MissingColumns", string.Join(", ", missing)]);
            return report;
        }
        while (await csv.ReadAsync())
        {
            var row = csv.Parser.Row;
            report.Rows++;
            var (code, input) = ReadRow(csv, row, report, known);
            if (code is null || input is null) continue;
            var before = report.Errors.Count;
            Validate(input, row, report);
            var id = known.TryGetValue(code, out var existing) ? existing.Id : (Guid?)null;
            var parentLevel = input.ParentId is { } p ? known.Values.FirstOrDefault(k => k.Id == p)?.Level : null;
            var codeTwice = pending.Any(x => x.Code == code);
            foreach (var error in TerritoryEditor.Check(input, id, new TerritoryEditor.TreeFacts(codeTwice, parentLevel, false)))
                report.Add(row, Column(error.Field), t[error.Key]);
            if (report.Errors.Count > before) continue;
            known[code] = new Known(id ?? Guid.CreateVersion7(), input.Level!.Value);
            pending.Add((code, input));
        }
        if (report.Rows == 0) report.Add(2, "", t["Import_NoRows"]);
        if (report.Errors.Count == 0) await SaveAsync(pending, known, report, ct);
        return report;
    }

    private (string? Code, TerritoryInput? Input) ReadRow(CsvReader csv, int row, ImportReport report, Dictionary<string, Known> known)
    {
        string? Field(string name) => csv.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var code = TerritoryEditor.Normalise(Field("code"));
        if (code is null)
        {
            report.Add(row, "code", t["Import_CodeRequired"]);
            return (null, null);
        }
        var input = new TerritoryInput
        {
            Name = Field("name"),
            Code = code,
            CodeSystem = Field("code_system"),
            TimeZone = Field("time_zone"),
            NameTranslations = new() { ["uk"] = Field("name_uk"), ["ru"] = Field("name_ru"), ["ro"] = Field("name_ro"), ["en"] = Field("name_en") },
        };
        var level = Field("level");
        if (level is not null && Enum.TryParse<TerritoryLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) input.Level = parsed;
        else if (level is not null) report.Add(row, "level", t["Import_BadLevel", level]);
        var population = Field("population");
        if (population is not null)
        {
            if (int.TryParse(population.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) input.Population = n;
            else report.Add(row, "population", t["Import_BadNumber", population]);
        }
        var estimate = Field("population_is_estimate");
        input.PopulationIsEstimate = estimate is not null && (estimate.Equals("true", StringComparison.OrdinalIgnoreCase) || estimate is "1" or "yes");
        var parentCode = TerritoryEditor.Normalise(Field("parent_code"));
        if (parentCode is not null)
        {
            if (known.TryGetValue(parentCode, out var parent)) input.ParentId = parent.Id;
            else report.Add(row, "parent_code", t["Import_UnknownParent", parentCode]);
        }
        return (code, input);
    }

    private void Validate(TerritoryInput input, int row, ImportReport report)
    {
        foreach (var (field, messages) in ApiValidation.Validate(input, localizers))
            foreach (var message in messages) report.Add(row, Column(field), message);
    }

    private async Task SaveAsync(List<(string Code, TerritoryInput Input)> rows, Dictionary<string, Known> known, ImportReport report, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Territories.Where(x => x.Code != null && codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code!, ct);
        foreach (var (code, input) in rows)
        {
            if (!existing.TryGetValue(code, out var territory))
            {
                territory = new Territory { Id = known[code].Id };
                db.Territories.Add(territory);
                report.Created++;
            }
            else report.Updated++;
            TerritoryEditor.Apply(territory, input);
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Column(string field) => field.ToLowerInvariant() switch
    {
        "parentid" => "parent_code",
        "timezone" => "time_zone",
        "codesystem" => "code_system",
        "populationisestimate" => "population_is_estimate",
        "nametranslations" => "name_uk/ru/ro/en",
        var other => other,
    };
}
