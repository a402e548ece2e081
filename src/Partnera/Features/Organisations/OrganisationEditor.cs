using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>The one place organisations are created and changed, for pages and API alike.</summary>
public sealed class OrganisationEditor(PartneraDbContext db)
{
    public sealed record RuleError(string Field, string Key);

    public async Task<List<RuleError>> CheckAsync(OrganisationInput input, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        // An all-zero id is an unknown territory too (it would reach the database as a broken reference).
        var territoryIds = input.TerritoryId is { } home ? input.ServedTerritoryIds.Append(home).Distinct().ToList() : input.ServedTerritoryIds.Distinct().ToList();
        var found = await db.Territories.CountAsync(t => territoryIds.Contains(t.Id), ct);
        if (found != territoryIds.Count) errors.Add(new(nameof(input.ServedTerritoryIds), "Organisation_UnknownTerritory"));
        foreach (var link in input.SocialLinks.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (!IsWebAddress(link)) errors.Add(new(nameof(input.SocialLinks), "Organisation_BadLink"));
        }
        // A JSON list may hold a null where a day belongs.
        if (input.WorkingHours.Any(d => d is null)) return [.. errors, new(nameof(input.WorkingHours), "Hours_Order")];
        if (input.WorkingHours.GroupBy(d => d.Day).Any(g => g.Count() > 1)) errors.Add(new(nameof(input.WorkingHours), "Organisation_DayTwice"));
        foreach (var day in input.WorkingHours)
        {
            var key = HoursError(day);
            if (key is not null) errors.Add(new($"{nameof(input.WorkingHours)}[{(int)day.Day}]", key));
        }
        return errors;
    }

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The resource key of what is wrong with one day's hours, or null (also used for service schedules).</summary>
    public static string? HoursError(WorkingDayInput d)
    {
        if (d.Opens is null && d.Closes is null && d.BreakStarts is null && d.BreakEnds is null) return null;
        if (d.Opens is null || d.Closes is null || d.Opens >= d.Closes) return "Hours_Order";
        if ((d.BreakStarts is null) != (d.BreakEnds is null)) return "Hours_BreakIncomplete";
        if (d.BreakStarts is { } from && d.BreakEnds is { } to && (from >= to || from <= d.Opens || to >= d.Closes))
            return "Hours_BreakOutside";
        return null;
    }

    /// <summary>Applies a checked input. Served territories and hours are matched to the existing rows so the audit log shows real changes only.</summary>
    public static void Apply(Organisation o, OrganisationInput input)
    {
        o.Name = Translations.ToText(input.Name!, input.NameTranslations);
        o.ShortName = Clean(input.ShortName);
        o.Kind = input.Kind!.Value;
        o.Description = Clean(input.Description);
        o.TerritoryId = input.TerritoryId;
        o.Address = Clean(input.Address);
        o.PostalCode = Clean(input.PostalCode);
        o.ReceptionPhone = Clean(input.ReceptionPhone);
        o.Hotline = Clean(input.Hotline);
        o.Email = Clean(input.Email);
        o.Website = Clean(input.Website);
        o.SocialLinks = input.SocialLinks.Select(Clean).OfType<string>().Distinct().ToList();
        var served = input.ServedTerritoryIds.Distinct().ToHashSet();
        o.ServedTerritories.RemoveAll(t => !served.Contains(t.TerritoryId));
        foreach (var id in served.Where(id => o.ServedTerritories.All(t => t.TerritoryId != id)))
            o.ServedTerritories.Add(new OrganisationTerritory { OrganisationId = o.Id, TerritoryId = id });
        ApplyHours(o, input.WorkingHours.Where(d => d.Opens is not null && d.Closes is not null).ToList());
        o.RefreshSearchText();
    }

    private static void ApplyHours(Organisation o, List<WorkingDayInput> days)
    {
        o.WorkingHours.RemoveAll(h => days.All(d => d.Day != h.Day));
        foreach (var d in days)
        {
            var row = o.WorkingHours.FirstOrDefault(h => h.Day == d.Day);
            if (row is null) o.WorkingHours.Add(row = new WorkingDay { OrganisationId = o.Id, Day = d.Day });
            row.Opens = d.Opens!.Value;
            row.Closes = d.Closes!.Value;
            row.BreakStarts = d.BreakStarts;
            row.BreakEnds = d.BreakEnds;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
