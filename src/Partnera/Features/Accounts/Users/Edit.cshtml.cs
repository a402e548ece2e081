using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Organisations;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Accounts.Users;

/// <summary>Administrators give a person roles in organisations, take them away, and lock or unlock the account.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(PartneraDbContext db, UserManager<PartneraUser> users, MembershipGrants grants, TimeProvider time, IStringLocalizer<AccountStrings> t) : PageModel
{
    public PartneraUser Account { get; private set; } = null!;
    public bool LockedOut { get; private set; }
    public IReadOnlyList<(Membership Membership, MultilingualText Organisation)> Memberships { get; private set; } = [];
    /// <summary>The waiting roles this administrator may approve.</summary>
    public HashSet<Guid> Approvable { get; } = [];
    public IReadOnlyList<OrganisationChoices.Choice> Organisations { get; private set; } = [];

    [BindProperty] public string? OrganisationQuery { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public Role Role { get; set; } = Role.ProviderStaff;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (OrganisationId is null || !await db.Organisations.AnyAsync(o => o.Id == OrganisationId, ct))
            ModelState.AddModelError(nameof(OrganisationId), t["Memberships_ChooseOrganisation"]);
        else if (!Enum.IsDefined(Role))
            ModelState.AddModelError(nameof(Role), t["Memberships_ChooseRole"]);
        else if (await db.Memberships.AnyAsync(m => m.UserId == id && m.OrganisationId == OrganisationId && m.Role == Role, ct))
            ModelState.AddModelError(nameof(OrganisationId), t["Memberships_Exists"]);
        if (!ModelState.IsValid) return Page();
        var (membership, told) = await grants.GrantAsync(User, Account, OrganisationId!.Value, Role, ct);
        TempData["Message"] = membership.PendingSince is null ? "Common_Saved" : told > 0 ? "Memberships_AwaitingApproval" : "Memberships_AwaitingApprovalNoOneTold";
        return Redirect($"/Account/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await grants.ApproveAsync(User, Account, membershipId, ct)) return NotFound();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Account/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == id, ct);
        if (membership is null) return NotFound();
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        if (!await LoadAsync(id, ct)) return NotFound();
        await EndSessionsAsync();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Account/Users/Edit/{id}");
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id, bool unlock, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, unlock ? null : DateTimeOffset.MaxValue);
        if (unlock) await users.ResetAccessFailedCountAsync(Account);
        else await EndSessionsAsync();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Account/Users/Edit/{id}");
    }

    /// <summary>Ends every session and API token of the account (a lost laptop, a leaked token), without locking it.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await EndSessionsAsync();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Account/Users/Edit/{id}");
    }

    // A new security stamp: every cookie and token issued before it stops working within seconds (AccessCheck).
    private Task EndSessionsAsync() => users.UpdateSecurityStampAsync(Account);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return false;
        Account = account;
        LockedOut = account.LockoutEnd is { } end && end > time.GetUtcNow();
        Memberships = (await db.Memberships.AsNoTracking().Where(m => m.UserId == id)
                .Select(m => new { Membership = m, m.Organisation!.Name }).ToListAsync(ct))
            .Select(m => (m.Membership, m.Name)).ToList();
        foreach (var (membership, _) in Memberships.Where(m => m.Membership.PendingSince is not null))
            if (await grants.MayApproveAsync(User, membership, ct)) Approvable.Add(membership.Id);
        Organisations = await OrganisationChoices.LoadAsync(db, OrganisationQuery, OrganisationId is { } o ? [o] : [], ct);
        return true;
    }
}
