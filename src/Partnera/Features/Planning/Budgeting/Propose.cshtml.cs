using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>A resident, or an organisation's member on its behalf, proposes a costed project while proposals are taken.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProposeModel(PartneraDbContext db, BallotBox box, CurrentUser user, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public BudgetVote Vote { get; private set; } = null!;
    public MultilingualText Community { get; private set; } = new();
    public string Currency { get; private set; } = "";
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var me = user.Id!.Value;
        var name = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(ct);
        if (Organisations.FirstOrDefault(o => o.Id == Input.OrganisationId) is { Name: { } organisation }) name = $"{name} · {organisation.Value}";
        foreach (var (field, key) in await box.ProposeAsync(Vote, me, name, Organisations.Select(o => o.Id).ToList(), Input, ct))
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", t[key, Vote.ProposalsOpen.ToString("d"), Vote.ProposalsClose.ToString("d")]);
        if (!ModelState.IsValid) return Page();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Vote/{id}#projects");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.BudgetVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.Announced, ct) is not { } vote) return false;
        Vote = vote;
        Community = await db.Territories.Where(x => x.Id == vote.TerritoryId).Select(x => x.Name).SingleAsync(ct);
        Currency = await BudgetCurrency.OfAsync(db, vote.TerritoryId, ct);
        var mine = MembershipClaims.Of(User).Select(m => m.OrganisationId).Distinct().ToList();
        Organisations = (await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }
}
