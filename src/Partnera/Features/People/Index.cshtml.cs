using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>The people this user's organisations are involved with, found by name; each name shown is an audited read.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PersonAccess access, AuditLog audit) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Person> People { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        var people = access.Visible(User).AsNoTracking();
        var key = SearchKey.For(Query);
        if (key.Length > 0) people = people.Where(p => p.SearchText.Contains(key));
        People = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).ToPageAsync(PageNumber, null, ct);
        // Someone only received a referral about a person: the list shows what was shared with them, no more.
        await access.RedactAsync(User, People.Items, ct);
        if (People.Items.Count > 0) await audit.RecordAsync(AuditAction.Viewed, People.Items, key.Length == 0 ? PersonAccess.ListReason : PersonAccess.SearchReason, ct);
        return Page();
    }
}
