using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>
/// While PostgreSQL restarts, a request gets "unavailable, try again in a few seconds" (503 with Retry-After), a page or a
/// problem, never a server error; what was saved before is there after, and the app works again without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_database_restart_answers_503_with_retry_after_and_loses_nothing_saved_before()
    {
        // A cluster of its own: stopping the shared one would fail every other test running now.
        await using var server = await PostgresServer.StartAsync();
        await using var app = new PartneraApp(DatabaseProvider.Postgres, server.ConnectionString("partnera_outage"));
        var client = app.Browser();
        await client.SignInAsync("specialist@partnera.demo");
        var tag = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/organisations", new { name = $"Before {tag}", kind = "Ngo" })).StatusCode);

        await server.StopAsync();
        try
        {
            var api = await client.PostAsJsonAsync("/api/v1/organisations", new { name = $"During {tag}", kind = "Ngo" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);
            var page = await client.GetAsync("/Organisations");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        }
        finally { await server.StartAgainAsync(); }

        // Pooled connections died with the server: the first tries may still be refused, never with a server error.
        HttpResponseMessage after = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            after = await client.PostAsJsonAsync("/api/v1/organisations", new { name = $"After {tag}", kind = "Ngo" });
            Assert.True(after.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{(int)after.StatusCode}");
            if (after.StatusCode == HttpStatusCode.Created) break;
        }
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var names = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name.Value.EndsWith(tag)).Select(o => o.Name.Value).ToListAsync());
        Assert.Equal([$"After {tag}", $"Before {tag}"], names.Order());
    }
}
