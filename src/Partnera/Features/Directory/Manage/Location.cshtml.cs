using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Search;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Manage;

/// <summary>A place where the organisation receives people: its address, community and accessibility.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LocationModel(PartneraDbContext db, ServiceSearchIndex search, Microsoft.Extensions.Localization.IStringLocalizer<DirectoryStrings> t) : PageModel
{
    [BindProperty] public LocationInput Input { get; set; } = new();
    [BindProperty] public string? TerritoryQuery { get; set; }
    public Guid? Id { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<TerritoryChoices.Choice> Territories { get; private set; } = [];

    public sealed class LocationInput
    {
        [Required, StringLength(300), Display(Name = "Location_Name")] public string? Name { get; set; }
        [Display(Name = "Location_Territory")] public Guid? TerritoryId { get; set; }
        [Required, StringLength(300), Display(Name = "Location_Street")] public string? Address1 { get; set; }
        [Required, StringLength(150), Display(Name = "Location_City")] public string? City { get; set; }
        [StringLength(20), Display(Name = "Location_PostalCode")] public string? PostalCode { get; set; }
        [Required, RegularExpression("^[A-Za-z]{2}$"), Display(Name = "Location_Country")] public string? Country { get; set; }
        [StringLength(1000), Display(Name = "Location_Transport")] public string? TransportationNotes { get; set; }
        [StringLength(1000), Display(Name = "Location_Accessibility")] public string? Accessibility { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        var (location, refusal) = await LoadAsync(id, organisationId, ct);
        if (refusal is not null) return refusal;
        var address = location?.Addresses.FirstOrDefault();
        Input = location is null
            ? new LocationInput { TerritoryId = Organisation.TerritoryId, Country = await CountryOfAsync(Organisation.TerritoryId, ct) }
            : new LocationInput
            {
                Name = location.Name.Value,
                TerritoryId = location.TerritoryId,
                Address1 = address?.Address1,
                City = address?.City,
                PostalCode = address?.PostalCode,
                Country = address?.Country,
                TransportationNotes = location.TransportationNotes,
                Accessibility = location.Accessibility.FirstOrDefault()?.Description,
            };
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        var (location, refusal) = await LoadAsync(id, organisationId, ct);
        if (refusal is not null) return refusal;
        if (Input.TerritoryId is { } territory && !await db.Territories.AnyAsync(t => t.Id == territory, ct))
            ModelState.AddModelError("Input.TerritoryId", t["Service_UnknownTerritory"]);
        if (!ModelState.IsValid)
        {
            await PrepareAsync(ct);
            return Page();
        }
        location ??= db.Locations.Add(new Location { OrganisationId = Organisation.Id }).Entity;
        location.Name = new MultilingualText(Input.Name!.Trim(), location.Name.Translations);
        location.TerritoryId = Input.TerritoryId;
        location.TransportationNotes = string.IsNullOrWhiteSpace(Input.TransportationNotes) ? null : Input.TransportationNotes.Trim();
        var address = location.Addresses.FirstOrDefault() ?? new Address { LocationId = location.Id };
        if (!location.Addresses.Contains(address)) location.Addresses.Add(address);
        address.Address1 = Input.Address1!.Trim();
        address.City = Input.City!.Trim();
        address.PostalCode = Input.PostalCode?.Trim() ?? "";
        address.Country = Input.Country!.ToUpperInvariant();
        address.StateProvince = await db.Territories.Where(t => t.Id == Input.TerritoryId).Select(t => t.Name.Value).FirstOrDefaultAsync(ct) ?? "";
        location.Accessibility.RemoveAll(a => a.Description != Input.Accessibility?.Trim());
        if (!string.IsNullOrWhiteSpace(Input.Accessibility) && location.Accessibility.Count == 0)
            location.Accessibility.Add(new Accessibility { LocationId = location.Id, Description = Input.Accessibility.Trim() });
        await db.SaveChangesAsync(ct);
        // Services at this place are found by its community's name.
        var services = await db.ServiceAtLocations.Where(s => s.LocationId == location.Id).Select(s => s.ServiceId).ToListAsync(ct);
        await search.RefreshAsync(services, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Directory/Manage?organisationId={Organisation.Id}");
    }

    public async Task<IActionResult> OnPostFindAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        var (_, refusal) = await LoadAsync(id, organisationId, ct);
        if (refusal is not null) return refusal;
        ModelState.Clear();
        await PrepareAsync(ct);
        return Page();
    }

    private async Task<(Location? Location, IActionResult? Refusal)> LoadAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        Id = id;
        Location? location = null;
        if (id is not null)
        {
            location = await db.Locations.Include(l => l.Addresses).Include(l => l.Accessibility).FirstOrDefaultAsync(l => l.Id == id, ct);
            if (location is null) return (null, NotFound());
            organisationId = location.OrganisationId;
        }
        if (organisationId is null || !OrganisationAccess.CanEdit(User, organisationId.Value)) return (null, Forbid());
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return (null, NotFound());
        Organisation = organisation;
        return (location, null);
    }

    private async Task PrepareAsync(CancellationToken ct) =>
        Territories = await TerritoryChoices.LoadAsync(db, TerritoryQuery, Input.TerritoryId is { } t ? [t] : [], Organisation.TerritoryId, ct);

    // The country code of a territory's country (the root of its branch), for a new address.
    private async Task<string?> CountryOfAsync(Guid? territoryId, CancellationToken ct) =>
        territoryId is null ? null : (await TerritoryPath.OfAsync(db, territoryId.Value, ct)).FirstOrDefault()?.Code;
}
