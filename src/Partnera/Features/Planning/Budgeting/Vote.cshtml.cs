using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Web;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// A participatory budget as anyone reads it: the envelope and rules, every proposed project with the authority's
/// feasibility decision, the ballot while voting is open (signed-in residents, once each), and the published result.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Name)]
public sealed class VoteModel(PartneraDbContext db, BallotBox box, BudgetResults results, CurrentUser user, IStringLocalizer<PlanningStrings> t) : PageModel
{
    /// <summary>More feasible projects than this would not fit one ballot page; no community has come near it.</summary>
    public const int MostOnBallot = 200;

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public BudgetVote Vote { get; private set; } = null!;
    public MultilingualText Community { get; private set; } = new();
    public string Currency { get; private set; } = "";
    public BudgetPhase Phase { get; private set; }
    public Page<BudgetProject> Projects { get; private set; } = null!;
    public List<BudgetProject> OnBallot { get; private set; } = [];
    public bool HasVoted { get; private set; }
    public BallotInput Ballot { get; private set; } = new();
    public List<ResultLine>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCastAsync(Guid id, BallotInput ballot, CancellationToken ct)
    {
        if (user.Id is not { } voter) return Challenge();
        if (!await LoadAsync(id, ct)) return NotFound();
        Ballot = ballot;
        var problems = ModelState.IsValid ? await box.CastAsync(Vote, voter, ballot, ct) : await box.CheckAsync(Vote, ballot, ct);
        foreach (var (field, key) in problems) ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(ballot)}.{field}", Message(key));
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        TempData["Message"] = "Ballot_Counted";
        return Redirect($"/Planning/Budgeting/Vote/{id}#ballot");
    }

    public string Message(string key) => t[key, Vote.VotingOpen.ToString("d"), Vote.VotingClose.ToString("d"), Vote.MinimumAge, Vote.MaxChoices];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.BudgetVotes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.Announced, ct) is not { } vote) return false;
        Vote = vote;
        Community = await db.Territories.Where(x => x.Id == vote.TerritoryId).Select(x => x.Name).SingleAsync(ct);
        Currency = await BudgetCurrency.OfAsync(db, vote.TerritoryId, ct);
        Phase = await box.PhaseAsync(vote, ct);
        Projects = await db.BudgetProjects.AsNoTracking().Where(p => p.VoteId == id).OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).ToPageAsync(PageNumber, null, ct);
        if (Phase == BudgetPhase.Voting)
        {
            OnBallot = await db.BudgetProjects.AsNoTracking().Where(p => p.VoteId == id && p.Feasibility == Feasibility.Feasible)
                .OrderBy(p => p.Title).Take(MostOnBallot).ToListAsync(ct);
            HasVoted = user.Id is { } me && await box.HasVotedAsync(vote.Year, me, ct);
        }
        Result = Phase == BudgetPhase.Results ? await results.PublishedAsync(vote, ct) : null;
        return true;
    }
}
