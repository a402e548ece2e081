using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.People;
using Partnera.Infrastructure.Email;

namespace Partnera.Features.Accounts;

/// <summary>
/// Giving someone a role. A role that opens an organisation's personal data is given at once only by that
/// organisation's own administrator; from any other administrator (including for themselves) it waits for the
/// organisation's administrator or a second platform administrator to approve it, and the organisation is told.
/// The administrator role itself always waits for a second administrator (unless the one giving it is the only one), so
/// no administrator can build a chain of their own accounts that approve each other.
/// </summary>
public sealed class MembershipGrants(PartneraDbContext db, AccessCheck access, IEmailSender email, Infrastructure.Web.PublicLinks links, IStringLocalizer<AccountStrings> t,
    IStringLocalizer<Resources.SharedStrings> shared, TimeProvider time, ILogger<MembershipGrants> logger)
{
    private async Task<bool> NeedsApprovalAsync(ClaimsPrincipal grantor, Guid organisation, Role role, CancellationToken ct) =>
        role == Role.Administrator ? await OtherAdministratorExistsAsync(grantor, ct) : NeedsApproval(grantor, organisation, role);

    private Task<bool> OtherAdministratorExistsAsync(ClaimsPrincipal grantor, CancellationToken ct)
    {
        var grantorId = Guid.TryParse(grantor.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return db.Memberships.AnyAsync(m => m.Role == Role.Administrator && m.PendingSince == null && m.UserId != grantorId, ct);
    }

    private static bool NeedsApproval(ClaimsPrincipal grantor, Guid organisation, Role role) =>
        PersonAccess.PersonalDataRoles.Contains(role) && !MembershipClaims.Of(grantor).Any(m => m.Role == Role.Administrator && m.OrganisationId == organisation);

    /// <summary>
    /// Someone other than the one who asked and the one who would gain the role: the organisation's administrator, or
    /// another platform administrator whom the one who asked did not make an administrator (a second account of theirs
    /// is not a second pair of eyes).
    /// </summary>
    public async Task<bool> MayApproveAsync(ClaimsPrincipal approver, Membership membership, CancellationToken ct)
    {
        if (membership.PendingSince is null || !approver.IsAdministrator()
            || string.Equals(approver.Identity?.Name, membership.GrantedBy, StringComparison.OrdinalIgnoreCase)
            || !Guid.TryParse(approver.FindFirstValue(ClaimTypes.NameIdentifier), out var approverId) || approverId == membership.UserId) return false;
        if (MembershipClaims.Of(approver).Any(m => m.Role == Role.Administrator && m.OrganisationId == membership.OrganisationId)) return true;
        return !await db.Memberships.AnyAsync(m => m.UserId == approverId && m.Role == Role.Administrator && m.GrantedBy == membership.GrantedBy, ct);
    }

    public async Task<Membership> GrantAsync(ClaimsPrincipal grantor, PartneraUser account, Guid organisation, Role role, CancellationToken ct)
    {
        var pending = await NeedsApprovalAsync(grantor, organisation, role, ct);
        var membership = new Membership
        {
            UserId = account.Id,
            OrganisationId = organisation,
            Role = role,
            GrantedBy = grantor.Identity?.Name,
            PendingSince = pending ? time.GetUtcNow().UtcDateTime : null,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        // No new security stamp (that would end the person's sessions): AccessCheck reads the roles again, at once here.
        access.Forget(account.Id);
        if (pending) await TellOrganisationAsync(membership, account, "Membership_PendingSubject", "Membership_PendingBody", grantor, ct);
        return membership;
    }

    /// <summary>Approves a waiting role; false when this approver may not (the one who asked, the one who gains it, or not an administrator).</summary>
    public async Task<bool> ApproveAsync(ClaimsPrincipal approver, PartneraUser account, Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == account.Id, ct);
        if (membership is null || !await MayApproveAsync(approver, membership, ct)) return false;
        (membership.PendingSince, membership.ApprovedBy) = (null, approver.Identity?.Name);
        await db.SaveChangesAsync(ct);
        access.Forget(account.Id);
        await TellOrganisationAsync(membership, account, "Membership_ApprovedSubject", "Membership_ApprovedBody", approver, ct);
        return true;
    }

    /// <summary>The organisation's administrators, or its own address when it has none; never the one acting.</summary>
    private async Task TellOrganisationAsync(Membership membership, PartneraUser account, string subject, string body, ClaimsPrincipal actor, CancellationToken ct)
    {
        var organisation = await db.Organisations.Where(o => o.Id == membership.OrganisationId).Select(o => new { o.Name, o.Email }).SingleAsync(ct);
        var to = await db.Memberships.Where(m => m.OrganisationId == membership.OrganisationId && m.Role == Role.Administrator && m.PendingSince == null && m.User!.Email != null)
            .Select(m => m.User!.Email!).Distinct().ToListAsync(ct);
        if (to.Count == 0 && organisation.Email is { } own) to.Add(own);
        string Html(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
        var role = shared[$"Role_{membership.Role}"].Value;
        foreach (var address in to.Where(a => !string.Equals(a, actor.Identity?.Name, StringComparison.OrdinalIgnoreCase)))
            await email.SendNoticeAsync(logger, address, t[subject], t[body, Html(account.DisplayName), Html(account.Email), Html(role), Html(organisation.Name.Value), Html(actor.Identity?.Name),
                Infrastructure.Web.PublicLinks.Anchor(links.For($"/Account/Users/Edit/{account.Id}"))], ct);
    }
}
