using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>A service's public page: what it is, who it is for, how to apply, when and where, phones, fees.</summary>
[AllowAnonymous]
public sealed class ServiceModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    /// <summary>How many similar services a full service points to.</summary>
    public const int SimilarShown = 5;

    public Service Service { get; private set; } = null!;
    public DateTime Now { get; private set; }
    /// <summary>How to reach the service: its own contacts, else its place's, else its organisation's; null when none has any.</summary>
    public ServiceContact? Contact { get; private set; }
    /// <summary>Every place is taken.</summary>
    public bool Full => Service.Capacity is { } capacity && (Service.Occupancy ?? 0) >= capacity;
    /// <summary>For a full service: services of the same category in the same community with places free.</summary>
    public IReadOnlyList<SimilarService> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking()
            .Include(s => s.Organisation)
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Languages).Include(s => s.CostOptions)
            .Include(s => s.RequiredDocuments).Include(s => s.Contacts).Include(s => s.TargetGroups)
            .Include(s => s.Areas).ThenInclude(a => a.Territory)
            .Include(s => s.Terms).ThenInclude(t => t.Term!).ThenInclude(t => t.Taxonomy)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Addresses)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Territory)
            .Include(s => s.Locations).ThenInclude(l => l.Location!).ThenInclude(l => l.Phones)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id && s.Status != ServiceStatus.Defunct, ct);
        if (service is null) return NotFound();
        Service = service;
        Now = time.GetUtcNow().UtcDateTime;
        Contact = ServiceContact.For(service);
        if (Full) Similar = await SimilarAsync(service, ct);
        return Page();
    }

    /// <summary>
    /// Up to <see cref="SimilarShown"/> active services sharing a category with this one, serving or standing in one of
    /// the communities it serves or stands in, with a place free (or no capacity given). Both sides are indexed:
    /// ServiceTerms (term, service) and ServiceAreas (territory, service).
    /// </summary>
    private async Task<IReadOnlyList<SimilarService>> SimilarAsync(Service service, CancellationToken ct)
    {
        var terms = service.Terms.Select(t => t.TaxonomyTermId).ToList();
        var places = service.Areas.Where(a => a.TerritoryId != null).Select(a => a.TerritoryId!.Value)
            .Concat(service.Locations.Where(l => l.Location?.TerritoryId != null).Select(l => l.Location!.TerritoryId!.Value)).Distinct().ToList();
        if (terms.Count == 0 || places.Count == 0) return [];
        var id = service.Id;
        return await db.Services.AsNoTracking()
            .Where(s => s.Id != id && s.Status == ServiceStatus.Active
                && s.Terms.Any(t => terms.Contains(t.TaxonomyTermId))
                && (s.Areas.Any(a => a.TerritoryId != null && places.Contains(a.TerritoryId.Value))
                    || s.Locations.Any(l => l.Location!.TerritoryId != null && places.Contains(l.Location.TerritoryId.Value)))
                && (s.Capacity == null || s.Occupancy == null || s.Occupancy < s.Capacity))
            .OrderBy(s => s.Name.Value).ThenBy(s => s.Id)
            .Select(s => new SimilarService(s.Id, new MultilingualText { Value = s.Name.Value, Translations = s.Name.Translations },
                s.Capacity == null ? null : s.Capacity - (s.Occupancy ?? 0)))
            .Take(SimilarShown)
            .ToListAsync(ct);
    }

    public sealed record SimilarService(Guid Id, MultilingualText Name, int? FreePlaces);
}

/// <summary>Whose contacts a service page shows.</summary>
public enum ContactSource
{
    Service,
    Place,
    Organisation,
}

/// <summary>The contacts shown for a service and whose they are (<see cref="Of"/>: the place or organisation named).</summary>
public sealed record ServiceContact(ContactSource Source, MultilingualText? Of, IReadOnlyList<(string Number, string? Description)> Phones, string? Email, string? Url)
{
    public static ServiceContact? For(Service s)
    {
        if (s.Phones.Count > 0 || s.Email is not null || s.Url is not null)
            return new(ContactSource.Service, null, s.Phones.Select(p => (p.Number, p.Description)).ToList(), s.Email, s.Url);
        foreach (var place in s.Locations.Select(l => l.Location).OfType<Location>())
        {
            if (place.Phones.Count > 0 || place.Url is not null)
                return new(ContactSource.Place, place.Name, place.Phones.Select(p => (p.Number, p.Description)).ToList(), null, place.Url);
        }
        if (s.Organisation is { } o)
        {
            var phones = new[] { o.ReceptionPhone, o.Hotline }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().Select(p => (p!, (string?)null)).ToList();
            if (phones.Count > 0 || o.Email is not null || o.Website is not null)
                return new(ContactSource.Organisation, o.Name, phones, o.Email, o.Website);
        }
        return null;
    }
}
