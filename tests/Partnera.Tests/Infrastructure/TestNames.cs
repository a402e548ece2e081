namespace Partnera.Tests.Infrastructure;

/// <summary>Names no other test uses: the people registry is shared by the whole run, and alike names would be probable duplicates of each other.</summary>
public static class TestNames
{
    /// <summary>The stem with six random Cyrillic letters: far more than two typing slips from any other test's name.</summary>
    public static string Family(string stem) => stem + string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('а' + Random.Shared.Next(26))));
}
