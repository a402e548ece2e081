using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partnera.Data;

namespace Partnera.Features.Accounts;

/// <summary>Puts the person's display name and memberships into the sign-in cookie.</summary>
public sealed class PartneraClaimsFactory(UserManager<PartneraUser> users, IOptions<IdentityOptions> options, PartneraDbContext db)
    : UserClaimsPrincipalFactory<PartneraUser>(users, options)
{
    public const string DisplayNameClaim = "partnera:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PartneraUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        var memberships = await db.Memberships.Where(m => m.UserId == user.Id && m.PendingSince == null)
            .Select(m => new { m.OrganisationId, m.Role }).ToListAsync();
        foreach (var m in memberships) identity.AddClaim(new Claim(MembershipClaims.Type, MembershipClaims.Value(m.OrganisationId, m.Role)));
        return identity;
    }
}
