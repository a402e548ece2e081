using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Territories;

namespace Partnera.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db) : PageModel
{
    public int Organisations { get; private set; }
    public int Memoranda { get; private set; }
    public int Communities { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.CountAsync(ct);
        Memoranda = await db.Memoranda.CountAsync(ct);
        Communities = await db.Territories.CountAsync(t => t.Level == TerritoryLevel.Community, ct);
    }
}
