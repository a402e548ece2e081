using Partnera.Data;

namespace Partnera.Infrastructure.Auditing;

/// <summary>
/// Records what the change interceptor cannot see: reads, exports and prints of sensitive records,
/// each with the reason given.
/// </summary>
public sealed class AuditLog(PartneraDbContext db, CurrentUser user, TimeProvider time)
{
    public async Task RecordAsync(AuditAction action, IAudited subject, string? reason, CancellationToken ct = default)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.Name,
            Action = action,
            EntityType = subject.GetType().Name,
            EntityId = subject.Id.ToString(),
            Subject = subject.AuditSubject,
            Reason = reason,
        });
        await db.SaveChangesAsync(ct);
    }
}
