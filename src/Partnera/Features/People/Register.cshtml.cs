using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.People;

/// <summary>Registers a person for one of the user's organisations; without consent only the names are kept, and the page says so.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RegisterModel(PartneraDbContext db, PersonRegister register, IStringLocalizer<PeopleStrings> t) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public IReadOnlyList<Territories.TerritoryChoices.Choice> Communities { get; private set; } = [];
    [BindProperty] public ConsentInput Consent { get; set; } = new();
    [BindProperty] public Guid? OrganisationId { get; set; }
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PersonAccess.WorksWithPeople(User)) return Forbid();
        await LoadAsync(ct);
        if (OrganisationId is not { } organisation || !Organisations.Any(o => o.Id == organisation))
            ModelState.AddModelError(nameof(OrganisationId), t["Person_ChooseOrganisation"]);
        foreach (var (field, key) in PersonRegister.Problems(Input, Consent, hasConsent: false))
            ModelState.AddModelError(field.StartsWith("Consent.", StringComparison.Ordinal) ? field : $"{nameof(Input)}.{field}", t[key]);
        if (await register.CommunityProblemAsync(Input, ct) is { } community) ModelState.AddModelError($"{nameof(Input)}.{nameof(PersonInput.TerritoryId)}", t[community]);
        if (!ModelState.IsValid) return Page();
        var person = await register.RegisterAsync(Input, Consent, OrganisationId!.Value, ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/People/Person/{person.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = PersonAccess.Organisations(User);
        Organisations = (await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        OrganisationId ??= Organisations.FirstOrDefault().Id;
        Communities = await register.CommunitiesAsync(User, Input.TerritoryId, ct);
    }
}
