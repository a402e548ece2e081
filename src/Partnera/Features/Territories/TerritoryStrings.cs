namespace Partnera.Features.Territories;

/// <summary>UI strings of the territories feature.</summary>
public sealed class TerritoryStrings;
