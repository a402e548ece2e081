using Partnera.Features.Directory.Search;
using Partnera.Infrastructure.Text;

namespace Partnera.Tests.Features.Directory;

/// <summary>What a typed query may cost, and what an imported address may become.</summary>
public sealed class FinderBoundsTests
{
    [Fact]
    public void A_query_is_looked_up_in_at_most_six_words_of_at_most_forty_letters()
    {
        // Each word is looked up with each of its letters left out: a 5,000-letter word would cost the database 5,000 keys.
        var one = ServiceFinder.QueryWords(string.Concat(Enumerable.Repeat("protectie", 600)));
        Assert.Equal(ServiceFinder.MaxWordLength, Assert.Single(one).Length);
        var many = ServiceFinder.QueryWords(string.Join(' ', Enumerable.Range(0, 1_000).Select(i => "слово" + (char)('а' + i % 20))));
        Assert.Equal(ServiceFinder.MaxWords, many.Count);
        Assert.Equal(2, ServiceFinder.QueryWords("психолог Бахмут").Count);
    }

    [Theory]
    [InlineData("https://redcross.org.ua/", "https://redcross.org.ua/")]
    [InlineData(" http://example.md/contacts ", "http://example.md/contacts")]
    [InlineData("javascript:alert(document.domain)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("redcross.org.ua", null)]
    [InlineData(null, null)]
    public void Only_http_and_https_addresses_become_links(string? typed, string? link) => Assert.Equal(link, WebLink.Safe(typed));
}
