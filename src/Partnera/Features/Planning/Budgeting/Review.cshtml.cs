using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// The authority's desk for one participatory budget: announce it, check each proposed project's feasibility with a
/// published reason (until voting opens), and once voting has closed count the ballots, publish the result and check
/// that a recount matches it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReviewModel(PartneraDbContext db, BallotBox box, BudgetResults results, BudgetEmails emails, PublicLinks links, CurrentUser user, TimeProvider time, IStringLocalizer<PlanningStrings> t) : PageModel
{
    /// <summary>The longest published feasibility reason (the form's own limit, checked here too).</summary>
    public const int MaxReason = 2000;

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public BudgetVote Vote { get; private set; } = null!;
    public MultilingualText Community { get; private set; } = new();
    public string Currency { get; private set; } = "";
    public BudgetPhase Phase { get; private set; }
    public bool CanEdit { get; private set; }
    public Page<BudgetProject> Projects { get; private set; } = null!;
    public List<ResultLine>? Result { get; private set; }
    public (bool Matches, int Ballots, int Voters)? Verification { get; private set; }
    /// <summary>Ballots still sealed once voting has closed (shown to the authority, who opens them).</summary>
    public int Sealed { get; private set; }
    /// <summary>While voting is open: how many have voted so far (the register), never what they chose.</summary>
    public int? Turnout { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool verify, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (verify && Phase == BudgetPhase.Results) Verification = await results.VerifyAsync(Vote, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnnounceAsync(Guid id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } vote) return NotFound();
        vote.Announced = true;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Review/{id}");
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, Guid project, Feasibility decision, string? reason, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } vote) return NotFound();
        var proposal = await db.BudgetProjects.FirstOrDefaultAsync(p => p.Id == project && p.VoteId == id, ct);
        if (proposal is null) return NotFound();
        if (await box.PhaseAsync(vote, ct) is not (BudgetPhase.Draft or BudgetPhase.Announced or BudgetPhase.Proposals or BudgetPhase.Review))
            ModelState.AddModelError("", t["Feasibility_Fixed"]);
        if (decision == Feasibility.Pending) ModelState.AddModelError("", t["Feasibility_Choose"]);
        if (string.IsNullOrWhiteSpace(reason)) ModelState.AddModelError("", t["Feasibility_ReasonRequired"]);
        else if (reason.Trim().Length > MaxReason) ModelState.AddModelError("", t["Feasibility_ReasonTooLong", MaxReason]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        proposal.Feasibility = decision;
        proposal.FeasibilityReason = reason!.Trim();
        proposal.CheckedAt = time.GetUtcNow().UtcDateTime;
        proposal.CheckedBy = user.Name;
        await db.SaveChangesAsync(ct);
        await emails.FeasibilityAsync(proposal, PublicLink(id), ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Review/{id}#project-{project}");
    }

    /// <summary>Opens the sealed ballots once voting has closed, so that the count can be seen before it is published.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } vote) return NotFound();
        if (await box.PhaseAsync(vote, ct) != BudgetPhase.Counting) ModelState.AddModelError("", t["Results_NotYet"]);
        else if (!await results.OpenAsync(vote, ct)) ModelState.AddModelError("", t["Results_WrongKey"]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Review/{id}#results");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } vote) return NotFound();
        if (await box.PhaseAsync(vote, ct) != BudgetPhase.Counting) ModelState.AddModelError("", t["Results_NotYet"]);
        else if (!await results.PublishAsync(vote, user.Name ?? "", ct)) ModelState.AddModelError("", t["Results_WrongKey"]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var community = await db.Territories.Where(x => x.Id == vote.TerritoryId).Select(x => x.Name).SingleAsync(ct);
        await emails.ResultsAsync(vote, community.Value, PublicLink(id), ct);
        TempData["Message"] = "Common_Saved";
        return Redirect($"/Planning/Budgeting/Review/{id}#results");
    }

    private string PublicLink(Guid id) => links.For($"/Planning/Budgeting/Vote/{id}");

    private Task<BudgetVote?> EditableAsync(Guid id, CancellationToken ct) => PlanEditor.EditableVoteAsync(db, User, id, ct);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.BudgetVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } vote) return false;
        Vote = vote;
        Community = await db.Territories.Where(x => x.Id == vote.TerritoryId).Select(x => x.Name).SingleAsync(ct);
        Currency = await BudgetCurrency.OfAsync(db, vote.TerritoryId, ct);
        Phase = await box.PhaseAsync(vote, ct);
        CanEdit = PlanEditor.CanEdit(User, vote.OwnerId);
        Projects = await db.BudgetProjects.AsNoTracking().Where(p => p.VoteId == id).OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).ToPageAsync(PageNumber, null, ct);
        // The running count stays closed until voting ends, so that no one steers the vote by it; it cannot be read
        // anyway while the ballots are sealed.
        Sealed = Phase == BudgetPhase.Counting && CanEdit ? await results.SealedAsync(vote, ct) : 0;
        // The turnout only, from the register of who voted: how many ballots, not for what.
        Turnout = Phase == BudgetPhase.Voting ? await db.VoterRecords.CountAsync(r => r.VoteId == id, ct) : null;
        Result = Phase switch
        {
            BudgetPhase.Counting when CanEdit && Sealed == 0 => await results.CountAsync(vote, ct),
            BudgetPhase.Results => await results.PublishedAsync(vote, ct),
            _ => null,
        };
        return true;
    }
}
