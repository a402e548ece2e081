using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Organisations;

namespace Partnera.Features.Directory.Manage;

public static class ServiceAccess
{
    /// <summary>
    /// The organisation whose directory entries a person manages: the one asked for if they may edit it,
    /// otherwise their first organisation; null when they have none.
    /// </summary>
    public static async Task<Organisation?> OrganisationAsync(PartneraDbContext db, ClaimsPrincipal user, Guid? requested, CancellationToken ct)
    {
        var id = requested is { } r && OrganisationAccess.CanEdit(user, r) ? r : user.OrganisationIds().Cast<Guid?>().FirstOrDefault();
        return id is null ? null : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
    }
}
