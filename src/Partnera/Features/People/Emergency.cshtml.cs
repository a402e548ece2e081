using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;

namespace Partnera.Features.People;

/// <summary>
/// "Break the glass": someone who works with people opens a person their organisations are not involved with, in an
/// emergency, giving a written reason; the opening is audited, limited to a few a day, and reported to the staff of the
/// person's organisations, whose record of the person shows it.
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
        if (!ModelState.IsValid) return Page();
        var opening = await access.BreakTheGlassAsync(User, id, Reason, ct);
        if (opening.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(Reason), t[refusal, PersonAccess.EmergencyReasonLength]);
            return Page();
        }
        Person = opening.Person;
        return Person is null ? NotFound() : Page();
    }
}
