using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnera.Data;
using Partnera.Features.Planning.Budgeting;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Text;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

public sealed class BudgetTests(TestApps apps)
{
    // Kyiv is UTC+3 in April (summer time): a day there starts at 21:00 UTC the day before.
    private static readonly DateTimeOffset ProposalsTime = new(2031, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EveOfVoting = new(2031, 4, 9, 20, 30, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset FirstMinutesOfVoting = new(2031, 4, 9, 21, 30, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset AfterVoting = new(2031, 4, 20, 21, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Results_fit_the_envelope_in_order_of_votes_as_worked_out_by_hand()
    {
        // Envelope 1 000 000. A (600 000, 50 votes) is funded, leaving 400 000; B (500 000, 40) no longer fits and is
        // passed over; D and C tie on 30 votes and the cheaper D comes first (100 000, leaving 300 000), then C takes
        // the last 300 000; E has no votes and is never funded.
        var at = new DateTime(2031, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        BudgetProject P(string title, decimal cost) => new() { Title = title, Cost = cost, SubmittedAt = at };
        var (a, b, c, d, e) = (P("A", 600_000), P("B", 500_000), P("C", 300_000), P("D", 100_000), P("E", 200_000));
        var lines = BudgetResults.Allocate(1_000_000, [(e, 0), (c, 30), (b, 40), (d, 30), (a, 50)]);
        Assert.Equal(["A", "B", "D", "C", "E"], lines.Select(l => l.Title));
        Assert.Equal([true, false, true, true, false], lines.Select(l => l.Funded));
        Assert.Equal([400_000m, 400_000m, 300_000m, 0m, 0m], lines.Select(l => l.LeftAfter));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Proposals_feasibility_ballots_and_results_follow_the_rules_and_dates_of_the_community(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(ProposalsTime);
        await using var app = await apps.NewAppAsync(provider, time: clock);
        var (voteId, otherVoteId) = await VotesAsync(app);
        var page = $"/Planning/Budgeting/Vote/{voteId}";
        var propose = $"/Planning/Budgeting/Propose/{voteId}";

        // Proposals: costed, within the envelope.
        var (author, authorEmail, _) = await app.NewResidentAsync("Olena Bondar");
        var tooDear = await author.SubmitAsync(propose, new Dictionary<string, string[]>
        { ["Input.Title"] = ["Bridge"], ["Input.Description"] = ["A new bridge"], ["Input.Cost"] = ["5 000 000"], ["Input.CostBreakdown"] = ["Steel"] }, "#project-form");
        Assert.Contains("The cost is more than the whole envelope.", Pages.Parse(await tooDear.TextAsync()).FieldErrors());
        foreach (var (title, cost) in new[] { ("Ramp", "600 000"), ("Day centre", "500 000"), ("Youth room", "300 000"), ("Stadium", "900 000") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(propose, new Dictionary<string, string[]>
            { ["Input.Title"] = [title], ["Input.Description"] = [title + " for the community"], ["Input.Cost"] = [cost], ["Input.CostBreakdown"] = ["Works and equipment"] }, "#project-form")).StatusCode);
        }
        var projects = await app.WithDbAsync(db => db.BudgetProjects.Where(p => p.VoteId == voteId).ToDictionaryAsync(p => p.Title, p => p.Id));
        Assert.Equal(600_000m, await app.WithDbAsync(db => db.BudgetProjects.Where(p => p.Title == "Ramp").Select(p => p.Cost).SingleAsync()));

        // Feasibility: decided by the authority with a published reason; the author is told.
        var specialist = await SpecialistAsync(app);
        var review = $"/Planning/Budgeting/Review/{voteId}";
        var noReason = await specialist.SubmitAsync(review, new Dictionary<string, string[]> { ["decision"] = ["Feasible"], ["reason"] = [""] }, $"#project-{projects["Ramp"]} .check-form");
        Assert.Contains("Give the reason: it is published with the decision.", Pages.Parse(await noReason.TextAsync()).FieldErrors());
        foreach (var (title, decision) in new[] { ("Ramp", "Feasible"), ("Day centre", "Feasible"), ("Youth room", "Feasible"), ("Stadium", "NotFeasible") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(review, new Dictionary<string, string[]>
            { ["decision"] = [decision], ["reason"] = [$"Checked: {title}"] }, $"#project-{projects[title]} .check-form")).StatusCode);
        }
        Assert.Contains(app.Emails.Sent, m => m.To == authorEmail && m.Body.Contains("Checked: Stadium"));

        // Ballots: not before voting opens where the community is, even when it is already that day in UTC+0's evening.
        clock.SetUtcNow(EveOfVoting);
        var (voter, _, _) = await app.NewResidentAsync("Petro Kovalenko");
        var anonymousPage = await app.Browser("en").GetPageAsync(page);
        Assert.Null(anonymousPage.QuerySelector("#ballot-form"));
        Assert.Contains("Voting is open from", await (await Cast(voter, voteId, projects["Ramp"])).Content.ReadAsStringAsync());
        clock.SetUtcNow(FirstMinutesOfVoting);

        // Every problem of a ballot at once, on the page.
        var bad = await voter.SubmitAsync(page, new Dictionary<string, string[]>
        { ["ballot.ProjectIds"] = [], ["ballot.BirthDate"] = ["2020-01-01"] }, "#ballot-form");
        var errors = Pages.Parse(await bad.TextAsync()).FieldErrors();
        Assert.Contains("Choose at least one project.", errors);
        Assert.Contains("Voters must be at least 18 years old.", errors);
        Assert.Contains("Only residents of the community may vote: tick the declaration.", errors);
        var tooMany = await Cast(voter, voteId, projects["Ramp"], projects["Day centre"], projects["Youth room"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("A ballot may support at most 2 projects.", await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("is not on this ballot", await (await Cast(voter, voteId, projects["Stadium"])).Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.VoterRecords.CountAsync(r => r.VoteId == voteId)));

        // One ballot per voter, even when five arrive at once; nor a second one in another community that year.
        var at0nce = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Cast(voter, voteId, projects["Ramp"], projects["Day centre"])));
        Assert.Single(at0nce, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(at0nce.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("each person votes once", await at0nce.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await Cast(voter, otherVoteId, projects["Ramp"])).StatusCode);
        Assert.Equal((1, 1, 0), await app.WithDbAsync(async db => (await db.VoterRecords.CountAsync(r => r.Year == 2031), await db.SealedBallots.CountAsync(), await db.Ballots.CountAsync())));
        Assert.NotNull((await voter.GetPageAsync(page)).QuerySelector("#voted"));

        // Three more voters, through the ballot page as a browser sends it: Ramp 3, Day centre 2, Youth room 1.
        foreach (var choice in new[] { new[] { "Ramp", "Youth room" }, ["Day centre"], ["Ramp"] })
        {
            var (someone, _, _) = await app.NewResidentAsync("Voter");
            Assert.Equal(HttpStatusCode.Redirect, (await someone.SubmitAsync(page, new Dictionary<string, string[]>
            { ["ballot.ProjectIds"] = [.. choice.Select(c => projects[c].ToString())], ["ballot.BirthDate"] = ["1990-06-01"], ["ballot.LivesHere"] = ["true"] }, "#ballot-form")).StatusCode);
        }

        // The count stays closed while voting runs, and ballots are refused once it has closed there.
        specialist = await SpecialistAsync(app); // weeks later: signed in again
        Assert.Null((await specialist.GetPageAsync(review)).QuerySelector("#results-table"));
        clock.SetUtcNow(AfterVoting);
        var (late, _, _) = await app.NewResidentAsync("Late Voter");
        Assert.Contains("ballots are no longer taken", await (await Cast(late, voteId, projects["Ramp"])).Content.ReadAsStringAsync());

        specialist = await SpecialistAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(review, new Dictionary<string, string[]>(), "form[action*=Open]")).StatusCode);
        Assert.Equal(["3", "2", "1"], (await specialist.GetPageAsync(review)).QuerySelectorAll("#results-table tbody tr .votes").Select(c => c.TextContent));

        // Results, hand-checked: envelope 1 000 000; Ramp (600 000, 3 votes) funded, Day centre (500 000, 2) no longer
        // fits, Youth room (300 000, 1) funded; published, recounted, and every voter told.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.SubmitAsync(review, new Dictionary<string, string[]>(), "form[action*=Publish]")).StatusCode);
        var results = await app.Browser("en").GetFromJsonAsync<List<BudgetApi.ResultDto>>($"/api/v1/budget-votes/{voteId}/results");
        Assert.Equal([("Ramp", 3, true), ("Day centre", 2, false), ("Youth room", 1, true)], results!.Select(r => (r.Title, r.Votes, r.Funded)));
        var publicPage = await app.Browser("en").GetPageAsync(page);
        var publicResults = publicPage.QuerySelectorAll("#results-table tbody tr").Select(r => r.QuerySelector(".funded")!.TextContent);
        Assert.Equal(["yes", "no", "yes"], publicResults);
        // The tally as a chart on this page (the chart library loaded here), the table kept as the same figures in words;
        // amounts in the country's currency (a community with no country: Ukraine's, the default).
        Assert.NotNull(publicPage.QuerySelector("canvas#budget-chart[role=img][aria-label]"));
        Assert.Contains(publicPage.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/lib/chart.js/", StringComparison.Ordinal));
        using (var chart = System.Text.Json.JsonDocument.Parse(publicPage.QuerySelector("#budget-chart-data")!.TextContent))
        {
            Assert.Equal([3, 2, 1], chart.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
            // Funded projects drawn in green.
            Assert.Equal(["#198754", "#6c757d", "#198754"], chart.RootElement.GetProperty("colors").EnumerateArray().Select(v => v.GetString()));
        }
        Assert.Contains("900,000 UAH of the envelope of 1,000,000 UAH", publicPage.QuerySelector("#results-summary")!.TextContent);
        Assert.Equal("1,000,000 UAH", publicPage.QuerySelector("#budget-rules dd")!.TextContent);
        Assert.Equal("100,000 UAH", publicPage.QuerySelector("#results-table tbody tr:last-child td:last-child")!.TextContent);
        var verified = await specialist.GetPageAsync($"{review}?verify=true");
        Assert.Equal("Recount matches the published result: 4 ballots, 4 voters.", verified.QuerySelector("#verification")!.TextContent);
        Assert.Equal(5, app.Emails.Sent.Count(m => m.Subject.StartsWith("Results of the participatory budget", StringComparison.Ordinal)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Who_voted_is_kept_apart_from_what_was_chosen(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await app.WithDbAsync(db =>
        {
            Assert.Equal(["Id", "VoteId"], db.Model.FindEntityType(typeof(Ballot))!.GetProperties().Select(p => p.Name).Order());
            Assert.Equal(["BallotId", "ProjectId"], db.Model.FindEntityType(typeof(BallotChoice))!.GetProperties().Select(p => p.Name).Order());
            Assert.DoesNotContain(db.Model.FindEntityType(typeof(VoterRecord))!.GetProperties(), p => p.Name.Contains("Ballot", StringComparison.Ordinal) || p.Name.Contains("Project", StringComparison.Ordinal));
            return Task.FromResult(0);
        });
        // A ballot's key is random, not time-ordered like other keys, so the order of ballots says nothing about voters.
        Assert.Equal(4, new Ballot().Id.Version);
    }

    internal static async Task<HttpClient> SpecialistAsync(PartneraApp app)
    {
        var specialist = app.Browser("en");
        await specialist.SignInAsync("specialist@partnera.demo");
        return specialist;
    }

    internal static Task<HttpResponseMessage> Cast(HttpClient voter, Guid vote, params Guid[] projects) =>
        voter.PostAsJsonAsync($"/api/v1/budget-votes/{vote}/ballots", new { projectIds = projects, birthDate = "1985-02-03", livesHere = true });

    internal static async Task<(Guid Vote, Guid Other)> VotesAsync(PartneraApp app) => await app.WithDbAsync(async db =>
    {
        var owner = await db.Memberships.Where(m => m.User!.Email == "specialist@partnera.demo").Select(m => m.OrganisationId).FirstAsync();
        BudgetVote Vote(string name)
        {
            var place = new Territory { Level = TerritoryLevel.Community, Name = new MultilingualText(name), TimeZone = "Europe/Kyiv" };
            db.Territories.Add(place);
            return new BudgetVote
            {
                TerritoryId = place.Id,
                OwnerId = owner,
                Year = 2031,
                Envelope = 1_000_000,
                MinimumAge = 18,
                MaxChoices = 2,
                Announced = true,
                ProposalsOpen = new(2031, 3, 1),
                ProposalsClose = new(2031, 3, 31),
                VotingOpen = new(2031, 4, 10),
                VotingClose = new(2031, 4, 20),
            };
        }
        var (vote, other) = (Vote("Budgetville"), Vote("Othertown"));
        db.BudgetVotes.AddRange(vote, other);
        await db.SaveChangesAsync();
        return (vote.Id, other.Id);
    });
}
