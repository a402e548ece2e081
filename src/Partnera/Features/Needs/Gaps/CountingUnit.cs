namespace Partnera.Features.Needs.Gaps;

/// <summary>
/// What a service category's need, places and unit cost are counted in: a home-care place serves one person, family
/// support one household. Figures in different units are never added together.
/// </summary>
public enum CountingUnit
{
    Person,
    Household,
}
