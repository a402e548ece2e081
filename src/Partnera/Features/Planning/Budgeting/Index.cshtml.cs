using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Infrastructure.Paging;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>The participatory budgets, newest year first; authority specialists set up new ones.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(PartneraDbContext db, TimeProvider time) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    public Page<Row> Votes { get; private set; } = null!;
    public bool CanDraft { get; private set; }
    /// <summary>The currency of each listed budget's community.</summary>
    public Dictionary<Guid, string> Currencies { get; } = [];

    public sealed record Row(Guid Id, MultilingualText Territory, MultilingualText Owner, int Year, decimal Envelope, DateOnly VotingOpen, DateOnly VotingClose,
        BudgetVote Vote, string TimeZone);

    /// <summary>Where each budget stands today in its community, by the same rule as its own page.</summary>
    public BudgetPhase PhaseOf(Row row) => BudgetPhases.On(row.Vote, Infrastructure.Time.LocalTime.Today(row.TimeZone, time.GetUtcNow()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanDraft = PlanEditor.CanDraft(User);
        Votes = await db.BudgetVotes.AsNoTracking()
            .OrderByDescending(v => v.Year).ThenBy(v => v.Id)
            .Join(db.Territories, v => v.TerritoryId, t => t.Id, (v, t) => new { v, Territory = t.Name, t.TimeZone })
            .Join(db.Organisations, x => x.v.OwnerId, o => o.Id, (x, o) => new Row(x.v.Id, x.Territory, o.Name, x.v.Year, x.v.Envelope, x.v.VotingOpen, x.v.VotingClose, x.v, x.TimeZone))
            .ToPageAsync(PageNumber, null, ct);
        foreach (var territory in Votes.Items.Select(r => r.Vote.TerritoryId).Distinct())
            Currencies[territory] = await BudgetCurrency.OfAsync(db, territory, ct);
    }
}
