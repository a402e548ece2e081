using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>One project's place in the result: its votes and whether the envelope funds it.</summary>
public sealed record ResultLine(Guid ProjectId, string Title, decimal Cost, int Votes, bool Funded, decimal LeftAfter);

/// <summary>
/// Counts the stored ballots and fits the envelope: feasible projects in order of votes (fewer costs first on a tie,
/// then the earlier proposal), each funded when what is left of the envelope still covers it, otherwise passed over
/// for the next. The count can be run again at any time and compared with what was published.
/// </summary>
public sealed class BudgetResults(PartneraDbContext db, TimeProvider time)
{
    public static List<ResultLine> Allocate(decimal envelope, IEnumerable<(BudgetProject Project, int Votes)> projects)
    {
        var left = envelope;
        var lines = new List<ResultLine>();
        foreach (var (p, votes) in projects.OrderByDescending(x => x.Votes).ThenBy(x => x.Project.Cost).ThenBy(x => x.Project.SubmittedAt).ThenBy(x => x.Project.Id))
        {
            var funded = votes > 0 && p.Cost <= left;
            if (funded) left -= p.Cost;
            lines.Add(new ResultLine(p.Id, p.Title, p.Cost, votes, funded, left));
        }
        return lines;
    }

    /// <summary>The result as the stored ballots give it now.</summary>
    public async Task<List<ResultLine>> CountAsync(BudgetVote vote, CancellationToken ct)
    {
        var projects = await db.BudgetProjects.AsNoTracking().Where(p => p.VoteId == vote.Id && p.Feasibility == Feasibility.Feasible).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var votes = await db.BallotChoices.Where(c => ids.Contains(c.ProjectId)).GroupBy(c => c.ProjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Allocate(vote.Envelope, projects.Select(p => (p, votes.GetValueOrDefault(p.Id))));
    }

    /// <summary>The result as published: each project's stored votes and funding.</summary>
    public async Task<List<ResultLine>> PublishedAsync(BudgetVote vote, CancellationToken ct)
    {
        var projects = await db.BudgetProjects.AsNoTracking().Where(p => p.VoteId == vote.Id && p.PublishedVotes != null).ToListAsync(ct);
        var lines = Allocate(vote.Envelope, projects.Select(p => (p, p.PublishedVotes!.Value)));
        var funded = projects.ToDictionary(p => p.Id, p => p.Funded == true);
        // Shown as stored: a recount that differs is the verification's business, not the page's.
        return lines.Select(l => l with { Funded = funded[l.ProjectId] }).ToList();
    }

    /// <summary>Publishes the count once voting has closed: each project keeps its votes and whether it is funded.</summary>
    public async Task PublishAsync(BudgetVote vote, string by, CancellationToken ct)
    {
        var lines = (await CountAsync(vote, ct)).ToDictionary(l => l.ProjectId);
        foreach (var p in await db.BudgetProjects.Where(p => p.VoteId == vote.Id).ToListAsync(ct))
        {
            p.PublishedVotes = lines.TryGetValue(p.Id, out var line) ? line.Votes : null;
            p.Funded = line?.Funded;
        }
        vote.ResultsPublishedAt = time.GetUtcNow().UtcDateTime;
        vote.ResultsPublishedBy = by;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Counts again from the stored ballots and tells whether it matches the published result, and whether every voter has one ballot.</summary>
    public async Task<(bool Matches, int Ballots, int Voters)> VerifyAsync(BudgetVote vote, CancellationToken ct)
    {
        var now = await CountAsync(vote, ct);
        var published = await PublishedAsync(vote, ct);
        var matches = now.Count == published.Count && now.Zip(published).All(x => x.First.ProjectId == x.Second.ProjectId && x.First.Votes == x.Second.Votes && x.First.Funded == x.Second.Funded);
        var ballots = await db.Ballots.CountAsync(b => b.VoteId == vote.Id, ct);
        var voters = await db.VoterRecords.CountAsync(r => r.VoteId == vote.Id, ct);
        return (matches, ballots, voters);
    }
}
