using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Partnera.Tests.Features.Directory;

/// <summary>
/// The official Open Referral HSDS 3.0 schemas (CC BY-SA 4.0), read from shared/hsds-3.0 beside the repository.
/// The taxonomy and taxonomy term schemas are not shipped compiled on their own, so they are taken from
/// where service.json nests them.
/// </summary>
public static class HsdsSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new();

    public static string Folder { get; } = FindFolder();

    public static Task<JsonSchema> File(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(Path.Combine(Folder, n)))).Value;

    /// <summary>A schema nested in a file, e.g. ("service.json", "attributes", "taxonomy_term").</summary>
    public static Task<JsonSchema> Nested(string file, params string[] path) =>
        Cache.GetOrAdd($"{file}#{string.Join('/', path)}", _ => new Lazy<Task<JsonSchema>>(async () =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(Folder, file)))!;
            foreach (var step in path)
            {
                node = node["properties"]![step]!;
                if (node["type"]?.GetValue<string>() == "array") node = node["items"]!;
            }
            return await JsonSchema.FromJsonAsync(node.ToJsonString());
        })).Value;

    /// <summary>The Page object of the HSDS OpenAPI description.</summary>
    public static Task<JsonSchema> Page() =>
        Cache.GetOrAdd("openapi#Page", _ => new Lazy<Task<JsonSchema>>(async () =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(Folder, "openapi.json")))!;
            var page = node["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
            page["required"] = new System.Text.Json.Nodes.JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty");
            return await JsonSchema.FromJsonAsync(page.ToJsonString());
        })).Value;

    public static void AssertValid(JsonSchema schema, string json, string what)
    {
        ICollection<ValidationError> errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what} does not validate: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json[..Math.Min(json.Length, 1500)]}");
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "hsds-3.0");
            if (System.IO.File.Exists(Path.Combine(candidate, "service.json"))) return candidate;
        }
        throw new InvalidOperationException("shared/hsds-3.0 (the official HSDS schemas) was not found beside the repository.");
    }
}
