using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Partnera.Data;
using Partnera.Features.Planning.Budgeting;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Features.Planning;

/// <summary>
/// The list of budgets says where each stands by the same rule as its own page, and while voting is open staff see the
/// turnout (how many have voted) but no project's votes; the public sees neither.
/// </summary>
public sealed class BudgetStatusTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_list_and_the_page_agree_on_the_phase_and_staff_see_the_turnout_but_no_count_during_the_vote(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 15, 10, 0, 0, TimeSpan.Zero));
        await using var app = await apps.NewAppAsync(provider, time: clock);
        var (voteId, otherId) = await BudgetTests.VotesAsync(app);
        var (_, _, authorId) = await app.NewResidentAsync("Olena Bondar");
        var (ramp, centre) = await app.WithDbAsync(async db =>
        {
            BudgetProject Project(string title) => new()
            {
                VoteId = voteId,
                AuthorId = authorId,
                AuthorName = "Olena",
                Title = title,
                Description = title,
                Cost = 100_000,
                CostBreakdown = "Works",
                SubmittedAt = new DateTime(2031, 3, 2, 0, 0, 0, DateTimeKind.Utc),
                Feasibility = Feasibility.Feasible,
                FeasibilityReason = "Checked",
            };
            var (a, b) = (Project("Ramp"), Project("Day centre"));
            db.BudgetProjects.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        // During proposals, and again during the vote (the evening before in UTC is already voting day in Kyiv).
        foreach (var (now, phase) in new[] { (clock.GetUtcNow(), "Taking project proposals"), (BudgetTests.FirstMinutesOfVoting, "Voting open") })
        {
            clock.SetUtcNow(now);
            var staff = await BudgetTests.SpecialistAsync(app);
            var list = await staff.GetPageAsync("/Planning/Budgeting");
            foreach (var id in new[] { voteId, otherId })
            {
                var item = list.QuerySelectorAll("#budgets li").Single(li => li.QuerySelector($"a[href='/Planning/Budgeting/Review/{id}']") is not null);
                var onPage = (await staff.GetPageAsync($"/Planning/Budgeting/Review/{id}")).QuerySelector("#budget-phase strong")!.TextContent.Trim();
                Assert.Equal(onPage, item.QuerySelector(".budget-phase")!.TextContent.Trim());
                Assert.Equal(phase, onPage);
            }
        }

        // Two ballots: staff see "2" and nothing per project; the public page shows no turnout.
        foreach (var choice in new[] { new[] { ramp }, [ramp, centre] })
        {
            var (voter, _, _) = await app.NewResidentAsync("Voter");
            Assert.Equal(HttpStatusCode.Created, (await BudgetTests.Cast(voter, voteId, choice)).StatusCode);
        }
        var specialist = await BudgetTests.SpecialistAsync(app);
        var review = await specialist.GetPageAsync($"/Planning/Budgeting/Review/{voteId}");
        Assert.StartsWith("Ballots cast so far: 2", review.QuerySelector("#turnout")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(review.QuerySelector("#results-table"));
        Assert.Empty(review.QuerySelectorAll(".votes"));
        var publicPage = await app.Browser("en").GetPageAsync($"/Planning/Budgeting/Vote/{voteId}");
        Assert.Null(publicPage.QuerySelector("#turnout"));
        Assert.DoesNotContain("Ballots cast so far", publicPage.DocumentElement.TextContent, StringComparison.Ordinal);
        // The other community's vote has no ballots yet.
        Assert.StartsWith("Ballots cast so far: 0", (await specialist.GetPageAsync($"/Planning/Budgeting/Review/{otherId}")).QuerySelector("#turnout")!.TextContent.Trim(), StringComparison.Ordinal);

        // Localised: in Ukrainian the list and the page say the same.
        var uk = app.Browser("uk");
        await uk.SignInAsync("specialist@partnera.demo");
        var ukItem = (await uk.GetPageAsync("/Planning/Budgeting")).QuerySelectorAll("#budgets li").Single(li => li.QuerySelector($"a[href='/Planning/Budgeting/Review/{voteId}']") is not null);
        var ukReview = await uk.GetPageAsync($"/Planning/Budgeting/Review/{voteId}");
        Assert.Equal(ukReview.QuerySelector("#budget-phase strong")!.TextContent.Trim(), ukItem.QuerySelector(".budget-phase")!.TextContent.Trim());
        Assert.StartsWith("Бюлетенів подано досі: 2", ukReview.QuerySelector("#turnout")!.TextContent.Trim(), StringComparison.Ordinal);

        // After the close the turnout line gives way to the count.
        clock.SetUtcNow(BudgetTests.AfterVoting);
        specialist = await BudgetTests.SpecialistAsync(app);
        Assert.Null((await specialist.GetPageAsync($"/Planning/Budgeting/Review/{voteId}")).QuerySelector("#turnout"));
    }
}
