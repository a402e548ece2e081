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
/// The pairs the nightly scan found among the records this user's organisations hold, best match first: both names, the
/// score per field and a merge or "not the same person" when they hold both; otherwise only which organisation registered
/// the other record (no score, and the disclosure is in that record's log).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DuplicatesModel(PartneraDbContext db, PersonAccess access, DuplicateReview review, AuditLog audit) : PageModel
{
    public sealed record Side(Guid? Id, string? Name, DateOnly? BirthDate, MultilingualText? RegisteredBy);
    /// <summary>A pair; <paramref name="Widening"/> names the organisations a merge would show more (then it is not offered).</summary>
    public sealed record Row(DuplicatePair Pair, Side First, Side Second, IReadOnlyList<MultilingualText> Widening)
    {
        public bool BothHeld => First.Id is not null && Second.Id is not null;
    }

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Pairs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        var mine = access.Held(User).Select(p => p.Id);
        var pairs = await db.DuplicatePairs.AsNoTracking()
            .Where(d => d.Decision == DuplicateDecision.Open && (mine.Contains(d.FirstId) || mine.Contains(d.SecondId)))
            .OrderByDescending(d => d.Total).ThenBy(d => d.Id).ToPageAsync(PageNumber, null, ct);
        var ids = pairs.Items.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var held = await access.Held(User).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hidden = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !held.Keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var registrars = await access.DiscloseAsync(hidden.Values, ct);
        var decidable = pairs.Items.Where(p => held.ContainsKey(p.FirstId) && held.ContainsKey(p.SecondId)).SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var audiences = await access.AudiencesAsync(decidable, ct);
        var names = await OrganisationNamesAsync(audiences.Values.SelectMany(a => a.Keys).Distinct().ToList(), ct);
        Side SideOf(Guid id) => held.TryGetValue(id, out var p) ? new Side(p.Id, p.FullName, p.BirthDate, null)
            : new Side(null, null, null, hidden.TryGetValue(id, out var h) ? registrars.GetValueOrDefault(h.RegisteredById) : null);
        IReadOnlyList<MultilingualText> WideningOf(DuplicatePair p) => audiences.TryGetValue(p.FirstId, out var a) && audiences.TryGetValue(p.SecondId, out var b)
            ? DuplicateReview.Widening(a, b).Select(o => names[o]).ToList() : [];
        Pairs = new Page<Row>(pairs.Items.Select(p => new Row(p, SideOf(p.FirstId), SideOf(p.SecondId), WideningOf(p))).ToList(), pairs.Number, pairs.Size, pairs.TotalItems);
        if (held.Count > 0) await audit.RecordAsync(AuditAction.Viewed, held.Values, PersonAccess.ListReason, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid pair, Guid keep, CancellationToken ct) =>
        await review.MergeAsync(User, pair, keep, ct) switch
        {
            DuplicateReview.MergeOutcome.Merged => Done("People_Merged"),
            DuplicateReview.MergeOutcome.WouldWiden => Done("People_MergeWouldWiden"),
            _ => NotFound(),
        };

    public async Task<IActionResult> OnPostNotSameAsync(Guid pair, CancellationToken ct) =>
        await review.NotSameAsync(User, pair, ct) ? Done("Common_Saved") : NotFound();

    private Task<Dictionary<Guid, MultilingualText>> OrganisationNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    private RedirectResult Done(string message)
    {
        TempData["Message"] = message;
        return Redirect("/People/Duplicates");
    }
}
