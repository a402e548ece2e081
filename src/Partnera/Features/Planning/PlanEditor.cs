using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

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

    /// <summary>A participatory budget, tracked, when this person may run it (the same people as for a plan of its authority).</summary>
    public static async Task<Budgeting.BudgetVote?> EditableVoteAsync(PartneraDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var vote = await db.BudgetVotes.FirstOrDefaultAsync(v => v.Id == id, ct);
        return vote is not null && CanEdit(user, vote.OwnerId) ? vote : null;
    }

    /// <summary>
    /// What a drafting form offers: places of the given levels (the chosen one, matches of the search, or those near
    /// the person's organisation) and the organisations this person may draft for.
    /// </summary>
    public static async Task<(IReadOnlyList<TerritoryChoices.Choice> Territories, IReadOnlyList<(Guid Id, MultilingualText Name)> Owners)> ChoicesAsync(
        PartneraDbContext db, ClaimsPrincipal user, Guid? territory, Guid? owner, string? query, Func<TerritoryLevel, bool> levels, CancellationToken ct)
    {
        var chosen = territory is { } c ? new[] { c } : [];
        var owners = user.IsAdministrator() && owner is { } o ? [.. Owners(user), o] : Owners(user);
        var home = await db.Organisations.Where(x => owners.Contains(x.Id) && x.TerritoryId != null).Select(x => x.Territory!.ParentId ?? x.TerritoryId).FirstOrDefaultAsync(ct);
        var places = (await TerritoryChoices.LoadAsync(db, query, chosen, home, ct)).Where(x => levels(x.Level)).ToList();
        var names = (await db.Organisations.AsNoTracking().Where(x => owners.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => (x.Id, x.Name)).ToList();
        return (places, names);
    }

    /// <summary>The organisations this person drafts plans for: those where they are an authority specialist (any, for an administrator).</summary>
    public static IReadOnlyList<Guid> Owners(ClaimsPrincipal user) =>
        MembershipClaims.Of(user).Where(m => m.Role is Role.AuthoritySpecialist or Role.Administrator).Select(m => m.OrganisationId).Distinct().ToList();
}
