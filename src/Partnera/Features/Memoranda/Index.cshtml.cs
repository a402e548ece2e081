using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Memoranda;

/// <summary>The public register of memoranda and agreements between organisations.</summary>
[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<Row> Memoranda { get; private set; } = null!;
    public Dictionary<Guid, List<MultilingualText>> Parties { get; private set; } = [];

    public sealed record Row(Guid Id, MultilingualText Title, string? Number, MemorandumStatus Status, DateOnly? SignedOn, int Initiatives);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Memoranda.AsNoTracking();
        foreach (var word in SearchKey.For(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
            query = query.Where(m => m.SearchText.Contains(word));
        if (OrganisationId is { } org) query = query.Where(m => m.Parties.Any(p => p.OrganisationId == org));
        Memoranda = await query.OrderByDescending(m => m.SignedOn).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Title, m.Number, m.Status, m.SignedOn, m.Initiatives.Count))
            .ToPageAsync(PageNumber, null, ct);
        var ids = Memoranda.Items.Select(m => m.Id).ToList();
        // One query for the parties of the whole page, not one per memorandum.
        Parties = (await db.MemorandumParties.AsNoTracking().Where(p => ids.Contains(p.MemorandumId))
                .Select(p => new { p.MemorandumId, p.Organisation!.Name }).ToListAsync(ct))
            .GroupBy(p => p.MemorandumId).ToDictionary(g => g.Key, g => g.Select(p => p.Name).ToList());
    }
}
