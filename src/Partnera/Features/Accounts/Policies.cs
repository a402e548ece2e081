using System.Security.Claims;

namespace Partnera.Features.Accounts;

/// <summary>The authorisation policies every page and endpoint chooses from.</summary>
public static class Policies
{
    /// <summary>Platform administrators: territories, reference lists, accounts, the audit log.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Administrators and authority specialists: create organisations, manage any of them.</summary>
    public const string ManageOrganisations = nameof(ManageOrganisations);

    /// <summary>Anyone who holds a membership in some organisation.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Anyone signed in, including residents with a light account.</summary>
    public const string SignedIn = nameof(SignedIn);
}

/// <summary>Memberships travel in the sign-in cookie as claims "organisationId:Role".</summary>
public static class MembershipClaims
{
    public const string Type = "partnera:membership";

    public static string Value(Guid organisationId, Role role) => $"{organisationId:N}:{role}";

    public static IEnumerable<(Guid OrganisationId, Role Role)> Of(ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(Type))
        {
            var parts = claim.Value.Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var org) && Enum.TryParse<Role>(parts[1], out var role))
                yield return (org, role);
        }
    }

    public static bool Has(this ClaimsPrincipal user, Role role) => Of(user).Any(m => m.Role == role);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.Has(Role.Administrator);

    public static bool CanManageOrganisations(this ClaimsPrincipal user) =>
        Of(user).Any(m => m.Role is Role.Administrator or Role.AuthoritySpecialist);

    public static bool IsMemberOf(this ClaimsPrincipal user, Guid organisationId) =>
        Of(user).Any(m => m.OrganisationId == organisationId);

    public static IReadOnlyList<Guid> OrganisationIds(this ClaimsPrincipal user) =>
        Of(user).Select(m => m.OrganisationId).Distinct().ToList();
}
