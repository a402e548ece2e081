using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Organisations;

/// <summary>The public list of partner organisations: search by name, filter by kind and territory.</summary>
[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db, Territories.TerritoryTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TerritoryId { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<OrganisationRow> Organisations { get; private set; } = null!;
    public IReadOnlyList<TerritoryOption> Territories { get; private set; } = [];

    public sealed record OrganisationRow(Guid Id, MultilingualText Name, OrganisationKind Kind, MultilingualText? Territory,
        string? ReceptionPhone, string? Hotline);

    public sealed record TerritoryOption(Guid Id, MultilingualText Name);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var territory = TerritoryId is { } id ? await tree.ScopeAsync(id, ct) : null;
        Organisations = await OrganisationSearch.Query(db, Q, Kind, territory)
            .OrderBy(o => o.Name.Value).ThenBy(o => o.Id)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.Territory == null ? null : o.Territory.Name, o.ReceptionPhone, o.Hotline))
            .ToPageAsync(PageNumber, null, ct);
        // Territories that organisations are based in or serve: the filter offers only choices with results.
        Territories = await db.Territories.AsNoTracking()
            .Where(t => db.OrganisationTerritories.Any(s => s.TerritoryId == t.Id) || db.Organisations.Any(o => o.TerritoryId == t.Id))
            .OrderBy(t => t.Name.Value)
            .Select(t => new TerritoryOption(t.Id, t.Name))
            .Take(500)
            .ToListAsync(ct);
    }
}
