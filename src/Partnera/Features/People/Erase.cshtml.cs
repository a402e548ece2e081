using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>Erases a person on their request (an administrator of the registering organisation, with the request's reason); the counts stay.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EraseModel(PersonAccess access, PersonRegister register, AuditLog audit, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is { } person && PersonAccess.CanErase(User, person) ? Show(person) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person || !PersonAccess.CanErase(User, person)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Erase_ReasonRequired"]);
        if (!ModelState.IsValid) return Show(person);
        await audit.RecordAsync(AuditAction.Deleted, person, Reason!.Trim(), ct);
        await register.EraseAsync(person, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect("/People");
    }

    private PageResult Show(Person person)
    {
        Person = person;
        return Page();
    }
}
