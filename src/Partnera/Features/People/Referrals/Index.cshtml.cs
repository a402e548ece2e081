using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People.Referrals;

/// <summary>Referrals received by or sent from the user's organisations, newest first; unanswered ones past their deadline flagged.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Which tab: asked for, or else the one that has referrals (received when both or neither have).</summary>
    [FromQuery(Name = "sent")] public bool? SentTab { get; set; }
    public bool Sent { get; private set; }
    public int ReceivedCount { get; private set; }
    public int SentCount { get; private set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Referrals { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public sealed record Row(Guid Id, Guid PersonId, MultilingualText Service, MultilingualText Other, ReferralStatus Status, Urgency Urgency, DateTime SentAt, DateTime AnswerDue, DateTime UpdatedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        var mine = PersonAccess.Organisations(User);
        Now = time.GetUtcNow().UtcDateTime;
        ReceivedCount = await db.Referrals.CountAsync(r => mine.Contains(r.ToOrganisationId), ct);
        SentCount = await db.Referrals.CountAsync(r => mine.Contains(r.FromOrganisationId), ct);
        Sent = SentTab ?? (ReceivedCount == 0 && SentCount > 0);
        var sent = Sent;
        var referrals = db.Referrals.AsNoTracking().Where(r => sent ? mine.Contains(r.FromOrganisationId) : mine.Contains(r.ToOrganisationId));
        Referrals = await referrals.OrderByDescending(r => r.SentAt).ThenBy(r => r.Id)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, Service = s.Name })
            .Join(db.Organisations, x => sent ? x.r.ToOrganisationId : x.r.FromOrganisationId, o => o.Id,
                (x, o) => new Row(x.r.Id, x.r.PersonId, x.Service, o.Name, x.r.Status, x.r.Urgency, x.r.SentAt, x.r.AnswerDue, x.r.UpdatedAt))
            .ToPageAsync(PageNumber, null, ct);
        return Page();
    }
}
