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
/// score per field and a merge or "not the same person". A pair with a record held elsewhere is not listed: whether the
/// scan paired it depends on that record's date and documents, so listing it would confirm them; the record's own page
/// names the organisations that registered someone with the same names.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DuplicatesModel(PartneraDbContext db, PersonAccess access, DuplicateReview review, AuditLog audit) : PageModel
{
    /// <summary>One record of a pair, with what tells it from the other when both carry the same names: its short number and registration date.</summary>
    public sealed record Side(Guid Id, string Name, DateOnly? BirthDate, DateTime RegisteredAt)
    {
        /// <summary>The last characters of the record's id, as its address ends (ids begin with their creation time, alike for records made together).</summary>
        public string ShortId => Id.ToString("N")[^8..];
    }
    /// <summary>A pair; <paramref name="Widening"/> names the organisations a merge would show more (then it is not offered, "not the same person" still is).</summary>
    public sealed record Row(DuplicatePair Pair, Side First, Side Second, IReadOnlyList<MultilingualText> Widening);

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Pairs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        var mine = access.Held(User).Select(p => p.Id);
        var pairs = await db.DuplicatePairs.AsNoTracking()
            .Where(d => d.Decision == DuplicateDecision.Open && mine.Contains(d.FirstId) && mine.Contains(d.SecondId))
            .OrderByDescending(d => d.Total).ThenBy(d => d.Id).ToPageAsync(PageNumber, null, ct);
        var ids = pairs.Items.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var held = await access.Held(User).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var audiences = await access.AudiencesAsync(ids, ct);
        var names = await OrganisationNamesAsync(audiences.Values.SelectMany(a => a.Keys).Distinct().ToList(), ct);
        Side SideOf(Guid id) => new(id, held[id].FullName, held[id].BirthDate, held[id].RegisteredAt);
        IReadOnlyList<MultilingualText> WideningOf(DuplicatePair p) => DuplicateReview.Widening(audiences[p.FirstId], audiences[p.SecondId]).Select(o => names[o]).ToList();
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
