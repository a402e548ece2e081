namespace Partnera.Features.Directory;

/// <summary>UI strings of the service directory.</summary>
public sealed class DirectoryStrings;
