using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnera.Infrastructure.Auditing;

/// <summary>
/// Writes an audit entry for every created, changed or deleted <see cref="IAudited"/> entity,
/// in the same SaveChanges (and so the same transaction) as the change itself.
/// </summary>
public sealed class AuditingInterceptor(CurrentUser user, TimeProvider time) : SaveChangesInterceptor
{
    // Names in Cyrillic and Romanian stay readable in the stored JSON instead of becoming \u escapes.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToAuditEntry(e, now))
            .Where(a => a is not null)
            .ToList();
        context.AddRange(entries!);
    }

    private AuditEntry? ToAuditEntry(EntityEntry entry, DateTime now)
    {
        var changes = Changes(entry);
        if (entry.State == EntityState.Modified && changes.Count == 0) return null;
        var audited = (IAudited)entry.Entity;
        return new AuditEntry
        {
            At = now,
            UserId = user.Id,
            UserName = user.Name,
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = audited.Id.ToString(),
            Subject = audited.AuditSubject,
            Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes, Json),
        };
    }

    /// <summary>What the log shows instead of a personal-data value.</summary>
    public const string PersonalDataMark = "(personal data)";

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        // Every value in a person's case (a consent's purpose, a referral's reason, a document's kind, a group's dates)
        // tells about the person: only the references to other records are copied.
        var aboutPerson = ((IAudited)entry.Entity).AuditSubject.StartsWith("Person:", StringComparison.Ordinal);
        var properties = entry.Properties
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
            .Where(p => p.Metadata.Name != "Id" && !p.Metadata.Name.EndsWith("SearchText", StringComparison.Ordinal));
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in properties)
        {
            var name = p.Metadata.DeclaringType is Microsoft.EntityFrameworkCore.Metadata.IComplexType complex
                ? $"{complex.ComplexProperty.Name}.{p.Metadata.Name}"
                : p.Metadata.Name;
            // Personal data is never copied into the log (administrators read it): the log says which field changed, not to what.
            var personal = p.Metadata.PropertyInfo?.IsDefined(typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute), true) == true
                || (aboutPerson && p.Metadata.ClrType != typeof(Guid) && p.Metadata.ClrType != typeof(Guid?));
            object? Shown(object? value) => personal && value is not null ? PersonalDataMark : Printable(value);
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    changes[name] = [null, Shown(p.CurrentValue)];
                    break;
                case EntityState.Deleted when p.OriginalValue is not null:
                    changes[name] = [Shown(p.OriginalValue), null];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(Printable(p.OriginalValue), Printable(p.CurrentValue)):
                    changes[name] = [Shown(p.OriginalValue), Shown(p.CurrentValue)];
                    break;
            }
        }
        return changes;
    }

    // Byte arrays (uploaded documents) are logged by length, not content.
    private static object? Printable(object? value) => value switch
    {
        byte[] bytes => $"{bytes.Length} bytes",
        Enum e => e.ToString(),
        Dictionary<string, string> map => JsonSerializer.Serialize(map, Json),
        System.Collections.IEnumerable list and not string => JsonSerializer.Serialize(list, Json),
        _ => value,
    };
}
