namespace Partnera.Features.Needs;

/// <summary>UI strings of the needs assessment feature.</summary>
public sealed class NeedsStrings;
