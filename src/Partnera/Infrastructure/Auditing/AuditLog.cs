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
        db.AuditLog.AddRange(subjects.Select(subject => Entry(action, subject, reason)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry for an action on a record by the current user now, for callers that write entries themselves (bulk imports).</summary>
    public AuditEntry Entry(AuditAction action, IAudited subject, string? reason) =>
        Entry(action, subject.GetType().Name, subject.Id.ToString(), subject.AuditSubject, reason);

    /// <summary>
    /// One entry for many records of a kind written together (anonymous survey answers from a file, which are not
    /// personal data), logged under the record they belong to.
    /// </summary>
    public AuditEntry Entry(AuditAction action, string entityType, string entityId, string subject, string? reason) => new()
    {
        At = time.GetUtcNow().UtcDateTime,
        UserId = user.Id,
        UserName = user.Name,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Subject = subject,
        Reason = reason,
    };
}
