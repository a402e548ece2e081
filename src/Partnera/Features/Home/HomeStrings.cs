namespace Partnera.Features.Home;

/// <summary>UI strings of the home and error pages.</summary>
public sealed class HomeStrings;
