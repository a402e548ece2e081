using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>One project's place in the result: its votes and whether the envelope funds it.</summary>
public sealed record ResultLine(Guid ProjectId, string Title, decimal Cost, int Votes, bool Funded, decimal LeftAfter);

/// <summary>
/// Opens the sealed ballots once voting has closed, counts them and fits the envelope: feasible projects in order of
/// votes (fewer costs first on a tie, then the earlier proposal), each funded when what is left of the envelope still
/// covers it, otherwise passed over for the next. The count can be run again at any time and compared with what was
/// published.
/// </summary>
public sealed class BudgetResults(PartneraDbContext db, BallotKeyring keyring, TimeProvider time)
{
    /// <summary>Opened ballots are written in batches of this many, all in one transaction.</summary>
    private const int Batch = 5_000;

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

    /// <summary>Ballots cast and not yet opened.</summary>
    public Task<int> SealedAsync(BudgetVote vote, CancellationToken ct) => db.SealedBallots.CountAsync(b => b.VoteId == vote.Id, ct);

    /// <summary>
    /// Opens the vote's sealed ballots (call only after voting has closed) into plain ballots, written in one transaction
    /// in a random order with new random keys, and deletes the sealed ones: nothing then ties a choice to the sealed
    /// ballot it came from, and so to the voter. Returns false, changing nothing, when this server's ballot key is not the
    /// one that sealed them.
    /// </summary>
    public async Task<bool> OpenAsync(BudgetVote vote, CancellationToken ct)
    {
        var sealedBallots = await db.SealedBallots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => new { b.Id, b.Sealed }).ToListAsync(ct);
        if (sealedBallots.Count == 0) return true;
        var wrapped = await db.BallotKeys.Where(k => k.VoteId == vote.Id).Select(k => k.WrappedPrivateKey).SingleAsync(ct);
        if (keyring.Unwrap(vote.Id, wrapped) is not { } privateKey) return false;
        // On every core (a key object each): a national vote has hundreds of thousands of ballots, each one key agreement.
        var opened = new Guid[sealedBallots.Count][];
        Parallel.For(0, opened.Length, () => VoteKey(privateKey), (i, _, key) =>
        {
            opened[i] = BallotSeal.Open(key, vote.Id, sealedBallots[i].Sealed);
            return key;
        }, key => key.Dispose());
        RandomNumberGenerator.Shuffle(opened.AsSpan());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // By the ids read, not by vote: a ballot committed meanwhile stays sealed for the next opening rather than lost.
        // Deleted first, so that of two openings at once the second finds them gone (after waiting for the first) and
        // writes nothing: no ballot is counted twice.
        var ids = sealedBallots.Select(b => b.Id).ToList();
        if (await db.SealedBallots.Where(b => ids.Contains(b.Id)).ExecuteDeleteAsync(ct) != ids.Count) return true;
        foreach (var batch in opened.Chunk(Batch))
        {
            foreach (var choices in batch)
            {
                var ballot = new Ballot { VoteId = vote.Id };
                ballot.Choices.AddRange(choices.Select(p => new BallotChoice { BallotId = ballot.Id, ProjectId = p }));
                db.Ballots.Add(ballot);
            }
            await db.SaveChangesAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Ballot or BallotChoice).ToList()) entry.State = EntityState.Detached;
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private static ECDiffieHellman VoteKey(byte[] privateKey)
    {
        var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        return key;
    }

    /// <summary>The result as the opened ballots give it now.</summary>
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

    /// <summary>
    /// Opens any ballots still sealed and publishes the count once voting has closed: each project keeps its votes and
    /// whether it is funded. False, publishing nothing, when the ballots cannot be opened on this server.
    /// </summary>
    public async Task<bool> PublishAsync(BudgetVote vote, string by, CancellationToken ct)
    {
        if (!await OpenAsync(vote, ct)) return false;
        var lines = (await CountAsync(vote, ct)).ToDictionary(l => l.ProjectId);
        foreach (var p in await db.BudgetProjects.Where(p => p.VoteId == vote.Id).ToListAsync(ct))
        {
            p.PublishedVotes = lines.TryGetValue(p.Id, out var line) ? line.Votes : null;
            p.Funded = line?.Funded;
        }
        vote.ResultsPublishedAt = time.GetUtcNow().UtcDateTime;
        vote.ResultsPublishedBy = by;
        await db.SaveChangesAsync(ct);
        return true;
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
