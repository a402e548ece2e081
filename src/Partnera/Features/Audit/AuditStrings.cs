using Microsoft.Extensions.Localization;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.Audit;

/// <summary>UI strings of the audit log pages.</summary>
public sealed class AuditStrings
{
    /// <summary>The kinds of record the log writes entries about (type names, as stored in <see cref="AuditEntry.EntityType"/>), A to Z.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = [.. typeof(IAudited).Assembly.GetTypes()
        .Where(t => typeof(IAudited).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
        .Select(t => t.Name).Order(StringComparer.Ordinal)];
}

public static class AuditNames
{
    /// <summary>
    /// A kind of record as a reader says it ("Person" → "Особа"); a kind the app no longer has (older entries) keeps its stored name.
    /// </summary>
    public static string EntityName(this IStringLocalizer<AuditStrings> t, string entityType) =>
        t[$"AuditEntity_{entityType}"] is { ResourceNotFound: false } name ? name.Value : entityType;
}
