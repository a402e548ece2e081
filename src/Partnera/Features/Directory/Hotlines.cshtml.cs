using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>Every organisation's hotline in one list, by country and place.</summary>
[AllowAnonymous]
public sealed class HotlinesModel(PartneraDbContext db) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Hotlines { get; private set; } = null!;

    public sealed record Row(Guid Id, MultilingualText Name, string Hotline, MultilingualText? Territory);

    public async Task OnGetAsync(CancellationToken ct) =>
        Hotlines = await db.Organisations.AsNoTracking().Where(o => o.Hotline != null)
            .OrderBy(o => o.Territory == null ? "" : o.Territory.Name.Value).ThenBy(o => o.Name.Value)
            .Select(o => new Row(o.Id, o.Name, o.Hotline!, o.Territory == null ? null : o.Territory.Name))
            .ToPageAsync(PageNumber, 50, ct);
}
