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
        NeedsApproval(grantor, organisation, role) || (role == Role.Administrator && await OtherAdministratorExistsAsync(grantor, ct));

    private Task<bool> OtherAdministratorExistsAsync(ClaimsPrincipal grantor, CancellationToken ct)
    {
        var grantorId = Guid.TryParse(grantor.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return db.Memberships.AnyAsync(m => m.Role == Role.Administrator && m.PendingSince == null && m.UserId != grantorId, ct);
    }

    private static bool NeedsApproval(ClaimsPrincipal grantor, Guid organisation, Role role) =>
        PersonAccess.PersonalDataRoles.Contains(role) && !MembershipClaims.Of(grantor).Any(m => m.Role == Role.Administrator && m.OrganisationId == organisation);

    /// <summary>
    /// Someone independent of the one who asked and the one who would gain the role: an administrator whose own
    /// administrator role neither of them gave, and who gave neither of theirs, however many accounts lie between (a
    /// chain of accounts one person made is not a second pair of eyes, in either direction).
    /// </summary>
    public async Task<bool> MayApproveAsync(ClaimsPrincipal approver, Membership membership, CancellationToken ct)
    {
        if (membership.PendingSince is null || !approver.IsAdministrator() || membership.GrantedBy is not { } requester || approver.Identity?.Name is not { } approverName
            || string.Equals(approverName, requester, StringComparison.OrdinalIgnoreCase)
            || !Guid.TryParse(approver.FindFirstValue(ClaimTypes.NameIdentifier), out var approverId) || approverId == membership.UserId) return false;
        var grantee = await db.Users.Where(u => u.Id == membership.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var vouchers = await VouchersAsync(ct);
        return !vouchers(approverName).Contains(requester) && !vouchers(requester).Contains(approverName)
            && (grantee is null || !vouchers(grantee).Contains(approverName));
    }

    /// <summary>
    /// For an account, everyone who gave it its administrator role, and who gave them theirs, and so on: whoever made an
    /// account controls it, whoever approved it only looked. Administrators are a handful: read once, walked in memory.
    /// </summary>
    private async Task<Func<string, HashSet<string>>> VouchersAsync(CancellationToken ct)
    {
        var roles = (await db.Memberships.Where(m => m.Role == Role.Administrator && m.PendingSince == null && m.User!.Email != null)
            .Select(m => new { Email = m.User!.Email!, m.GrantedBy }).ToListAsync(ct))
            .ToLookup(m => m.Email, StringComparer.OrdinalIgnoreCase);
        return account =>
        {
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var next = new Queue<string>([account]);
            while (next.TryDequeue(out var current))
            {
                foreach (var voucher in roles[current].Select(m => m.GrantedBy).OfType<string>())
                    if (found.Add(voucher)) next.Enqueue(voucher);
            }
            return found;
        };
    }

    /// <returns>The membership, and for one that waits, how many people were told of it (none when the organisation has no administrator or address).</returns>
    public async Task<(Membership Membership, int Told)> GrantAsync(ClaimsPrincipal grantor, PartneraUser account, Guid organisation, Role role, CancellationToken ct)
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
        var told = pending ? await TellOrganisationAsync(membership, account, "Membership_PendingSubject", "Membership_PendingBody", grantor, ct) : 0;
        return (membership, told);
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

    /// <summary>The organisation's administrators, or its own address, or else the platform administrators; never the one acting. Returns how many were told.</summary>
    private async Task<int> TellOrganisationAsync(Membership membership, PartneraUser account, string subject, string body, ClaimsPrincipal actor, CancellationToken ct)
    {
        var organisation = await db.Organisations.Where(o => o.Id == membership.OrganisationId).Select(o => new { o.Name, o.Email }).SingleAsync(ct);
        var to = await db.Memberships.Where(m => m.OrganisationId == membership.OrganisationId && m.Role == Role.Administrator && m.PendingSince == null && m.User!.Email != null)
            .Select(m => m.User!.Email!).Distinct().ToListAsync(ct);
        if (to.Count == 0 && organisation.Email is { } own) to.Add(own);
        // No one at the organisation to tell: the other platform administrators, one of whom must approve anyway.
        if (to.Count == 0)
            to = await db.Memberships.Where(m => m.Role == Role.Administrator && m.PendingSince == null && m.User!.Email != null).Select(m => m.User!.Email!).Distinct().ToListAsync(ct);
        string Html(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
        var role = shared[$"Role_{membership.Role}"].Value;
        var recipients = to.Where(a => !string.Equals(a, actor.Identity?.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var address in recipients)
            await email.SendNoticeAsync(logger, address, t[subject], t[body, Html(account.DisplayName), Html(account.Email), Html(role), Html(organisation.Name.Value), Html(actor.Identity?.Name),
                Infrastructure.Web.PublicLinks.Anchor(links.For($"/Account/Users/Edit/{account.Id}"))], ct);
        return recipients.Count;
    }
}
