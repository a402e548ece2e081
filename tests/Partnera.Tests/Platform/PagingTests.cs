using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed class PagingTests(TestApps apps)
{
    // Once, every HTML list bound its page number from the route value "page" (the Razor Page's own name) and showed
    // page 1 whatever the link said.
    [Fact]
    public async Task The_second_page_of_a_public_list_shows_other_items()
    {
        const string list = "/Organisations";
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var visitor = app.Browser("en");
        var first = await visitor.GetPageAsync(list);
        var next = first.QuerySelectorAll("main a[href*='page=2']").FirstOrDefault();
        Assert.NotNull(next);
        var second = await visitor.GetPageAsync(next.GetAttribute("href")!);
        Assert.NotEqual(first.QuerySelector("main")!.TextContent, second.QuerySelector("main")!.TextContent);
    }
}
