using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>Set up a community's participatory budget for a year, or change its envelope and rules before voting opens.</summary>
[Authorize(Policy = Policies.ManageOrganisations)]
public sealed class EditModel(PartneraDbContext db, BallotBox box, TimeProvider time, IStringLocalizer<PlanningStrings> t) : PageModel
{
    [BindProperty] public BudgetVoteInput Input { get; set; } = new();
    [BindProperty] public string? TerritoryQuery { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<TerritoryChoices.Choice> Territories { get; private set; } = [];
    public IReadOnlyList<(Guid Id, MultilingualText Name)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) Input = BudgetVoteInput.New(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), PlanEditor.Owners(User).FirstOrDefault() is { } o && o != Guid.Empty ? o : null);
        else if (await EditableAsync(id.Value, ct) is { } vote) Input = BudgetVoteInput.From(vote);
        else return NotFound();
        await PrepareFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var vote = id is null ? new BudgetVote() : await EditableAsync(id.Value, ct);
        if (vote is null) return NotFound();
        await CheckAsync(vote, ct);
        if (!ModelState.IsValid)
        {
            await PrepareFormAsync(ct);
            return Page();
        }
        Input.Apply(vote);
        if (id is null) db.BudgetVotes.Add(vote);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Review/{vote.Id}");
    }

    /// <summary>Finds more places to choose from, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        await PrepareFormAsync(ct);
        return Page();
    }

    private Task<BudgetVote?> EditableAsync(Guid id, CancellationToken ct) => PlanEditor.EditableVoteAsync(db, User, id, ct);

    private async Task CheckAsync(BudgetVote vote, CancellationToken ct)
    {
        void Problem(string field, string key) => ModelState.AddModelError($"{nameof(Input)}.{field}", t[key]);
        foreach (var (field, key) in Input.Problems()) Problem(field, key);
        // Rules are fixed once voting opens: a ballot is counted under the rules it was cast by.
        if (vote.Announced && await box.PhaseAsync(vote, ct) is BudgetPhase.Voting or BudgetPhase.Counting or BudgetPhase.Results) ModelState.AddModelError("", t["Budget_RulesFixed"]);
        if (Input.TerritoryId is { } place && !await db.Territories.AnyAsync(x => x.Id == place && x.Level == TerritoryLevel.Community, ct)) Problem(nameof(BudgetVoteInput.TerritoryId), "Budget_UnknownCommunity");
        if (Input.OwnerId is { } owner && !PlanEditor.CanEdit(User, owner)) Problem(nameof(BudgetVoteInput.OwnerId), "Plan_NoOrganisation");
        if (Input.TerritoryId is { } community && Input.Year is { } year && await db.BudgetVotes.AnyAsync(v => v.TerritoryId == community && v.Year == year && v.Id != vote.Id, ct))
            Problem(nameof(BudgetVoteInput.Year), "Budget_AlreadyForYear");
    }

    private async Task PrepareFormAsync(CancellationToken ct) =>
        (Territories, Owners) = await PlanEditor.ChoicesAsync(db, User, Input.TerritoryId, Input.OwnerId, TerritoryQuery, l => l == TerritoryLevel.Community, ct);
}
