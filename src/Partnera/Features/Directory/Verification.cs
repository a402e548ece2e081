namespace Partnera.Features.Directory;

public static class Verification
{
    /// <summary>A service nobody has confirmed for twelve months is flagged to its staff and on its public page.</summary>
    public static bool IsStale(DateTime? lastVerifiedAt, DateTime now) => lastVerifiedAt is null || lastVerifiedAt < now.AddMonths(-12);
}
