using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning;

/// <summary>The community plans and strategies, newest period first; authority specialists draft new ones.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PartneraDbContext db) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Plans { get; private set; } = null!;
    public bool CanDraft { get; private set; }

    public sealed record Row(Guid Id, MultilingualText Title, PlanKind Kind, MultilingualText Territory, MultilingualText Owner, int FirstYear, int LastYear, PlanStatus Status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanDraft = PlanEditor.CanDraft(User);
        Plans = await db.CommunityPlans.AsNoTracking()
            .OrderByDescending(p => p.FirstYear).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Kind, p.Territory!.Name, p.Owner!.Name, p.FirstYear, p.LastYear, p.Status))
            .ToPageAsync(PageNumber, null, ct);
    }
}
