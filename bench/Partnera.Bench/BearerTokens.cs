using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partnera.Data;
using Partnera.Features.Accounts;

namespace Partnera.Bench;

/// <summary>
/// Bearer tokens as /api/v1/auth/token issues them, protected with the app's own key ring (kept in the database, so
/// the app must have started once): signing in is not what the scenarios measure.
/// </summary>
public static class BearerTokens
{
    public static ClaimsIdentity Resident(Guid id, string email) =>
        new([new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Name, email)], IdentityConstants.BearerScheme);

    public static ClaimsIdentity Staff(Guid id, string email, Guid organisation, Role role)
    {
        var identity = Resident(id, email);
        identity.AddClaim(new Claim(MembershipClaims.Type, MembershipClaims.Value(organisation, role)));
        return identity;
    }

    public static string[] For(string connection, IEnumerable<ClaimsIdentity> identities)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PartneraDbContext, PostgresPartneraDbContext>(o => o.UseNpgsql(connection));
        services.AddDataProtection().SetApplicationName("Partnera").PersistKeysToDbContext<PartneraDbContext>();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var expires = DateTimeOffset.UtcNow.AddHours(3);
        return identities.Select(identity =>
            protector.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme))).ToArray();
    }
}
