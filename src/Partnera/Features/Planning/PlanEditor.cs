using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;

namespace Partnera.Features.Planning;

/// <summary>
/// Who may change a plan: administrators, and authority specialists of the organisation that drafts it. Staff of
/// any organisation read plans (residents will read them on the public portal once consultation starts).
/// </summary>
public static class PlanEditor
{
    public static bool CanDraft(ClaimsPrincipal user) => user.CanManageOrganisations();

    public static bool CanEdit(ClaimsPrincipal user, Guid ownerId) =>
        user.IsAdministrator() || MembershipClaims.Of(user).Any(m => m.OrganisationId == ownerId && m.Role == Role.AuthoritySpecialist);

    /// <summary>The plan, tracked, when this person may change it; null when it does not exist or they may not.</summary>
    public static async Task<CommunityPlan?> EditableAsync(PartneraDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var plan = await db.CommunityPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is not null && CanEdit(user, plan.OwnerId) ? plan : null;
    }

    /// <summary>The organisations this person drafts plans for: those where they are an authority specialist (any, for an administrator).</summary>
    public static IReadOnlyList<Guid> Owners(ClaimsPrincipal user) =>
        MembershipClaims.Of(user).Where(m => m.Role is Role.AuthoritySpecialist or Role.Administrator).Select(m => m.OrganisationId).Distinct().ToList();
}
