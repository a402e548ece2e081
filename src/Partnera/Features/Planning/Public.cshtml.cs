using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Planning.Consultation;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning;

/// <summary>
/// A published plan as anyone reads it: its latest published version, the decision, and its consultation: every
/// comment and proposal with the authority's answer; signed-in people comment, propose and support while it is open.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Name)]
public sealed class PublicModel(PartneraDbContext db, ConsultationBook consultation, CurrentUser user, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public CommentInput Comment { get; set; } = new();
    public CommunityPlan Plan { get; private set; } = null!;
    /// <summary>The currency of the plan's amounts: that of its community's country.</summary>
    public string Currency { get; private set; } = "";
    public MultilingualText Territory { get; private set; } = new();
    public PlanVersion? Version { get; private set; }
    public IReadOnlyList<Consultation.PlanHearing> Hearings { get; private set; } = [];
    public string TimeZone { get; private set; } = "UTC";
    public PlanSnapshot? Snapshot { get; private set; }
    public bool Open { get; private set; }
    public Page<PlanComment> Comments { get; private set; } = new([], 1, 1, 0);
    public HashSet<Guid> Supported { get; private set; } = [];
    /// <summary>Per measure: its latest reported progress, the date of that report, all money reported spent, and the latest report with evidence.</summary>
    public Dictionary<Guid, (int Percent, DateOnly On, decimal Spent, Guid? Evidence)> Progress { get; private set; } = [];
    /// <summary>Per measure: how many different people its services have served (referrals taken into service), counted, never named.</summary>
    public Dictionary<Guid, int> Served { get; private set; } = [];
    /// <summary>Per measure: the directory services it created.</summary>
    public ILookup<Guid, (Guid Id, MultilingualText Name)> Services { get; private set; } = Array.Empty<(Guid, Guid, MultilingualText)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3));

    public ConsultationSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The consultation report: every comment and proposal with its answer, and the hearings, as a PDF.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        if (await db.CommunityPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status != PlanStatus.Draft, ct) is not { } plan) return NotFound();
        var zone = await Territories.TerritoryClock.TimeZoneAsync(db, plan.TerritoryId, ct);
        var currency = await Budgeting.BudgetCurrency.OfAsync(db, plan.TerritoryId, ct);
        var pdf = await ConsultationReport.WriteAsync(db, plan, zone, currency, System.Globalization.CultureInfo.CurrentUICulture, t, ct);
        return File(pdf, "application/pdf", $"consultation-report-{plan.FirstYear}-{plan.LastYear}.pdf");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (user.Id is not { } author) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var name = await db.Users.Where(u => u.Id == author).Select(u => u.DisplayName).SingleAsync(ct);
        foreach (var (field, key) in await consultation.AddAsync(Plan, author, name, Comment, ct))
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Comment)}.{field}", t[key]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Public/{id}#comments");
    }

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid comment, CancellationToken ct)
    {
        if (user.Id is not { } supporter) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await consultation.SupportAsync(Plan, comment, supporter, ct) is { } problem)
        {
            ModelState.AddModelError("", t[problem]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return Redirect($"/Planning/Public/{id}#comment-{comment}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.CommunityPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status != PlanStatus.Draft, ct) is not { } plan) return false;
        Plan = plan;
        Currency = await Budgeting.BudgetCurrency.OfAsync(db, plan.TerritoryId, ct);
        (Territory, TimeZone) = await db.Territories.Where(x => x.Id == plan.TerritoryId).Select(x => new ValueTuple<MultilingualText, string>(x.Name, x.TimeZone)).SingleAsync(ct);
        Hearings = await db.PlanHearings.AsNoTracking().Where(h => h.PlanId == id).OrderBy(h => h.HeldAt).ToListAsync(ct);
        Version = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        Snapshot = Version is null ? null : PlanSnapshot.FromJson(Version.Snapshot);
        Open = await consultation.IsOpenAsync(plan, ct);
        Summary = await ConsultationSummary.OfAsync(db, id, ct);
        Progress = (await db.MeasureProgress.AsNoTracking().Where(r => r.PlanId == id).Select(r => new { r.MeasureId, r.ReportedOn, r.Id, r.Percent, r.Spent, r.EvidenceDocumentId }).ToListAsync(ct))
            .GroupBy(r => r.MeasureId).ToDictionary(g => g.Key, g =>
            {
                var ordered = g.OrderBy(r => r.ReportedOn).ThenBy(r => r.Id).ToList();
                var latest = ordered[^1];
                return (latest.Percent, latest.ReportedOn, g.Sum(r => r.Spent), ordered.LastOrDefault(r => r.EvidenceDocumentId != null)?.Id);
            });
        Services = (await db.MeasureServices.AsNoTracking().Where(l => l.PlanId == id).Join(db.Services, l => l.ServiceId, s => s.Id, (l, s) => new { l.MeasureId, s.Id, s.Name }).ToListAsync(ct))
            .ToLookup(x => x.MeasureId, x => (x.Id, x.Name));
        var served = db.Referrals.Where(r => r.Status == People.Referrals.ReferralStatus.InService || r.Status == People.Referrals.ReferralStatus.Completed
            || (r.Status == People.Referrals.ReferralStatus.Closed && r.Outcome != null));
        Served = (await db.MeasureServices.AsNoTracking().Where(l => l.PlanId == id)
            .Join(served, l => l.ServiceId, r => r.ServiceId, (l, r) => new { l.MeasureId, r.PersonId }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.MeasureId).ToDictionary(g => g.Key, g => g.Count());
        Comments = await db.PlanComments.AsNoTracking().Where(c => c.PlanId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(PageNumber, null, ct);
        var shown = Comments.Items.Select(c => c.Id).ToList();
        Supported = user.Id is { } me
            ? (await db.CommentSupports.Where(s => s.UserId == me && shown.Contains(s.CommentId)).Select(s => s.CommentId).ToListAsync(ct)).ToHashSet()
            : [];
        return true;
    }

    public string? MeasureTitle(Guid? measure) => measure is { } m ? Snapshot?.Measures.FirstOrDefault(x => x.Measure.Id == m).Measure?.Title : null;
}
