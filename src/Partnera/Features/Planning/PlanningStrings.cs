namespace Partnera.Features.Planning;

/// <summary>UI strings of the community planning feature.</summary>
public sealed class PlanningStrings;
