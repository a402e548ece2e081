namespace Partnera.Infrastructure.Auditing;

/// <summary>
/// Marks an entity whose creation, change and deletion the audit log records.
/// <see cref="AuditSubject"/> names the record a change belongs to (for a child row, its parent),
/// so that one entity's history can be read in one place.
/// </summary>
public interface IAudited
{
    Guid Id { get; }

    string AuditSubject => $"{GetType().Name}:{Id}";
}
