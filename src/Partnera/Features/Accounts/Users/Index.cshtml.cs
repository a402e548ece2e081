using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Paging;

namespace Partnera.Features.Accounts.Users;

/// <summary>Administrators find accounts by name or e-mail.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Accounts { get; private set; } = null!;

    /// <summary>Roles waiting for approval, oldest first: an administrator sees them here as well as by e-mail.</summary>
    public IReadOnlyList<Pending> Waiting { get; private set; } = [];

    public sealed record Pending(Guid UserId, string DisplayName, string? Email, Partnera.Infrastructure.Text.MultilingualText Organisation, Role Role, string? GrantedBy);

    public sealed record Row(Guid Id, string DisplayName, string? Email, bool EmailConfirmed, bool LockedOut, bool TwoFactor, int Memberships);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var upper = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(Q.Trim()));
        }
        Waiting = await db.Memberships.AsNoTracking().Where(m => m.PendingSince != null).OrderBy(m => m.PendingSince).Take(50)
            .Select(m => new Pending(m.UserId, m.User!.DisplayName, m.User.Email, m.Organisation!.Name, m.Role, m.GrantedBy)).ToListAsync(ct);
        var now = time.GetUtcNow();
        Accounts = await query.OrderBy(u => u.NormalizedEmail)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled, u.Memberships.Count))
            .ToPageAsync(PageNumber, null, ct);
    }
}
