using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People.Referrals;

/// <summary>
/// Sends referrals and moves them on. Each move belongs to one side (the sender or the receiver) and is allowed only
/// from the step the referral is at; the database changes the step only if it is still the one read, so two people
/// answering at once (on any instance) cannot both win: the second is told the referral changed meanwhile.
/// </summary>
public sealed class ReferralFlow(PartneraDbContext db, AuditLog audit, CurrentUser user, TimeProvider time, IConfiguration configuration)
{
    public enum Side { Sender, Receiver }

    /// <summary>Every allowed move, whose it is, and whether it needs a note (a decline's reason, the outcome).</summary>
    public static readonly IReadOnlyDictionary<(ReferralStatus From, ReferralStatus To), (Side Side, bool NoteRequired)> Moves =
        new Dictionary<(ReferralStatus, ReferralStatus), (Side, bool)>
        {
            [(ReferralStatus.Sent, ReferralStatus.Accepted)] = (Side.Receiver, false),
            [(ReferralStatus.Sent, ReferralStatus.Declined)] = (Side.Receiver, true),
            [(ReferralStatus.Sent, ReferralStatus.Closed)] = (Side.Sender, true),
            [(ReferralStatus.Accepted, ReferralStatus.InService)] = (Side.Receiver, false),
            [(ReferralStatus.InService, ReferralStatus.Completed)] = (Side.Receiver, true),
            [(ReferralStatus.Declined, ReferralStatus.Closed)] = (Side.Sender, false),
            [(ReferralStatus.Completed, ReferralStatus.Closed)] = (Side.Sender, false),
        };

    /// <summary>How long the receiver has to answer, by urgency (Referrals:AnswerHours:Routine/Urgent/Emergency).</summary>
    public TimeSpan AnswerTime(Urgency urgency) => TimeSpan.FromHours(configuration.GetValue($"Referrals:AnswerHours:{urgency}", urgency switch
    {
        Urgency.Emergency => 4,
        Urgency.Urgent => 24,
        _ => 72,
    }));

    public static bool IsOverdue(ReferralStatus status, DateTime answerDue, DateTime now) => status == ReferralStatus.Sent && now > answerDue;

    /// <summary>The sides this user acts on for a referral.</summary>
    public static IEnumerable<Side> SidesOf(ClaimsPrincipal principal, Referral r)
    {
        var mine = PersonAccess.Organisations(principal);
        if (mine.Contains(r.FromOrganisationId)) yield return Side.Sender;
        if (mine.Contains(r.ToOrganisationId)) yield return Side.Receiver;
    }

    /// <summary>Sends a referral of a person to a directory service's organisation, sharing what was ticked; returns the problem key, if any.</summary>
    public async Task<(Referral? Referral, string? Problem)> SendAsync(Person person, Guid from, Guid serviceId, string reason, Urgency urgency, SharedData shared, CancellationToken ct)
    {
        // Only a working service takes referrals: a closed one's organisation would be given the person's case for nothing.
        var to = await db.Services.Where(s => s.Id == serviceId && s.Status == Directory.ServiceStatus.Active).Select(s => (Guid?)s.OrganisationId).FirstOrDefaultAsync(ct);
        if (to is null) return (null, "Referral_UnknownService");
        if (to == from) return (null, "Referral_SameOrganisation");
        var now = time.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            PersonId = person.Id,
            FromOrganisationId = from,
            ToOrganisationId = to.Value,
            ServiceId = serviceId,
            Reason = reason.Trim(),
            Urgency = urgency,
            Shared = shared,
            Status = ReferralStatus.Sent,
            SentAt = now,
            AnswerDue = now + AnswerTime(urgency),
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);
        db.ReferralSteps.Add(Step(referral.Id, ReferralStatus.Sent, from, null, now));
        await InvolveAsync(person.Id, from, Involvement.ReferralSent, now, ct);
        await InvolveAsync(person.Id, to.Value, Involvement.ReferralReceived, now, ct);
        await db.SaveChangesAsync(ct);
        return (referral, null);
    }

    /// <summary>Moves a referral on for this user's side, or returns why not (a message key).</summary>
    /// <summary>The longest note, reason or outcome a step keeps (its column's length).</summary>
    public const int NoteLength = 2000;

    public async Task<string?> MoveAsync(ClaimsPrincipal principal, Guid id, ReferralStatus to, string? note, CancellationToken ct)
    {
        var r = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return "Referral_NotFound";
        var sides = SidesOf(principal, r).ToList();
        if (sides.Count == 0) return "Referral_NotFound";
        if (!Moves.TryGetValue((r.Status, to), out var move)) return "Referral_IllegalMove";
        if (!sides.Contains(move.Side)) return "Referral_NotYourSide";
        if (move.NoteRequired && string.IsNullOrWhiteSpace(note)) return to == ReferralStatus.Completed ? "Referral_OutcomeRequired" : "Referral_ReasonRequired";
        if (note?.Trim().Length > NoteLength) return "Referral_NoteTooLong";
        var now = time.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Referrals.Where(x => x.Id == id && x.Status == r.Status).ExecuteUpdateAsync(x => x
            .SetProperty(p => p.Status, to)
            .SetProperty(p => p.UpdatedAt, now)
            .SetProperty(p => p.DeclineReason, p => to == ReferralStatus.Declined ? text : p.DeclineReason)
            .SetProperty(p => p.Outcome, p => to == ReferralStatus.Completed ? text : p.Outcome), ct);
        if (changed == 0) return "Referral_ChangedMeanwhile";
        var organisation = move.Side == Side.Sender ? r.FromOrganisationId : r.ToOrganisationId;
        db.ReferralSteps.Add(Step(id, to, organisation, text, now));
        // The step is the history; the log entry says who moved it (the bulk update is not seen by the change interceptor).
        db.AuditLog.Add(audit.Entry(AuditAction.Updated, r, $"{r.Status} → {to}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public async Task AddMessageAsync(Referral r, Guid organisation, string text, CancellationToken ct)
    {
        db.ReferralMessages.Add(new ReferralMessage { ReferralId = r.Id, OrganisationId = organisation, By = user.Name, Text = text.Trim(), At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    private ReferralStep Step(Guid referral, ReferralStatus status, Guid organisation, string? note, DateTime at) =>
        new() { ReferralId = referral, Status = status, OrganisationId = organisation, By = user.Name, Note = note, At = at };

    private async Task InvolveAsync(Guid person, Guid organisation, Involvement kind, DateTime now, CancellationToken ct)
    {
        if (!await db.PersonInvolvements.AnyAsync(i => i.PersonId == person && i.OrganisationId == organisation && i.Kind == kind, ct))
            db.PersonInvolvements.Add(new PersonInvolvement { PersonId = person, OrganisationId = organisation, Kind = kind, Since = now });
    }
}
