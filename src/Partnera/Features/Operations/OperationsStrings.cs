namespace Partnera.Features.Operations;

/// <summary>UI strings of the administrators' operations pages (background jobs).</summary>
public sealed class OperationsStrings;
