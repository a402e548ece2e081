using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.People;

namespace Partnera.Features.Accounts;

/// <summary>
/// Withdrawn access ends within seconds, for sign-in cookies and bearer tokens alike and on every instance: each
/// request's account is compared with the database (security stamp, lock-out) and its membership claims are rebuilt
/// from the current memberships. Removing a membership, resetting a password, locking an account and "sign out
/// everywhere" change the security stamp, so every cookie and token issued before stops working. The answer is kept
/// for <c>Security:AccessRecheckSeconds</c> (5) per instance, so a busy user costs one small query every few seconds.
/// </summary>
public sealed class AccessCheck(PartneraDbContext db, IMemoryCache cache, TimeProvider time, IOptions<IdentityOptions> identity, AccountSecurity settings)
{
    /// <summary>Present on a principal whose roles see personal data but whose account has no two-factor sign-in yet.</summary>
    public const string TwoFactorMissingClaim = "partnera:2fa-missing";

    private sealed record Account(string? Stamp, DateTimeOffset? LockoutEnd, bool TwoFactor, IReadOnlyList<(Guid OrganisationId, Role Role)> Memberships, DateTimeOffset ReadAt);

    /// <summary>The cookie's check on every request: refused, it is removed and the person is asked to sign in again.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var current = context.Principal is { } principal ? await context.HttpContext.RequestServices.GetRequiredService<AccessCheck>().CurrentAsync(principal) : null;
        if (current is not null)
        {
            context.ReplacePrincipal(current);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>The bearer token's check on every request: refused, the API answers 401.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        // A forged or expired token is left to the handler, which refuses it.
        if (ticket?.Principal is null || ticket.Properties.ExpiresUtc is not { } expires || now >= expires) return;
        var current = await context.HttpContext.RequestServices.GetRequiredService<AccessCheck>().CurrentAsync(ticket.Principal);
        if (current is null)
        {
            context.Fail("Access to this account has been withdrawn.");
            return;
        }
        context.Principal = current;
        context.Properties = ticket.Properties;
        context.Success();
    }

    /// <summary>The principal with its current memberships, or null when its access has been withdrawn.</summary>
    public async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } signedIn) return null;
        var options = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(options.UserIdClaimType), out var id)) return null;
        var stamp = principal.FindFirstValue(options.SecurityStampClaimType);
        // Only a yes is taken from the cache: a cookie renewed a moment ago (new password, two-factor turned on) carries
        // a stamp newer than what this instance may remember, so a no is asked of the database again.
        var account = await ReadAsync(id, fresh: false);
        if (account is not null && !Admits(account, stamp)) account = await ReadAsync(id, fresh: true);
        if (account is null || !Admits(account, stamp)) return null;
        var current = signedIn.Clone();
        foreach (var claim in current.FindAll(c => c.Type is MembershipClaims.Type or TwoFactorMissingClaim).ToList()) current.RemoveClaim(claim);
        foreach (var (organisation, role) in account.Memberships) current.AddClaim(new Claim(MembershipClaims.Type, MembershipClaims.Value(organisation, role)));
        if (!account.TwoFactor && settings.RequireTwoFactor && account.Memberships.Any(m => PersonAccess.PersonalDataRoles.Contains(m.Role)))
            current.AddClaim(new Claim(TwoFactorMissingClaim, "true"));
        return new ClaimsPrincipal(current);
    }

    private bool Admits(Account account, string? stamp) => account.Stamp == stamp && !(account.LockoutEnd > time.GetUtcNow());

    private async Task<Account?> ReadAsync(Guid id, bool fresh)
    {
        var now = time.GetUtcNow();
        if (!fresh && cache.TryGetValue(Key(id), out Account? known) && known is not null && now - known.ReadAt < settings.AccessRecheck) return known;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.LockoutEnabled, u.TwoFactorEnabled }).FirstOrDefaultAsync();
        if (user is null) return null;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == id && m.PendingSince == null).Select(m => new { m.OrganisationId, m.Role }).ToListAsync();
        var account = new Account(user.SecurityStamp, user.LockoutEnabled ? user.LockoutEnd : null, user.TwoFactorEnabled,
            memberships.Select(m => (m.OrganisationId, m.Role)).ToList(), now);
        if (settings.AccessRecheck > TimeSpan.Zero) cache.Set(Key(id), account, settings.AccessRecheck);
        return account;
    }

    /// <summary>Reads the account afresh on this instance's next request (a role just given or approved here); other instances within the recheck time.</summary>
    public void Forget(Guid id) => cache.Remove(Key(id));

    private static string Key(Guid id) => $"access:{id:N}";
}
