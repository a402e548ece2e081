using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>The rules of a service description and the one place a service is created or changed.</summary>
public sealed class ServiceEditor(PartneraDbContext db, TimeProvider time)
{
    public sealed record RuleError(string Field, string Key);

    public async Task<List<RuleError>> CheckAsync(ServiceInput input, Guid organisationId, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        var terms = input.TermIds.Distinct().ToList();
        // Partnera's own extension terms (capacity and the like) are not categories a service is filed under.
        if (await db.TaxonomyTerms.CountAsync(t => terms.Contains(t.Id) && t.Taxonomy!.Code != Hsds.HsdsMapper.ExtensionTaxonomy, ct) != terms.Count)
            errors.Add(new(nameof(input.TermIds), "Service_UnknownCategory"));
        var areas = input.AreaTerritoryIds.Distinct().ToList();
        if (await db.Territories.CountAsync(t => areas.Contains(t.Id), ct) != areas.Count) errors.Add(new(nameof(input.AreaTerritoryIds), "Service_UnknownTerritory"));
        if (input.LocationId is { } location && !await db.Locations.AnyAsync(l => l.Id == location && l.OrganisationId == organisationId, ct))
            errors.Add(new(nameof(input.LocationId), "Service_UnknownLocation"));
        if (input.Capacity is { } capacity && input.Occupancy > capacity) errors.Add(new(nameof(input.Occupancy), "Service_OccupancyOverCapacity"));
        if (input.MinimumAge is { } min && input.MaximumAge < min) errors.Add(new(nameof(input.MaximumAge), "Service_AgesOrder"));
        if (input.UnitCost is not null && string.IsNullOrWhiteSpace(input.UnitCostCurrency)) errors.Add(new(nameof(input.UnitCostCurrency), "Service_CurrencyRequired"));
        if (input.Languages.Any(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower))) errors.Add(new(nameof(input.Languages), "Service_BadLanguage"));
        // Residents must be able to reach a working service; closing one down must never be blocked for want of a phone.
        if (input.Status == ServiceStatus.Active && string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Url)
            && !await ReachableElsewhereAsync(input.LocationId, organisationId, ct))
            errors.Add(new(nameof(input.Phone), "Service_ContactRequired"));
        foreach (var day in input.WorkingHours)
        {
            if (OrganisationEditor.HoursError(day) is { } key) errors.Add(new($"{nameof(input.WorkingHours)}[{(int)day.Day}]", key));
        }
        return errors;
    }

    /// <summary>
    /// A service without a phone, e-mail or site of its own can still be reached when its place has a phone or site,
    /// or its organisation a phone, hotline, e-mail or site: the public page then shows theirs.
    /// </summary>
    private async Task<bool> ReachableElsewhereAsync(Guid? locationId, Guid organisationId, CancellationToken ct) =>
        (locationId is { } l && await db.Locations.AnyAsync(x => x.Id == l && x.OrganisationId == organisationId && (x.Url != null || x.Phones.Any()), ct))
        || await db.Organisations.AnyAsync(o => o.Id == organisationId
            && (o.ReceptionPhone != null || o.Hotline != null || o.Email != null || o.Website != null), ct);

    /// <summary>Loads a service with everything the editor replaces.</summary>
    public Task<Service?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Services
            .Include(s => s.Terms).Include(s => s.TargetGroups).Include(s => s.Areas).Include(s => s.Languages).Include(s => s.Phones)
            .Include(s => s.Funding).Include(s => s.RequiredDocuments).Include(s => s.Schedules).Include(s => s.Locations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Applies a checked input; saving the form also confirms the information is current.</summary>
    public async Task ApplyAsync(Service s, ServiceInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        s.Name = Translations.ToText(input.Name!, input.NameTranslations);
        s.Description = Keep(s.Description, input.Description);
        s.Eligibility = Keep(s.Eligibility, input.Eligibility);
        s.ApplicationProcess = Keep(s.ApplicationProcess, input.ApplicationProcess);
        s.Status = input.Status!.Value;
        s.FreeOfCharge = input.FreeOfCharge;
        s.FeesDescription = Clean(input.FeesDescription);
        s.Capacity = input.Capacity;
        s.Occupancy = input.Occupancy;
        s.UnitCost = input.UnitCost;
        s.UnitCostCurrency = Clean(input.UnitCostCurrency)?.ToUpperInvariant();
        s.Email = Clean(input.Email);
        s.Url = Clean(input.Url);
        s.MinimumAge = input.MinimumAge;
        s.MaximumAge = input.MaximumAge;
        s.Alert = Clean(input.Alert);
        Replace(s.Terms, input.TermIds.Distinct(), t => t.TaxonomyTermId, id => new() { ServiceId = s.Id, TaxonomyTermId = id });
        Replace(s.TargetGroups, input.TargetGroups.Distinct(), g => g.Group, g => new() { ServiceId = s.Id, Group = g });
        Replace(s.Areas, input.AreaTerritoryIds.Distinct(), a => a.TerritoryId ?? Guid.Empty, id => new() { ServiceId = s.Id, TerritoryId = id });
        Replace(s.Languages, input.Languages.Distinct(), l => l.Code, code => new() { ServiceId = s.Id, Code = code });
        Replace(s.Phones, (input.Phone ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(),
            p => p.Number, n => new() { ServiceId = s.Id, Number = n });
        Replace(s.RequiredDocuments, Lines(input.RequiredDocuments), d => d.Document, d => new() { ServiceId = s.Id, Document = d });
        Replace(s.Funding, input.Funding is { } f ? [f] : [], x => x.Kind, kind => new() { ServiceId = s.Id, Kind = kind });
        Replace(s.Locations, input.LocationId is { } l ? [l] : [], x => x.LocationId, id => new() { ServiceId = s.Id, LocationId = id });
        ReplaceSchedules(s, WeeklySchedule.ToSchedules(s.Id, input.WorkingHours));
        s.TimeZone = await TimeZoneOfAsync(s, input, ct);
        s.LastModified = now;
        s.LastVerifiedAt = now;
        s.LastVerifiedBy = user.Identity?.Name;
        s.RefreshSearchText();
    }

    /// <summary>Staff confirm that a service's page is still right without changing it.</summary>
    public void Confirm(Service s, ClaimsPrincipal user)
    {
        s.LastVerifiedAt = time.GetUtcNow().UtcDateTime;
        s.LastVerifiedBy = user.Identity?.Name;
    }

    private async Task<string> TimeZoneOfAsync(Service s, ServiceInput input, CancellationToken ct)
    {
        var place = input.LocationId is { } l
            ? await db.Locations.Where(x => x.Id == l).Select(x => x.TerritoryId).FirstOrDefaultAsync(ct)
            : input.AreaTerritoryIds.Cast<Guid?>().FirstOrDefault();
        place ??= await db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.TerritoryId).FirstOrDefaultAsync(ct);
        return await db.Territories.Where(t => t.Id == place).Select(t => t.TimeZone).FirstOrDefaultAsync(ct) ?? s.TimeZone;
    }

    // Children are matched by what identifies them, so an unchanged row stays (and the audit log shows only real changes).
    private static void Replace<TItem, TKey>(List<TItem> items, IEnumerable<TKey> wanted, Func<TItem, TKey> key, Func<TKey, TItem> create)
    {
        var keys = wanted.ToList();
        items.RemoveAll(i => !keys.Contains(key(i)));
        foreach (var k in keys.Where(k => !items.Any(i => EqualityComparer<TKey>.Default.Equals(key(i), k)))) items.Add(create(k));
    }

    // A schedule row may belong to a service or to a place (both keys optional), so taking it out of the list would only
    // clear its service and leave a row behind with neither: the rows no longer wanted are deleted.
    private void ReplaceSchedules(Service s, List<Schedule> wanted)
    {
        var gone = s.Schedules.Where(x => !wanted.Any(w => w.ByDay == x.ByDay && w.OpensAt == x.OpensAt && w.ClosesAt == x.ClosesAt)).ToList();
        foreach (var x in gone)
        {
            s.Schedules.Remove(x);
            if (db.Entry(x).State != Microsoft.EntityFrameworkCore.EntityState.Detached) db.Schedules.Remove(x);
        }
        s.Schedules.AddRange(wanted.Where(w => !s.Schedules.Any(x => w.ByDay == x.ByDay && w.OpensAt == x.OpensAt && w.ClosesAt == x.ClosesAt)));
    }

    private static MultilingualText Keep(MultilingualText current, string? value) => new(value?.Trim() ?? "", current.Translations);

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
