using Microsoft.Extensions.Caching.Memory;

namespace Partnera.Features.Accounts;

/// <summary>
/// Wrong passwords count per account and client address: after <c>Accounts:MaxFailedSignIns</c> (5) from one address,
/// that address may not try the account for 15 minutes, while the owner signing in from elsewhere is not held up.
/// (Locking the account itself would let anyone lock anyone out.) The count is kept per instance, beside the
/// per-address rate limit, which is per instance too.
/// </summary>
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider time, IConfiguration configuration)
{
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    private int Max => configuration.GetValue("Accounts:MaxFailedSignIns", 5);

    public bool IsLocked(Guid userId, HttpContext http) =>
        cache.TryGetValue(Key(userId, http), out Failures? f) && f is not null && f.LockedUntil > time.GetUtcNow();

    public void Failed(Guid userId, HttpContext http)
    {
        var failures = cache.GetOrCreate(Key(userId, http), e =>
        {
            e.SlidingExpiration = LockTime;
            return new Failures();
        })!;
        lock (failures)
        {
            if (failures.LockedUntil <= time.GetUtcNow()) (failures.Count, failures.LockedUntil) = (0, null);
            if (++failures.Count >= Max) failures.LockedUntil = time.GetUtcNow() + LockTime;
        }
    }

    public void Succeeded(Guid userId, HttpContext http) => cache.Remove(Key(userId, http));

    private static string Key(Guid userId, HttpContext http) => $"sign-in:{userId:N}:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
}
