using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>Stylesheets and scripts travel compressed, under fingerprinted names a browser keeps for a year.</summary>
public sealed partial class StaticAssetTests(TestApps apps)
{
    [Fact]
    public async Task The_home_page_links_fingerprinted_files_sent_compressed_and_cached_for_a_year()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var page = await app.Browser().GetPageAsync("/");
        var links = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        Assert.Contains(links, l => l.StartsWith("/lib/bootstrap/bootstrap.min.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/lib/htmx/htmx.min.", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/css/site.", StringComparison.Ordinal));
        foreach (var link in links) Assert.Matches(Fingerprinted(), link);

        foreach (var link in links)
        {
            using var plainRequest = new HttpRequestMessage(HttpMethod.Get, link);
            var plain = await app.Browser().SendAsync(plainRequest);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var original = await plain.Content.ReadAsByteArrayAsync();

            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            var response = await app.Browser().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
            var sent = await response.Content.ReadAsByteArrayAsync();
            Assert.True(sent.Length < original.Length, $"{link}: {sent.Length} bytes sent, {original.Length} bytes of file");
            Assert.Equal(original, Decompress(sent, encoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);

            var cache = response.Headers.CacheControl!;
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        }
    }

    [Fact]
    public async Task A_page_without_a_chart_does_not_load_the_chart_library()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        foreach (var url in new[] { "/", "/Organisations", "/Directory" })
        {
            var page = await app.Browser().GetPageAsync(url);
            Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("chart", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Stylesheets_are_served_before_sign_in_and_unknown_files_are_not_found()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/css/no-such-file.css")).StatusCode);
    }

    private static byte[] Decompress(byte[] sent, string encoding)
    {
        using var input = new MemoryStream(sent);
        using Stream stream = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected encoding {encoding}"),
        };
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    // e.g. /lib/bootstrap/bootstrap.min.026e6kk7rh.css: the name carries a hash of the content.
    [GeneratedRegex(@"^/[\w./-]+\.[a-z0-9]{10}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}
