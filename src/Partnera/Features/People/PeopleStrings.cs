namespace Partnera.Features.People;

/// <summary>UI strings of the people feature.</summary>
public sealed class PeopleStrings;
