using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Territories;

/// <summary>The public territory tree: one level at a time, or a search across all levels.</summary>
[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? ParentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<TerritoryRow> Territories { get; private set; } = null!;
    public IReadOnlyList<TerritoryRow> Path { get; private set; } = [];

    public sealed record TerritoryRow(Guid Id, MultilingualText Name, TerritoryLevel Level, string? Code, int? Population,
        bool PopulationIsEstimate, string TimeZone, Guid? ParentId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = db.Territories.AsNoTracking();
        var key = SearchKey.For(Q);
        if (key.Length > 0) query = query.Where(t => t.SearchText.Contains(key));
        else query = query.Where(t => t.ParentId == ParentId);
        Territories = await query.OrderBy(t => t.Level).ThenBy(t => t.Name.Value).Select(Row).ToPageAsync(PageNumber, null, ct);
        if (ParentId is not null)
        {
            Path = await TerritoryPath.OfAsync(db, ParentId.Value, ct);
            if (Path.Count == 0) return NotFound();
        }
        return Page();
    }

    internal static readonly System.Linq.Expressions.Expression<Func<Territory, TerritoryRow>> Row = t =>
        new TerritoryRow(t.Id, t.Name, t.Level, t.Code, t.Population, t.PopulationIsEstimate, t.TimeZone, t.ParentId);
}
