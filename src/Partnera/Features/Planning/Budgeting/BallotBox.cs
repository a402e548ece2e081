using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Infrastructure.Text;
using Partnera.Infrastructure.Time;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// Takes project proposals and ballots for a participatory budget on its dates (server time, in the community's time
/// zone). A ballot is stored sealed (<see cref="SealedBallot"/>) with no trace of its voter; the voter goes into the
/// register of who voted in the same transaction, whose unique key refuses a second ballot from the same person that
/// year, whichever app instance the requests reach.
/// </summary>
public sealed class BallotBox(PartneraDbContext db, BallotKeyring keyring, TimeProvider time)
{
    public Task<DateOnly> TodayAsync(BudgetVote vote, CancellationToken ct) => Territories.TerritoryClock.TodayAsync(db, vote.TerritoryId, time, ct);

    public async Task<BudgetPhase> PhaseAsync(BudgetVote vote, CancellationToken ct) => BudgetPhases.On(vote, await TodayAsync(vote, ct));

    /// <summary>Records a proposal while proposals are taken, or returns every problem as (field, message key).</summary>
    public async Task<List<(string Field, string Key)>> ProposeAsync(BudgetVote vote, Guid authorId, string authorName, IReadOnlyCollection<Guid> authorOrganisations, ProjectInput input, CancellationToken ct)
    {
        if (await PhaseAsync(vote, ct) != BudgetPhase.Proposals) return [("", "Project_Closed")];
        var problems = new List<(string, string)>();
        if (!TypedNumber.TryReadAmount(input.Cost, out var cost) || cost is not > 0) problems.Add((nameof(input.Cost), "Project_CostInvalid"));
        else if (cost > vote.Envelope) problems.Add((nameof(input.Cost), "Project_CostOverEnvelope"));
        if (input.OrganisationId is { } o && !authorOrganisations.Contains(o)) problems.Add((nameof(input.OrganisationId), "Project_NotYourOrganisation"));
        if (problems.Count > 0) return problems;
        db.BudgetProjects.Add(new BudgetProject
        {
            VoteId = vote.Id,
            AuthorId = authorId,
            AuthorName = authorName,
            OrganisationId = input.OrganisationId,
            Title = input.Title!.Trim(),
            Description = input.Description!.Trim(),
            Cost = cost!.Value,
            CostBreakdown = input.CostBreakdown!.Trim(),
            SubmittedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Casts one person's ballot, or returns every problem as (field, message key); nothing is stored then.</summary>
    public async Task<List<(string Field, string Key)>> CastAsync(BudgetVote vote, Guid voterId, BallotInput input, CancellationToken ct)
    {
        var today = await TodayAsync(vote, ct);
        var phase = BudgetPhases.On(vote, today);
        if (phase != BudgetPhase.Voting) return [("", phase is BudgetPhase.Counting or BudgetPhase.Results ? "Ballot_Closed" : "Ballot_NotOpen")];
        if (await HasVotedAsync(vote.Year, voterId, ct)) return [("", "Ballot_AlreadyVoted")];
        var problems = await ProblemsAsync(vote, today, input, ct);
        if (problems.Count > 0) return problems;
        var publicKey = await PublicKeyAsync(vote, ct);
        db.VoterRecords.Add(new VoterRecord { VoteId = vote.Id, Year = vote.Year, UserId = voterId, DeclaredBirthDate = input.BirthDate!.Value, VotedAt = time.GetUtcNow().UtcDateTime });
        db.SealedBallots.Add(new SealedBallot { VoteId = vote.Id, Sealed = BallotSeal.Seal(publicKey, vote.Id, [.. input.ProjectIds.Distinct()], vote.MaxChoices) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // The same person's other request won the race: its ballot is the one counted.
            if (await HasVotedAsync(vote.Year, voterId, ct)) return [("", "Ballot_AlreadyVoted")];
            throw;
        }
        return [];
    }

    /// <summary>The vote's public key for sealing ballots; the first ballot makes the key pair (on any instance, once).</summary>
    private async Task<byte[]> PublicKeyAsync(BudgetVote vote, CancellationToken ct)
    {
        if (await db.BallotKeys.Where(k => k.VoteId == vote.Id).Select(k => k.PublicKey).FirstOrDefaultAsync(ct) is { } known) return known;
        var (publicKey, privateKey) = BallotSeal.NewKeyPair();
        db.BallotKeys.Add(new BallotKey { VoteId = vote.Id, PublicKey = publicKey, WrappedPrivateKey = keyring.Wrap(vote.Id, privateKey) });
        try
        {
            await db.SaveChangesAsync(ct);
            return publicKey;
        }
        catch (DbUpdateException)
        {
            // Another first ballot made the pair at the same moment: seal to that one.
            db.ChangeTracker.Clear();
            return await db.BallotKeys.Where(k => k.VoteId == vote.Id).Select(k => k.PublicKey).SingleAsync(ct);
        }
    }

    public Task<bool> HasVotedAsync(int year, Guid voterId, CancellationToken ct) =>
        db.VoterRecords.AnyAsync(r => r.Year == year && r.UserId == voterId, ct);

    /// <summary>What is wrong with a ballot as filled in, without casting it (to show every problem at once).</summary>
    public async Task<List<(string Field, string Key)>> CheckAsync(BudgetVote vote, BallotInput input, CancellationToken ct) =>
        await ProblemsAsync(vote, await TodayAsync(vote, ct), input, ct);

    private async Task<List<(string Field, string Key)>> ProblemsAsync(BudgetVote vote, DateOnly today, BallotInput input, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        if (!input.LivesHere) problems.Add((nameof(input.LivesHere), "Ballot_MustLiveHere"));
        if (input.BirthDate is { } born && AgeOn(born, today) < vote.MinimumAge) problems.Add((nameof(input.BirthDate), "Ballot_TooYoung"));
        var chosen = input.ProjectIds.Distinct().ToList();
        if (chosen.Count == 0) problems.Add((nameof(input.ProjectIds), "Ballot_NoChoice"));
        else if (chosen.Count > vote.MaxChoices) problems.Add((nameof(input.ProjectIds), "Ballot_TooMany"));
        else if (await db.BudgetProjects.CountAsync(p => p.VoteId == vote.Id && p.Feasibility == Feasibility.Feasible && chosen.Contains(p.Id), ct) != chosen.Count)
            problems.Add((nameof(input.ProjectIds), "Ballot_UnknownProject"));
        return problems;
    }

    public static int AgeOn(DateOnly born, DateOnly day) => day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0);
}
