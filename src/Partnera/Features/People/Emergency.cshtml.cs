using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;

namespace Partnera.Features.People;

/// <summary>
/// "Break the glass": someone who works with people opens a person their organisations are not involved with, in an
/// emergency, giving a written reason; the opening is audited and reported to the person's organisations' administrators.
/// The record is shown once, on this answer, and is not kept open.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EmergencyModel(PersonAccess access, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [BindProperty, StringLength(1000)] public string? Reason { get; set; }
    public Guid Id { get; private set; }
    public Person? Person { get; private set; }

    public IActionResult OnGet(Guid id)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        Id = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        Id = id;
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Emergency_ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        Person = await access.BreakTheGlassAsync(User, id, Reason!, ct);
        return Person is null ? NotFound() : Page();
    }
}
