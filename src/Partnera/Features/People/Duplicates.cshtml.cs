using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.People.Matching;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// The pairs the nightly scan found among the people this user's organisations are involved with, best match first:
/// both names and a merge or "not the same person" when the user may see both, otherwise the organisation to contact.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DuplicatesModel(PartneraDbContext db, PersonAccess access, DuplicateReview review, AuditLog audit) : PageModel
{
    public sealed record Side(Guid? Id, string? Name, DateOnly? BirthDate, IReadOnlyList<MultilingualText> Contact);
    public sealed record Row(DuplicatePair Pair, Side First, Side Second);

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Pairs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        var mine = access.Visible(User).Select(p => p.Id);
        var pairs = await db.DuplicatePairs.AsNoTracking()
            .Where(d => d.Decision == DuplicateDecision.Open && (mine.Contains(d.FirstId) || mine.Contains(d.SecondId)))
            .OrderByDescending(d => d.Total).ThenBy(d => d.Id).ToPageAsync(PageNumber, null, ct);
        var ids = pairs.Items.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var visible = await access.Visible(User).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var holders = (await db.PersonInvolvements.AsNoTracking().Where(i => ids.Contains(i.PersonId) && !visible.Keys.Contains(i.PersonId))
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i.PersonId, o.Id, o.Name }).ToListAsync(ct))
            .ToLookup(x => x.PersonId);
        Side SideOf(Guid id) => visible.TryGetValue(id, out var p) ? new Side(p.Id, p.FullName, p.BirthDate, [])
            : new Side(null, null, null, holders[id].DistinctBy(h => h.Id).Select(h => h.Name).ToList());
        Pairs = new Page<Row>(pairs.Items.Select(p => new Row(p, SideOf(p.FirstId), SideOf(p.SecondId))).ToList(), pairs.Number, pairs.Size, pairs.TotalItems);
        if (visible.Count > 0) await audit.RecordAsync(AuditAction.Viewed, visible.Values, PersonAccess.ListReason, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid pair, Guid keep, CancellationToken ct) =>
        await review.MergeAsync(User, pair, keep, ct) ? Done("People_Merged") : NotFound();

    public async Task<IActionResult> OnPostNotSameAsync(Guid pair, CancellationToken ct) =>
        await review.NotSameAsync(User, pair, ct) ? Done("Common_Saved") : NotFound();

    private RedirectResult Done(string message)
    {
        TempData["Message"] = message;
        return Redirect("/People/Duplicates");
    }
}
