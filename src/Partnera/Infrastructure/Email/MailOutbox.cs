using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Quartz;

namespace Partnera.Infrastructure.Email;

/// <summary>
/// What features call to send an e-mail: the message is written to the outbox (with the caller's unsaved changes, in
/// the caller's transaction if one is open), then, once committed, tried at once; if the mail server fails, the
/// <see cref="OutboxJob"/> tries again later with growing pauses.
/// </summary>
public sealed class OutboxEmailSender(PartneraDbContext db, MailOutbox outbox, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage { To = to, Subject = subject, HtmlBody = htmlBody, CreatedAt = now, NextAttemptAt = now };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(ct);
        // Inside the caller's transaction the message is not committed yet: the job sends it once it is.
        if (db.Database.CurrentTransaction is null) await outbox.TrySendAsync(message.Id, ct);
    }
}

/// <summary>
/// Sends what the outbox holds. A message is claimed before it is sent (an update that only one instance can win), so
/// two instances never both send it; a failure frees it again and sets the next try after a pause that doubles each
/// time (1 minute up to 6 hours): nothing is ever dropped. An instance that dies while sending loses its claim after
/// <see cref="Hold"/>, and the message goes out again (at least once, never lost).
/// </summary>
public sealed class MailOutbox(PartneraDbContext db, IMailTransport transport, TimeProvider time, ILogger<MailOutbox> logger)
{
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan LongestPause = TimeSpan.FromHours(6);
    public static readonly TimeSpan SentKeptFor = TimeSpan.FromDays(30);
    private const int Batch = 50;
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static TimeSpan PauseAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(LongestPause.TotalMinutes, Math.Pow(2, Math.Min(attempts, 20) - 1)));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sends every message that is due and not held by another instance; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = Now;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Batch).ToListAsync(ct);
            foreach (var id in due)
            {
                if (await TrySendAsync(id, ct)) sent++;
            }
            if (due.Count < Batch) break;
        }
        var old = Now - SentKeptFor;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < old).ExecuteDeleteAsync(ct);
        return sent;
    }

    /// <summary>Claims and sends one message; false when another instance holds it, it was sent already, or sending failed.</summary>
    public async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        var now = Now;
        var until = now + Hold;
        var claimed = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Instance).SetProperty(m => m.LockedUntil, until), ct);
        if (claimed == 0) return false;
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.To, m.Subject, m.HtmlBody, m.Attempts }).SingleAsync(ct);
        var attempts = message.Attempts + 1;
        try
        {
            await transport.SendAsync(message.To, message.Subject, message.HtmlBody ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > OutboxMessage.ErrorLength) error = error[..OutboxMessage.ErrorLength];
            var next = Now + PauseAfter(attempts);
            logger.LogWarning(e, "E-mail {Id} not sent (attempt {Attempts}); next try at {Next:u}", id, attempts, next);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            return false;
        }
        var sentAt = Now;
        // Sent: its body (which may hold a sign-in link) is not kept.
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }
}

/// <summary>Every 30 seconds, once across the cluster, sends the messages the outbox holds that are due.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(MailOutbox outbox) : IJob
{
    public static readonly JobKey Key = new("MailOutbox");
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await outbox.SendDueAsync(cancellationToken);

    public static void Schedule(IQuartzBuilder q) =>
        q.ScheduleJob<OutboxJob>(t => t.WithIdentity(Key.Name).StartNow().WithSimpleSchedule(s => s.WithInterval(Every).RepeatForever()), j => j.WithIdentity(Key));
}
