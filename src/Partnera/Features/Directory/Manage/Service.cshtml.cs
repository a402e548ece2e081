using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Localisation;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory.Manage;

/// <summary>Provider staff describe a service: what, for whom, where, when, how much, and how many places.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ServiceModel(PartneraDbContext db, ServiceEditor editor, ServiceSearchIndex search, IStringLocalizerFactory localizers) : PageModel
{
    public static readonly string[] LanguageCodes = ["uk", "ru", "ro", "en", "be"];

    [BindProperty] public ServiceInput Input { get; set; } = new();
    [BindProperty] public string? TerritoryQuery { get; set; }
    /// <summary>Words typed to narrow the list of categories (filtered on the server, so the page works without JavaScript).</summary>
    [BindProperty] public string? CategoryQuery { get; set; }
    /// <summary>The ISO code of the organisation's country: its classifier is offered first.</summary>
    public string? Country { get; private set; }
    public Guid? Id { get; private set; }
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<ServiceCategories.Option> Categories { get; private set; } = [];
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Locations { get; private set; } = [];
    public IReadOnlyList<TerritoryChoices.Choice> Territories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        var (service, refusal) = await LoadAsync(id, organisationId, ct);
        if (refusal is not null) return refusal;
        Input = service is null ? new ServiceInput { AreaTerritoryIds = Organisation.TerritoryId is { } home ? [home] : [] } : ServiceInput.From(service);
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        var (service, refusal) = await LoadAsync(id, organisationId, ct);
        if (refusal is not null) return refusal;
        foreach (var error in await editor.CheckAsync(Input, Organisation.Id, ct))
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", FeatureStringsLocalizer.For(typeof(ServiceInput), localizers)[error.Key]);
        if (!ModelState.IsValid)
        {
            await PrepareAsync(ct);
            return Page();
        }
        service ??= db.Services.Add(new Service { OrganisationId = Organisation.Id }).Entity;
        await editor.ApplyAsync(service, Input, User, ct);
        await db.SaveChangesAsync(ct);
        await search.RefreshAsync([service.Id], ct);
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

    private async Task<(Service? Service, IActionResult? Refusal)> LoadAsync(Guid? id, Guid? organisationId, CancellationToken ct)
    {
        Id = id;
        Service? service = null;
        if (id is not null)
        {
            service = await editor.LoadAsync(id.Value, ct);
            if (service is null) return (null, NotFound());
            organisationId = service.OrganisationId;
        }
        if (organisationId is null || !OrganisationAccess.CanEdit(User, organisationId.Value)) return (null, Forbid());
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return (null, NotFound());
        Organisation = organisation;
        return (service, null);
    }

    /// <summary>The categories already chosen, shown first.</summary>
    public IEnumerable<ServiceCategories.Option> Chosen => Categories.Where(c => Input.TermIds.Contains(c.Id));

    /// <summary>The categories not chosen that match the filter: of the organisation's country (or of none) first, then of other countries.</summary>
    public (List<ServiceCategories.Option> Home, List<ServiceCategories.Option> Other) Offered()
    {
        var offered = Categories.Where(c => !Input.TermIds.Contains(c.Id) && c.Matches(CategoryQuery)).ToList();
        bool Home(ServiceCategories.Option c) => Country is null || c.Country is null || string.Equals(c.Country, Country, StringComparison.OrdinalIgnoreCase);
        return ([.. offered.Where(Home)], [.. offered.Where(c => !Home(c))]);
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Input.WorkingHours = WeeklySchedule.FullWeek(Input.WorkingHours);
        Categories = await ServiceCategories.LoadAsync(db, ct);
        Country = Organisation.TerritoryId is { } home ? (await TerritoryPath.OfAsync(db, home, ct)).FirstOrDefault()?.Code?.ToUpperInvariant() : null;
        Locations = (await db.Locations.AsNoTracking().Where(l => l.OrganisationId == Organisation.Id).OrderBy(l => l.Name.Value)
            .Select(l => new { l.Id, l.Name }).Take(500).ToListAsync(ct)).Select(l => (l.Id, l.Name)).ToList();
        Territories = await TerritoryChoices.LoadAsync(db, TerritoryQuery, Input.AreaTerritoryIds, Organisation.TerritoryId, ct);
    }
}
