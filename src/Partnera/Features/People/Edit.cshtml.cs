using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Features.People;

/// <summary>Changes a person's details; what needs consent is refused while the person has none.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(PersonAccess access, PersonRegister register, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public IReadOnlyList<Territories.TerritoryChoices.Choice> Communities { get; private set; } = [];
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        (Person, Input) = (person, PersonInput.From(person));
        Communities = await register.CommunitiesAsync(User, Input.TerritoryId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        Person = person;
        Communities = await register.CommunitiesAsync(User, Input.TerritoryId, ct);
        foreach (var (field, key) in PersonRegister.Problems(Input, null, person.HasConsent)) ModelState.AddModelError($"{nameof(Input)}.{field}", t[key]);
        if (await register.CommunityProblemAsync(Input, ct) is { } community) ModelState.AddModelError($"{nameof(Input)}.{nameof(PersonInput.TerritoryId)}", t[community]);
        if (!ModelState.IsValid) return Page();
        await register.UpdateAsync(person, Input, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Person/{id}");
    }
}
