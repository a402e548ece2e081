using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Directory;

/// <summary>The public service finder: words in any script, category, target group, place, open now, free, language.</summary>
[AllowAnonymous]
public sealed class IndexModel(PartneraDbContext db, ServiceFinder finder, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true)] public TargetGroup? Group { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? TerritoryId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true)] public bool Free { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<FinderHit> Results { get; private set; } = null!;
    /// <summary>The query had more words than the finder looks up: the page says only the first ones were.</summary>
    public bool WordsLeftOut => Infrastructure.Text.PhoneticKey.Words(Q).Skip(ServiceFinder.MaxWords).Any();
    public IReadOnlyList<ServiceCategories.Option> Categories { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public MultilingualText? Territory { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Results = await finder.FindAsync(new FinderQuery(Q, Category, Group, TerritoryId, Open, Free, Lang, PageNumber), ct);
        Categories = await ServiceCategories.LoadAsync(db, ct);
        Languages = await db.ServiceLanguages.Select(l => l.Code).Distinct().OrderBy(c => c).ToListAsync(ct);
        if (TerritoryId is { } id) Territory = await db.Territories.Where(t => t.Id == id).Select(t => t.Name).FirstOrDefaultAsync(ct);
    }
}
