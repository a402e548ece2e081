using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Infrastructure.Printing;
using Partnera.Infrastructure.Time;

namespace Partnera.Features.Planning.Consultation;

/// <summary>How a consultation went, in figures: comments and proposals by kind, answers by decision, and what still waits.</summary>
public sealed record ConsultationSummary(int Comments, int Proposals, int Supporters, IReadOnlyDictionary<CommentDecision, int> Decisions, int Unanswered, int Hidden)
{
    public static async Task<ConsultationSummary> OfAsync(PartneraDbContext db, Guid planId, CancellationToken ct)
    {
        var rows = await db.PlanComments.Where(c => c.PlanId == planId)
            .GroupBy(c => new { c.Kind, c.Decision, Hidden = c.HiddenAt != null })
            .Select(g => new { g.Key.Kind, g.Key.Decision, g.Key.Hidden, Count = g.Count(), Supporters = g.Sum(c => c.Supporters) }).ToListAsync(ct);
        return new ConsultationSummary(
            rows.Where(r => r.Kind == CommentKind.Comment).Sum(r => r.Count),
            rows.Where(r => r.Kind != CommentKind.Comment).Sum(r => r.Count),
            rows.Sum(r => r.Supporters),
            // A comment answered and then removed by the moderator counts once: as removed.
            rows.Where(r => r.Decision is not null && !r.Hidden).GroupBy(r => r.Decision!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            rows.Where(r => r.Decision is null && !r.Hidden).Sum(r => r.Count),
            rows.Where(r => r.Hidden).Sum(r => r.Count));
    }
}

/// <summary>
/// The published consultation report of a plan as a PDF: the plan and its consultation dates, the figures, every public
/// hearing with its minutes, and every comment and proposal with the authority's answer (hidden ones with the reason).
/// </summary>
public static class ConsultationReport
{
    public static async Task<byte[]> WriteAsync(PartneraDbContext db, CommunityPlan plan, string timeZone, string currency, CultureInfo culture, IStringLocalizer t, CancellationToken ct)
    {
        var title = $"{t["Report_Consultation"]}: {plan.Title.In(culture)}";
        using var pdf = new PrintedDocument(title);
        pdf.Heading(title, main: true);
        if (plan.ConsultationStarts is { } from && plan.ConsultationEnds is { } to) pdf.Paragraph(t["Plan_ConsultationDates", from.ToString("d", culture), to.ToString("d", culture)]);
        pdf.Paragraph(Summary(await ConsultationSummary.OfAsync(db, plan.Id, ct), t));
        var hearings = await db.PlanHearings.AsNoTracking().Where(h => h.PlanId == plan.Id).OrderBy(h => h.HeldAt).ToListAsync(ct);
        if (hearings.Count > 0) pdf.Heading(t["Hearings_Title"]);
        foreach (var h in hearings)
        {
            pdf.Paragraph($"{LocalTime.FromUtc(timeZone, h.HeldAt).ToString("g", culture)} · {h.Place} · {t["Hearing_Participants"]}: {h.Participants}");
            pdf.Paragraph($"{t["Hearing_Agenda"]}: {h.Agenda}", small: true);
            if (h.Minutes is { } minutes) pdf.Paragraph($"{t["Hearing_Minutes"]}: {minutes}", small: true);
        }
        pdf.Heading(t["Consultation_Title"]);
        var number = 0;
        // Read in pages, so that a consultation with many thousands of comments never sits in memory at once.
        for (var skip = 0; ; skip += 500)
        {
            var page = await db.PlanComments.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(skip).Take(500).ToListAsync(ct);
            foreach (var c in page) Comment(pdf, ++number, c, currency, culture, t);
            if (page.Count < 500) break;
        }
        return pdf.ToPdf();
    }

    public static string Summary(ConsultationSummary s, IStringLocalizer t) =>
        t["Report_ConsultationSummary", s.Comments, s.Proposals, s.Supporters,
            string.Join(", ", Enum.GetValues<CommentDecision>().Select(d => $"{t[$"CommentDecision_{d}"]}: {s.Decisions.GetValueOrDefault(d)}")),
            s.Unanswered, s.Hidden];

    private static void Comment(PrintedDocument pdf, int number, PlanComment c, string currency, CultureInfo culture, IStringLocalizer t)
    {
        if (c.HiddenAt is not null)
        {
            pdf.Paragraph($"{number}. {t["Comment_Hidden", c.HiddenReason ?? ""]}", small: true);
            return;
        }
        var lines = new List<string> { $"{number}. {c.AuthorName} · {c.CreatedAt.ToString("d", culture)} · {t[$"CommentKind_{c.Kind}"]}", c.Text };
        if (c.Reason is { } reason) lines.Add($"{t["Comment_Reason"]}: {reason}");
        if (c.EstimatedCost is { } cost) lines.Add($"{t["Comment_EstimatedCost"]}: {Budgeting.BudgetCurrency.Money(cost, currency, culture)}");
        if (c.Kind != CommentKind.Comment) lines.Add(t["Support_Count", c.Supporters]);
        lines.Add(c.Decision is { } decision ? $"{t[$"CommentDecision_{decision}"]}: {c.Answer}" : t["Report_NotAnswered"]);
        pdf.Paragraph(string.Join('\n', lines), small: true);
    }
}
