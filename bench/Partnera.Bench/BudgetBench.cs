using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Partnera.Data;
using Partnera.Features.Planning.Budgeting;
using Partnera.Features.Territories;

namespace Partnera.Bench;

/// <summary>
/// A national participatory-budget vote in one region's communities: 200,000 residents each cast one ballot through
/// nginx in front of two app instances on PostgreSQL, signed in with a bearer token (minted with the app's own key
/// ring, as a sign-in would hand it out: signing in is not what is measured). Then: the same voters try again at once
/// (every one must be refused), the stored ballots are checked against the answers (none lost, none double), and each
/// community's result is counted and published.
/// </summary>
public sealed class BudgetBench(Func<PartneraDbContext> newContext, string connection, string contentRoot)
{
    public const int Ballots = 200_000;
    private const int WarmUpVoters = 12_000;
    private const int Year = 2099;
    private const int ProjectsPerCommunity = 5;
    private const int Concurrency = 32;

    public async Task<object> RunAsync()
    {
        var (votes, projects) = await SetUpAsync();
        var voters = await VotersAsync(WarmUpVoters + Ballots);
        var random = new Random(7);
        // One community in five ballots is the region's city; the rest spread over its other communities.
        var ballots = voters.Select(_ => BallotFor(random, votes, projects)).ToArray();

        await using var first = await AppProcess.StartAsync("Postgres", connection, contentRoot);
        await using var second = await AppProcess.StartAsync("Postgres", connection, contentRoot);
        await using var nginx = await Nginx.StartAsync([first.BaseUrl, second.BaseUrl]);
        var tokens = BearerTokens.For(connection, voters.Select((id, i) => BearerTokens.Resident(id, $"voter{i}@voter.bench")));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 2 }) { BaseAddress = new Uri(nginx.BaseUrl) };
        var created = 0;
        Task<HttpResponseMessage> Cast(int voter) => Send(client, tokens[voter], ballots[voter]);
        var load = await Load.RunAsync($"ballots through nginx, 2 app instances", Ballots, Concurrency, async i =>
        {
            using var response = await Cast(WarmUpVoters + i);
            if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
            return response.StatusCode == HttpStatusCode.Created;
        }, warmUp: async i =>
        {
            using var response = await Cast(i % WarmUpVoters);
            return response.IsSuccessStatusCode;
        }, appPids: [first.Pid, second.Pid, nginx.Pid]);

        var again = await AgainAsync(Cast);
        var opening = await OpenAsync(votes);
        var stored = await StoredAsync(votes, voters, ballots);
        var results = await ResultsAsync(votes, nginx);
        return new
        {
            Communities = votes.Count,
            Load = load,
            BallotsAccepted = created,
            SecondBallotsTried = again.Tried,
            SecondBallotsRefused = again.Refused,
            Opening = opening,
            Stored = stored,
            Results = results,
        };
    }

    private static (Guid Vote, Guid[] Projects) BallotFor(Random random, List<Guid> votes, Dictionary<Guid, Guid[]> projects)
    {
        var vote = random.Next(5) == 0 ? votes[0] : votes[1 + random.Next(votes.Count - 1)];
        var choices = projects[vote].OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
        return (vote, choices);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, (Guid Vote, Guid[] Projects) ballot)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/budget-votes/{ballot.Vote}/ballots")
        {
            Content = JsonContent.Create(new { projectIds = ballot.Projects, birthDate = "1980-01-01", livesHere = true }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>5,000 voters who have voted send their ballot again, all at once: every one must be refused.</summary>
    private static async Task<(int Tried, int Refused)> AgainAsync(Func<int, Task<HttpResponseMessage>> cast)
    {
        const int tried = 5_000;
        var refused = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tried)
            {
                using var response = await cast(WarmUpVoters + (int)(i * 37L % Ballots));
                if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref refused);
            }
        }));
        return (tried, refused);
    }

    /// <summary>What the database holds against what was accepted: one register entry and one ballot per voter, and every choice they sent.</summary>
    private async Task<object> StoredAsync(List<Guid> votes, Guid[] voters, (Guid Vote, Guid[] Projects)[] sent)
    {
        await using var db = newContext();
        var voted = await db.VoterRecords.Where(r => votes.Contains(r.VoteId)).Select(r => r.UserId).ToListAsync();
        var index = voters.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var ballots = await db.Ballots.CountAsync(b => votes.Contains(b.VoteId));
        var choices = await db.BallotChoices.CountAsync(c => db.Ballots.Any(b => b.Id == c.BallotId && votes.Contains(b.VoteId)));
        return new
        {
            VoterRecords = voted.Count,
            DistinctVoters = voted.Distinct().Count(),
            Ballots = ballots,
            ChoicesStored = choices,
            ChoicesSentByThoseVoters = voted.Sum(id => sent[index[id]].Projects.Length),
        };
    }

    /// <summary>Closes voting, then opens every community's sealed ballots (in this process, as the page does, with the app instances' ballot key).</summary>
    private async Task<object> OpenAsync(List<Guid> votes)
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        await using (var db = newContext())
            await db.BudgetVotes.Where(v => votes.Contains(v.Id)).ExecuteUpdateAsync(v => v.SetProperty(x => x.VotingClose, yesterday).SetProperty(x => x.VotingOpen, yesterday.AddDays(-1)));
        var sealedBallots = 0;
        await using (var db = newContext()) sealedBallots = await db.SealedBallots.CountAsync(b => votes.Contains(b.VoteId));
        var clock = Stopwatch.StartNew();
        foreach (var id in votes)
        {
            await using var db = newContext();
            var vote = await db.BudgetVotes.AsNoTracking().SingleAsync(v => v.Id == id);
            if (!await Results(db).OpenAsync(vote, CancellationToken.None)) throw new InvalidOperationException("The bench's ballot key is not the app instances' one.");
        }
        return new { SealedBallots = sealedBallots, OpenAllSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1), BallotsOpenedPerSecond = Math.Round(sealedBallots / clock.Elapsed.TotalSeconds) };
    }

    private BudgetResults Results(PartneraDbContext db) =>
        new(db, new BallotKeyring(Environment.GetEnvironmentVariable("Budgeting__BallotKey"), Path.Combine(contentRoot, "App_Data/ballot.key")), TimeProvider.System);

    /// <summary>Counts every community's opened ballots (in this process, as the page does) and publishes and reads the largest one's result.</summary>
    private async Task<object> ResultsAsync(List<Guid> votes, Nginx nginx)
    {
        var count = await Load.TimeAsync(votes.Count, async i =>
        {
            await using var db = newContext();
            var vote = await db.BudgetVotes.AsNoTracking().SingleAsync(v => v.Id == votes[i % votes.Count]);
            await Results(db).CountAsync(vote, CancellationToken.None);
        });
        var largest = await Load.TimeAsync(20, async _ =>
        {
            await using var db = newContext();
            var vote = await db.BudgetVotes.AsNoTracking().SingleAsync(v => v.Id == votes[0]);
            await Results(db).CountAsync(vote, CancellationToken.None);
        });
        bool matches;
        await using (var db = newContext())
        {
            var vote = await db.BudgetVotes.SingleAsync(v => v.Id == votes[0]);
            await Results(db).PublishAsync(vote, "bench", CancellationToken.None);
            matches = (await Results(db).VerifyAsync(vote, CancellationToken.None)).Matches;
        }
        using var client = new HttpClient { BaseAddress = new Uri(nginx.BaseUrl) };
        var api = await Load.TimeAsync(50, async _ => (await client.GetAsync($"/api/v1/budget-votes/{votes[0]}/results")).EnsureSuccessStatusCode());
        var page = await client.GetStringAsync($"/Planning/Budgeting/Vote/{votes[0]}");
        var publicPage = await Load.TimeAsync(50, async _ => (await client.GetAsync($"/Planning/Budgeting/Vote/{votes[0]}")).EnsureSuccessStatusCode());
        return new { CountEachCommunity = count, CountLargestCommunity = largest, RecountMatchesPublished = matches, ResultsApi = api, PublicPage = publicPage, PublicPageKb = Math.Round(page.Length / 1024.0, 1) };
    }

    /// <summary>A vote with five feasible projects in each community of one region, voting open today; earlier runs' votes and voters removed.</summary>
    private async Task<(List<Guid> Votes, Dictionary<Guid, Guid[]> Projects)> SetUpAsync()
    {
        await using var db = newContext();
        await db.BudgetVotes.Where(v => v.Year == Year).ExecuteDeleteAsync();
        await db.Users.Where(u => u.Email!.EndsWith("@voter.bench")).ExecuteDeleteAsync();
        var region = await db.Territories.Where(t => t.Level == TerritoryLevel.Region).OrderBy(t => t.Code).Select(t => t.Id).FirstAsync();
        var communities = await db.Territories.Where(t => t.Level == TerritoryLevel.Community && t.Parent!.ParentId == region)
            .OrderByDescending(t => t.Population).Select(t => t.Id).ToListAsync();
        var owner = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var author = await AuthorAsync(db);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var projects = new Dictionary<Guid, Guid[]>();
        var votes = new List<Guid>();
        foreach (var community in communities)
        {
            var vote = new BudgetVote
            {
                TerritoryId = community,
                OwnerId = owner,
                Year = Year,
                Envelope = 3_000_000,
                MinimumAge = 16,
                MaxChoices = 3,
                Announced = true,
                ProposalsOpen = today.AddDays(-60),
                ProposalsClose = today.AddDays(-30),
                VotingOpen = today.AddDays(-2),
                VotingClose = today.AddDays(2),
            };
            var list = Enumerable.Range(1, ProjectsPerCommunity).Select(n => new BudgetProject
            {
                VoteId = vote.Id,
                AuthorId = author,
                AuthorName = "Bench",
                Title = $"Project {n}",
                Description = "Generated",
                Cost = 400_000 * n,
                CostBreakdown = "Generated",
                SubmittedAt = DateTime.UtcNow.AddDays(-40),
                Feasibility = Feasibility.Feasible,
                FeasibilityReason = "Generated",
            }).ToList();
            db.BudgetVotes.Add(vote);
            db.BudgetProjects.AddRange(list);
            votes.Add(vote.Id);
            projects[vote.Id] = list.Select(p => p.Id).ToArray();
        }
        await db.SaveChangesAsync();
        return (votes, projects);
    }

    private static async Task<Guid> AuthorAsync(PartneraDbContext db)
    {
        var author = new Partnera.Features.Accounts.PartneraUser { UserName = "author@voter.bench", Email = "author@voter.bench", EmailConfirmed = true, DisplayName = "Bench", SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(author);
        await db.SaveChangesAsync();
        return author.Id;
    }

    /// <summary>Residents with a confirmed e-mail address, written by COPY.</summary>
    private async Task<Guid[]> VotersAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await using var source = NpgsqlDataSource.Create(connection);
        await using var conn = await source.OpenConnectionAsync();
        await using (var writer = await conn.BeginBinaryImportAsync("""
            COPY "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
              "DisplayName", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var email = $"voter{i}@voter.bench";
                await writer.StartRowAsync();
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(email, NpgsqlDbType.Text);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Text);
                await writer.WriteAsync(email, NpgsqlDbType.Text);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Text);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync($"Voter {i}", NpgsqlDbType.Text);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        return ids;
    }
}
