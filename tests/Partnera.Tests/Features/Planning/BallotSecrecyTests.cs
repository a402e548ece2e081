using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnera.Data;
using Partnera.Features.Planning.Budgeting;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

/// <summary>
/// Someone with a copy of the database tries to tie ballots to voters the way the database itself allows: by
/// PostgreSQL's transaction id (xmin) and by physical row order (ctid; rowid on SQLite), before and after the count.
/// </summary>
public sealed class BallotSecrecyTests(TestApps apps)
{
    // Nine voters, each with a different ballot; the counts come out A 5, B 4, C 3, D 2, E 1.
    private static readonly string[] Choices = ["A", "AB", "AC", "AD", "AE", "BC", "BD", "B", "C"];

    private sealed record Linked(Guid Voter, byte[] Sealed);
    private sealed record Placed(Guid Voter, Guid Ballot);

    [Theory, ClassData(typeof(Databases))]
    public async Task Neither_transaction_ids_nor_row_order_tie_a_voter_to_their_choices(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(BudgetTests.FirstMinutesOfVoting);
        var database = await apps.NewDatabaseAsync(provider);
        await using var app = new PartneraApp(provider, database, time: clock);
        var (voteId, _) = await BudgetTests.VotesAsync(app);
        var projects = await ProjectsAsync(app, voteId);
        var cast = new Dictionary<Guid, Guid[]>();
        foreach (var letters in Choices)
        {
            var (voter, _, id) = await app.NewResidentAsync("Secret Voter");
            var choice = letters.Select(l => projects[l]).ToArray();
            // The first voter sends the same ballot five times at once: exactly one is taken.
            var answers = await Task.WhenAll(Enumerable.Range(0, cast.Count == 0 ? 5 : 1).Select(_ => BudgetTests.Cast(voter, voteId, choice)));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            cast[id] = choice;
        }

        // While voting runs: no plain choice anywhere; what the joins reach is ciphertext of one length, naming no project.
        Assert.Equal((0, 0, Choices.Length), await app.WithDbAsync(async db => (await db.Ballots.CountAsync(), await db.BallotChoices.CountAsync(), await db.SealedBallots.CountAsync())));
        var reached = await app.WithDbAsync(db => SealedByRowOrderAsync(db, voteId));
        if (provider == DatabaseProvider.Postgres) reached.AddRange(await app.WithDbAsync(db => SealedByTransactionAsync(db, voteId)));
        Assert.Equal(provider == DatabaseProvider.Postgres ? 2 * Choices.Length : Choices.Length, reached.Count);
        Assert.All(reached, r => Assert.DoesNotContain(projects.Values, p => Names(r.Sealed, p)));
        Assert.Single(reached.Select(r => r.Sealed.Length).Distinct());

        // A server with another ballot key cannot open them, and changes nothing.
        clock.SetUtcNow(BudgetTests.AfterVoting);
        var review = $"/Planning/Budgeting/Review/{voteId}";
        await using (var stranger = new PartneraApp(provider, database, new Dictionary<string, string?> { [BallotKeyring.Setting] = new string('k', 44) }, time: clock))
        {
            var refused = await (await BudgetTests.SpecialistAsync(stranger)).SubmitAsync(review, new Dictionary<string, string[]>(), "form[action*=Open]");
            Assert.Contains("The ballots cannot be opened on this server", Pages.Parse(await refused.TextAsync()).QuerySelector("#review-errors")!.TextContent);
            Assert.Equal((Choices.Length, 0), await stranger.WithDbAsync(async db => (await db.SealedBallots.CountAsync(), await db.Ballots.CountAsync())));
        }

        // Counted: the result is what was cast.
        var specialist = await BudgetTests.SpecialistAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(review, new Dictionary<string, string[]>(), "form[action*=Open]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(review, new Dictionary<string, string[]>(), "form[action*=Publish]")).StatusCode);
        var results = await app.Browser().GetFromJsonAsync<List<BudgetApi.ResultDto>>($"/api/v1/budget-votes/{voteId}/results");
        var expected = projects.ToDictionary(p => p.Value, p => cast.Values.Count(c => c.Contains(p.Value)));
        Assert.Equal(expected, results!.ToDictionary(r => r.ProjectId, r => r.Votes));
        Assert.Equal([5, 4, 3, 2, 1], results!.Select(r => r.Votes));

        // After the count: the sealed ballots are gone, and the opened ones share no transaction with a voter and stand
        // in an order that is not the voters' order.
        Assert.Equal(0, await app.WithDbAsync(db => db.SealedBallots.CountAsync()));
        if (provider == DatabaseProvider.Postgres)
            Assert.Empty(await app.WithDbAsync(db => db.Database.SqlQuery<Placed>($"""
                SELECT r."UserId" AS "Voter", b."Id" AS "Ballot" FROM "VoterRecords" r JOIN "Ballots" b ON b.xmin = r.xmin WHERE r."VoteId" = {voteId}
                """).ToListAsync()));
        var placed = await app.WithDbAsync(db => BallotsByRowOrderAsync(db, voteId));
        var choices = await app.WithDbAsync(db => db.BallotChoices.ToListAsync());
        Assert.Equal(Choices.Length, placed.Count);
        Assert.Contains(placed, p => !cast[p.Voter].Order().SequenceEqual(choices.Where(c => c.BallotId == p.Ballot).Select(c => c.ProjectId).Order()));

        // The demo resident votes in the seeded vote at once: its key pair is made by the first ballot.
        var resident = app.Browser();
        await resident.SignInAsync("resident@partnera.demo");
        var demoVote = await app.WithDbAsync(db => db.BudgetVotes.Where(v => v.Id != voteId && v.Year == 2031 && v.ResultsPublishedAt == null && v.Envelope == 2_000_000m).Select(v => v.Id).SingleAsync());
        var demoProject = await app.WithDbAsync(db => db.BudgetProjects.Where(p => p.VoteId == demoVote && p.Feasibility == Feasibility.Feasible).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Created, (await BudgetTests.Cast(resident, demoVote, demoProject)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.VoteId == demoVote)));
    }

    private static async Task<Dictionary<char, Guid>> ProjectsAsync(PartneraApp app, Guid voteId) => await app.WithDbAsync(async db =>
    {
        var author = await db.Users.Where(u => u.Email == "resident@partnera.demo").Select(u => u.Id).SingleAsync();
        var projects = "ABCDE".ToDictionary(l => l, l => new BudgetProject
        {
            VoteId = voteId,
            AuthorId = author,
            AuthorName = "Resident",
            Title = $"Project {l}",
            Description = "For the test",
            Cost = 100_000,
            CostBreakdown = "Works",
            SubmittedAt = new DateTime(2031, 3, 2, 0, 0, 0, DateTimeKind.Utc),
            Feasibility = Feasibility.Feasible,
            FeasibilityReason = "Checked",
        });
        db.BudgetProjects.AddRange(projects.Values);
        await db.SaveChangesAsync();
        return projects.ToDictionary(p => p.Key, p => p.Value.Id);
    });

    /// <summary>The n-th voter in the register's physical order beside the n-th sealed ballot in theirs.</summary>
    private static Task<List<Linked>> SealedByRowOrderAsync(PartneraDbContext db, Guid voteId) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<Linked>($"""
            WITH r AS (SELECT "UserId", row_number() OVER (ORDER BY ctid) AS n FROM "VoterRecords" WHERE "VoteId" = {voteId}),
                 s AS (SELECT "Sealed", row_number() OVER (ORDER BY ctid) AS n FROM "SealedBallots" WHERE "VoteId" = {voteId})
            SELECT r."UserId" AS "Voter", s."Sealed" AS "Sealed" FROM r JOIN s ON s.n = r.n
            """).ToListAsync()
        : db.Database.SqlQuery<Linked>($"""
            WITH r AS (SELECT "UserId", row_number() OVER (ORDER BY rowid) AS n FROM "VoterRecords" WHERE "VoteId" = {voteId}),
                 s AS (SELECT "Sealed", row_number() OVER (ORDER BY rowid) AS n FROM "SealedBallots" WHERE "VoteId" = {voteId})
            SELECT r."UserId" AS "Voter", s."Sealed" AS "Sealed" FROM r JOIN s ON s.n = r.n
            """).ToListAsync();

    /// <summary>Each voter beside the sealed ballot written in the same transaction.</summary>
    private static Task<List<Linked>> SealedByTransactionAsync(PartneraDbContext db, Guid voteId) => db.Database.SqlQuery<Linked>($"""
        SELECT r."UserId" AS "Voter", s."Sealed" AS "Sealed" FROM "VoterRecords" r JOIN "SealedBallots" s ON s.xmin = r.xmin WHERE r."VoteId" = {voteId}
        """).ToListAsync();

    /// <summary>The n-th voter in the register's physical order beside the n-th opened ballot in theirs.</summary>
    private static Task<List<Placed>> BallotsByRowOrderAsync(PartneraDbContext db, Guid voteId) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<Placed>($"""
            WITH r AS (SELECT "UserId", row_number() OVER (ORDER BY ctid) AS n FROM "VoterRecords" WHERE "VoteId" = {voteId}),
                 b AS (SELECT "Id", row_number() OVER (ORDER BY ctid) AS n FROM "Ballots" WHERE "VoteId" = {voteId})
            SELECT r."UserId" AS "Voter", b."Id" AS "Ballot" FROM r JOIN b ON b.n = r.n
            """).ToListAsync()
        : db.Database.SqlQuery<Placed>($"""
            WITH r AS (SELECT "UserId", row_number() OVER (ORDER BY rowid) AS n FROM "VoterRecords" WHERE "VoteId" = {voteId}),
                 b AS (SELECT "Id", row_number() OVER (ORDER BY rowid) AS n FROM "Ballots" WHERE "VoteId" = {voteId})
            SELECT r."UserId" AS "Voter", b."Id" AS "Ballot" FROM r JOIN b ON b.n = r.n
            """).ToListAsync();

    /// <summary>Whether the bytes hold the project's id in any form a database or program writes it.</summary>
    private static bool Names(byte[] bytes, Guid project) =>
        new[] { project.ToByteArray(), project.ToByteArray(bigEndian: true), Encoding.UTF8.GetBytes(project.ToString()), Encoding.UTF8.GetBytes(project.ToString().ToUpperInvariant()) }
            .Any(form => bytes.AsSpan().IndexOf(form) >= 0);
}
