using Partnera.Data;

namespace Partnera.Infrastructure.Auditing;

/// <summary>
/// Records what the change interceptor cannot see: reads, exports and prints of sensitive records,
/// each with the reason given.
/// </summary>
public sealed class AuditLog(PartneraDbContext db, CurrentUser user, TimeProvider time)
{
    public Task RecordAsync(AuditAction action, IAudited subject, string? reason, CancellationToken ct = default) =>
        RecordAsync(action, [subject], reason, ct);

    /// <summary>One entry per record, saved together: a list that shows several people's details is a read of each.</summary>
    public async Task RecordAsync(AuditAction action, IEnumerable<IAudited> subjects, string? reason, CancellationToken ct = default)
    {
        var at = time.GetUtcNow().UtcDateTime;
        db.AuditLog.AddRange(subjects.Select(subject => new AuditEntry
        {
            At = at,
            UserId = user.Id,
            UserName = user.Name,
            Action = action,
            EntityType = subject.GetType().Name,
            EntityId = subject.Id.ToString(),
            Subject = subject.AuditSubject,
            Reason = reason,
        }));
        await db.SaveChangesAsync(ct);
    }
}
