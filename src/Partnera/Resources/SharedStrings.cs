namespace Partnera.Resources;

/// <summary>Marker for the UI strings every feature shares: layout, navigation, validation, errors.</summary>
public sealed class SharedStrings;
