using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Accounts.Manage;

/// <summary>A person's own account: name, address, memberships and two-factor status.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<PartneraUser> users, SignInManager<PartneraUser> signIn, PartneraDbContext db) : PageModel
{
    public PartneraUser Account { get; private set; } = null!;
    public IReadOnlyList<(MultilingualText Organisation, Guid OrganisationId, Role Role)> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Account = user;
        Memberships = (await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id && m.PendingSince == null)
                .Select(m => new { m.Organisation!.Name, m.OrganisationId, m.Role }).ToListAsync(ct))
            .Select(m => (m.Name, m.OrganisationId, m.Role)).ToList();
        return Page();
    }

    /// <summary>A new security stamp ends every cookie and API token of this account, on every instance, within seconds.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
