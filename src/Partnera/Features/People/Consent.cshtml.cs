using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;
using Partnera.Resources;

namespace Partnera.Features.People;

/// <summary>
/// A person's consents: recorded with purpose, date and the signed form (by an organisation involved in the case), and
/// withdrawn; when the last one is withdrawn, everything that needed it is removed and only the names stay.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ConsentModel(PartneraDbContext db, PersonAccess access, PersonRegister register, DocumentStore documents,
    IStringLocalizer<PeopleStrings> t, IStringLocalizer<SharedStrings> shared) : PageModel
{
    [BindProperty] public ConsentInput Input { get; set; } = new() { Given = true };
    [BindProperty] public IFormFile? Form { get; set; }
    public Person Person { get; private set; } = null!;
    public string MaxSizeText => documents.MaxSizeText;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        Person = person;
        Input.GivenOn ??= DateOnly.FromDateTime(DateTime.Now);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        Person = person;
        Input.Given = true;
        foreach (var (field, key) in PersonRegister.Problems(new PersonInput(), Input, person.HasConsent))
            ModelState.AddModelError(field.Replace("Consent.", $"{nameof(Input)}.", StringComparison.Ordinal), t[key]);
        if (!ModelState.IsValid) return Page();
        Guid? form = null;
        if (Form is { Length: > 0 })
        {
            var (stored, error) = await documents.AddAsync(Form, ct);
            if (stored is null)
            {
                ModelState.AddModelError(nameof(Form), shared[error!, documents.MaxSizeText]);
                return Page();
            }
            form = stored.Id;
        }
        await register.RecordConsentAsync(person, await OrganisationAsync(id, ct), Input, form, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Consent/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consent, CancellationToken ct)
    {
        if (await access.OpenHeldAsync(User, id, AuditAction.Viewed, ct) is not { } person) return NotFound();
        await register.WithdrawAsync(person, consent, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Consent/{id}");
    }

    /// <summary>The user's organisation involved in the case: the consent is given to it.</summary>
    private Task<Guid> OrganisationAsync(Guid person, CancellationToken ct)
    {
        var mine = PersonAccess.Organisations(User);
        return db.PersonInvolvements.Where(i => i.PersonId == person && mine.Contains(i.OrganisationId)).Select(i => i.OrganisationId).FirstAsync(ct);
    }
}
