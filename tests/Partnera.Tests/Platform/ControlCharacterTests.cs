using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>A NUL or another control character in a form or a JSON body is dropped, never a server error (PostgreSQL refuses NUL in text).</summary>
public sealed class ControlCharacterTests(TestApps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_nul_in_a_form_field_or_a_json_string_is_removed_before_it_reaches_the_database(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("en");
        await client.SignInAsync("specialist@partnera.demo");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var saved = await client.SubmitAsync("/Organisations/Edit", new Dictionary<string, string[]>
        {
            ["Input.Name"] = [$"Page\0 NGO\u0001 {tag}"],
            ["Input.Kind"] = ["Ngo"],
            ["Input.Email"] = ["page\0@example.org"],
        });
        // (The form reader itself turns a NUL in the body away as a bad request; anything bound is stripped.)
        Assert.True((int)saved.StatusCode < 500, $"{(int)saved.StatusCode}");
        var names = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name.Value.EndsWith(tag)).Select(o => o.Name.Value).ToListAsync());
        Assert.DoesNotContain(names, n => n.Contains('\0', StringComparison.Ordinal));
        // A mark that turns text round or hides in it is dropped too: the name shows as what it is.
        await client.SubmitAsync("/Organisations/Edit", new Dictionary<string, string[]> { ["Input.Name"] = [$"Marked\u202E NGO\u200B {tag}"], ["Input.Kind"] = ["Ngo"] });
        Assert.True(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name.Value == $"Marked NGO {tag}")));

        var created = await client.PostAsJsonAsync("/api/v1/organisations", new { name = $"Api\0 NGO {tag}", kind = "Ngo", address = "Street\0 1\tSide" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name.Value == $"Api NGO {tag}")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_null_list_in_a_json_body_is_a_bad_request(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.Browser("en");
        await client.SignInAsync("specialist@partnera.demo");
        foreach (var list in new[] { "servedTerritoryIds", "socialLinks", "workingHours" })
        {
            var body = new StringContent($$"""{ "name": "Null NGO", "kind": "Ngo", "{{list}}": null }""", System.Text.Encoding.UTF8, "application/json");
            var response = await client.PostAsync("/api/v1/organisations", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
