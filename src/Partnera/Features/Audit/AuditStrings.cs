namespace Partnera.Features.Audit;

/// <summary>UI strings of the audit log pages.</summary>
public sealed class AuditStrings;
