using Microsoft.Playwright;

namespace Partnera.BrowserTests;

public sealed class PlanningTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resident_comments_on_a_draft_plan_in_Ukrainian_the_specialist_answers_and_the_resident_sees_the_answer()
    {
        var resident = await fixture.NewPageAsync("uk-UA");
        await Screenshots.OnFailureAsync(resident, nameof(A_resident_comments_on_a_draft_plan_in_Ukrainian_the_specialist_answers_and_the_resident_sees_the_answer), async () =>
        {
            // The demo Bakhmut plan is in public consultation through the year it was seeded.
            var specialist = await fixture.NewPageAsync("uk-UA");
            await BrowserFixture.SignInAsync(specialist, "specialist@partnera.demo");
            await specialist.GotoAsync("/Planning");
            await specialist.Locator("#plans a", new() { HasTextString = "Бахмутської" }).ClickAsync();
            await Assertions.Expect(specialist.Locator("#plan-public")).ToBeVisibleAsync();
            var publicPage = await specialist.Locator("#plan-public").GetAttributeAsync("href");

            await BrowserFixture.SignInAsync(resident, "resident@partnera.demo");
            await resident.GotoAsync(publicPage!);
            var text = "Прошу додати виїзди мобільної бригади до сіл громади " + Guid.NewGuid().ToString("N")[..6];
            await resident.Locator("#Comment_Kind").SelectOptionAsync("Change");
            await resident.Locator("#Comment_Text").FillAsync(text);
            await resident.Locator("#comment-form button[type=submit]").ClickAsync();
            await Assertions.Expect(resident.Locator("#comment-form [data-valmsg-for='Comment.Reason']")).ToContainTextAsync("Обґрунтуйте");
            await resident.Locator("#Comment_Reason").FillAsync("У селах немає транспорту до центру громади");
            await resident.Locator("#comment-form button[type=submit]").ClickAsync();
            var mine = resident.Locator("#comment-list .comment", new() { HasTextString = text });
            await Assertions.Expect(mine).ToContainTextAsync("Марія Петренко");

            await specialist.Locator("#plan-answers").ClickAsync();
            var card = specialist.Locator(".comment", new() { HasTextString = text });
            await card.Locator("select[name=Decision]").SelectOptionAsync("PartlyAccepted");
            await card.Locator("input[name=Answer]").FillAsync("Виїзди до трьох сіл додано у 2027 році");
            await card.Locator(".answer-form button[type=submit]").ClickAsync();
            await Assertions.Expect(specialist.Locator(".comment", new() { HasTextString = text }).Locator("input[name=Answer]")).ToHaveValueAsync("Виїзди до трьох сіл додано у 2027 році");

            await resident.ReloadAsync();
            await Assertions.Expect(mine.Locator(".answer")).ToContainTextAsync("Враховано частково");
            await Assertions.Expect(mine.Locator(".answer")).ToContainTextAsync("Виїзди до трьох сіл додано у 2027 році");
            // The consultation's tally is drawn as bars above the comments (the summary says the same in words).
            await Assertions.Expect(resident.Locator(".tally-chart-drawn #consultation-chart")).ToBeVisibleAsync();
            Assert.True((await resident.Locator("#consultation-chart").BoundingBoxAsync())!.Height > 100);
        });
    }
}
