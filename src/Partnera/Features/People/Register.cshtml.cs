using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>
/// Registers a person for one of the user's organisations; without consent only the names are kept, and the page says
/// so. Probable duplicates found across the registry are stored for review at once.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RegisterModel(PersonRegister register, PersonAccess access, Matching.DuplicateScan duplicates, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public IReadOnlyList<Territories.TerritoryChoices.Choice> Communities { get; private set; } = [];
    [BindProperty] public ConsentInput Consent { get; set; } = new();
    [BindProperty] public Guid? OrganisationId { get; set; }
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Organisations { get; private set; } = [];
    /// <summary>When adding a member to a household: a person of it, whose whole record the user holds.</summary>
    public Person? Household { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? householdOf, CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        if (!await LoadAsync(householdOf, ct)) return NotFound();
        // Consent is mostly recorded the day it is given.
        Consent.GivenOn ??= DateOnly.FromDateTime(DateTime.Now);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? householdOf, CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        if (!await LoadAsync(householdOf, ct)) return NotFound();
        if (OrganisationId is not { } organisation || !Organisations.Any(o => o.Id == organisation))
            ModelState.AddModelError(nameof(OrganisationId), t["Person_ChooseOrganisation"]);
        foreach (var (field, key) in PersonRegister.Problems(Input, Consent, hasConsent: false, joiningHousehold: Household is not null))
            ModelState.AddModelError(field.StartsWith("Consent.", StringComparison.Ordinal) ? field : $"{nameof(Input)}.{field}", t[key]);
        if (await register.CommunityProblemAsync(Input, ct) is { } community) ModelState.AddModelError($"{nameof(Input)}.{nameof(PersonInput.TerritoryId)}", t[community]);
        if (!ModelState.IsValid) return Page();
        var person = await register.RegisterAsync(Input, Consent, OrganisationId!.Value, ct, Household);
        // Probable duplicates wait for review from now on, not from tonight's scan.
        await duplicates.CheckAsync([person], ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Person/{person.Id}");
    }

    private async Task<bool> LoadAsync(Guid? householdOf, CancellationToken ct)
    {
        if (householdOf is { } member)
        {
            Household = await access.OpenHeldAsync(User, member, AuditAction.Viewed, ct) is { } p ? p : null;
            if (Household is null) return false;
            // Members usually share the home: offered, and changed when not.
            if (HttpMethods.IsGet(Request.Method)) (Input.Address, Input.TerritoryId) = (Household.Address, Household.TerritoryId);
        }
        Organisations = await register.OrganisationsAsync(User, ct);
        OrganisationId ??= Organisations.FirstOrDefault().Id;
        Communities = await register.CommunitiesAsync(User, Input.TerritoryId, ct);
        return true;
    }
}
