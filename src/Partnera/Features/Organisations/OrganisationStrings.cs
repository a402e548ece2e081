namespace Partnera.Features.Organisations;

/// <summary>UI strings of the organisations feature.</summary>
public sealed class OrganisationStrings;
