using System.Security.Claims;
using Partnera.Features.Accounts;

namespace Partnera.Features.Organisations;

/// <summary>Who may change an organisation: administrators, authority specialists, and its own members.</summary>
public static class OrganisationAccess
{
    public static bool CanEdit(ClaimsPrincipal user, Guid organisationId) =>
        user.CanManageOrganisations() || user.IsMemberOf(organisationId);
}
