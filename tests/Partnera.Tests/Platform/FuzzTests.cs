using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

/// <summary>
/// Sends every form and every JSON endpoint, found from the app's own routing (not a hand list), values no person should
/// send: NUL characters, null lists, huge texts, numbers past their type, values of the wrong type, broken JSON. Whatever
/// arrives, the answer is a page or a problem, never a server error. Each form is posted as an administrator, a provider's
/// worker, a resident and someone not signed in, to real records found by probing the routes with the database's ids.
/// </summary>
public sealed class FuzzTests(TestApps apps)
{
    private enum Mode { Nul, NullLists, Huge, WrongType, Extremes, Empty }

    private const int HugeLength = 50_000;

    /// <summary>Handlers that end the fuzzer's own session: the rest of its walk would be as someone signed out.</summary>
    private static readonly string[] EndsSession = ["Logout", "SignOutEverywhere"];

    [Theory, ClassData(typeof(Databases))]
    public async Task Hostile_values_in_every_form_and_json_endpoint_never_cause_a_server_error(DatabaseProvider provider)
    {
        // Its own app: the walk changes and removes whatever the forms let it.
        var app = await apps.NewAppAsync(provider, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "100000" });
        var council = await app.WithDbAsync(db => db.Memberships.Where(m => m.User!.Email == "admin@partnera.demo").Select(m => m.OrganisationId).FirstAsync());
        var centre = await app.WithDbAsync(db => db.Memberships.Where(m => m.User!.Email == "provider@partnera.demo").Select(m => m.OrganisationId).FirstAsync());
        var (administrator, _, administratorId) = await app.NewStaffAsync(council, Role.Administrator);
        var (worker, _, workerId) = await app.NewStaffAsync(centre, Role.ProviderStaff);
        var (resident, _, residentId) = await app.NewResidentAsync("Fuzzer");
        var clients = new (string Who, HttpClient Client, Guid? Self)[] { ("an administrator", administrator, administratorId), ("a provider's worker", worker, workerId), ("a resident", resident, residentId), ("someone not signed in", app.Browser("en"), null) };
        var ids = await IdsAsync(app);
        var targets = Targets(app);
        Assert.True(targets.Count(t => t.Form && t.Fields.Count > 0) > 60, $"only {targets.Count(t => t.Form && t.Fields.Count > 0)} form handlers found");
        Assert.True(targets.Count(t => !t.Form) >= 7, $"only {targets.Count(t => !t.Form)} JSON endpoints found");

        var errors = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (c, ct) =>
        {
            var token = await TokenAsync(c.Client);
            var known = ids.Where(id => id.Id != c.Self).ToList();
            foreach (var target in targets)
            {
                var path = await ResolveAsync(c.Client, target, known, ct);
                foreach (var mode in target.Fields.Count == 0 && target.Body is null ? [Mode.Empty] : Enum.GetValues<Mode>())
                {
                    using var request = target.Form ? FormRequest(target, path, mode, token) : JsonRequest(target, path, mode);
                    using var response = await c.Client.SendAsync(request, ct);
                    Interlocked.Increment(ref sent);
                    if ((int)response.StatusCode >= 500) errors.Add($"{c.Who} {target.Method} {path} ({mode}): {(int)response.StatusCode}");
                }
                if (!target.Form)
                {
                    foreach (var body in BrokenBodies)
                    {
                        using var response = await c.Client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, ct);
                        if ((int)response.StatusCode >= 500) errors.Add($"{c.Who} {target.Method} {path} (body {body}): {(int)response.StatusCode}");
                    }
                }
            }
        });
        Assert.True(errors.IsEmpty, $"{errors.Count} server errors of {sent} requests:\n" + string.Join("\n", errors.OrderBy(e => e)));
    }

    private static readonly string[] BrokenBodies = ["", "null", "[]", "{", "\"text\"", "12", "{\"a\":" + new string('[', 200)];

    /// <param name="Fields">For a form: field name → the type bound to it.</param>
    private sealed record Target(string Pattern, RoutePattern Route, string Method, bool Form, string? Handler, IReadOnlyDictionary<string, Type> Fields, Type? Body);

    /// <summary>Every page handler that takes a POST, and every API endpoint that takes a body or changes something.</summary>
    private static List<Target> Targets(PartneraApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (Routes.Fill(pattern, Guid.Empty) is null) continue;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post" && !EndsSession.Contains(h.Name) && !page.ViewEnginePath.Contains("Logout", StringComparison.Ordinal)))
                {
                    var fields = new Dictionary<string, Type>();
                    foreach (var property in compiled.BoundProperties) Expand(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, fields, 0);
                    foreach (var parameter in handler.Parameters) Expand(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, fields, 0);
                    targets.Add(new Target(pattern.RawText ?? "", pattern, "POST", true, handler.Name, fields, null));
                }
                // What no handler answers: a page drawn without its data would be a server error.
                var none = new Dictionary<string, Type>();
                targets.Add(new Target(pattern.RawText ?? "", pattern, "POST", true, "NoSuchHandler", none, null));
                targets.Add(new Target(pattern.RawText ?? "", pattern, "GET", true, "NoSuchHandler", none, null));
                targets.Add(new Target(pattern.RawText ?? "", pattern, "TRACE", true, null, none, null));
                if (!compiled.HandlerMethods.Any(h => h.HttpMethod == "Post" && h.Name is null))
                    targets.Add(new Target(pattern.RawText ?? "", pattern, "POST", true, null, none, null));
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods.Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
                    targets.Add(new Target(pattern.RawText ?? "", pattern, method, false, null, new Dictionary<string, Type>(), endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType));
            }
        }
        return targets.OrderBy(t => t.Pattern).ThenBy(t => t.Handler).ToList();
    }

    /// <summary>The form field names a value of this type binds from: "Input.Name", "Input.Ids", "Input.Hours[0].Opens", "Input.Names[uk]".</summary>
    private static void Expand(string name, Type type, Dictionary<string, Type> fields, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || type == typeof(CancellationToken)) return;
        if (Simple(type) || depth > 2) { fields[name] = type; return; }
        if (Dictionary(type) is { } value) { Expand($"{name}[uk]", value, fields, depth + 1); return; }
        if (Element(type) is { } element)
        {
            if (Simple(Nullable.GetUnderlyingType(element) ?? element)) fields[name] = type;
            else Expand($"{name}[0]", element, fields, depth + 1);
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            Expand($"{name}.{property.Name}", property.PropertyType, fields, depth + 1);
    }

    private static bool Simple(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan);

    private static Type? Element(Type type) => type == typeof(string) ? null : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Dictionary(Type type) => type.GetInterfaces().Append(type)
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))?.GetGenericArguments()[1];

    private static HttpRequestMessage FormRequest(Target target, string path, Mode mode, string token)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (mode != Mode.Empty)
        {
            foreach (var (name, type) in target.Fields)
            {
                var element = Element(type) is { } e && type != typeof(string) ? e : null;
                var value = FormValue(Nullable.GetUnderlyingType(element ?? type) ?? element ?? type, mode);
                pairs.Add(new(name, value));
                if (element is not null) pairs.Add(new(name, value));
            }
        }
        var url = target.Handler is null ? path : $"{path}?handler={target.Handler}";
        var method = new HttpMethod(target.Method);
        return new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : new FormUrlEncodedContent(pairs) };
    }

    private static string FormValue(Type type, Mode mode) => mode switch
    {
        Mode.Nul => type == typeof(string) ? "a\0b\u0001c" : "1\0",
        Mode.Huge => new string('Ж', HugeLength),
        Mode.WrongType => type == typeof(string) ? "{\"not\":\"text\"}" : "not-a-" + type.Name,
        Mode.Extremes => Extreme(type),
        _ => "",
    };

    private static string Extreme(Type type) => type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "0001-01-01"
        : type == typeof(Guid) ? Guid.Empty.ToString() : type == typeof(bool) ? "maybe" : type.IsEnum ? "2147483647" : type == typeof(string) ? "=cmd|' /C calc'!A0" : "99999999999999999999999999";

    private static HttpRequestMessage JsonRequest(Target target, string path, Mode mode)
    {
        var json = mode == Mode.Empty ? new JsonObject() : target.Body is { } body ? JsonValueOf(body, mode, 0) : new JsonObject();
        return new HttpRequestMessage(new HttpMethod(target.Method), path) { Content = new StringContent(json?.ToJsonString() ?? "null", Encoding.UTF8, "application/json") };
    }

    private static JsonNode? JsonValueOf(Type type, Mode mode, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Simple(type)) return JsonSimple(type, mode);
        if (Dictionary(type) is { } value) return mode == Mode.NullLists ? null : new JsonObject { ["uk"] = JsonValueOf(value, mode, depth + 1) };
        if (Element(type) is { } element)
        {
            if (mode == Mode.NullLists) return null;
            if (mode == Mode.WrongType) return "not a list";
            // A long list of short items, or one item of a record: a long list of huge records would be the test's own memory.
            var list = new JsonArray();
            var (many, simple) = (mode == Mode.Huge && depth == 0, Simple(Nullable.GetUnderlyingType(element) ?? element));
            for (var i = 0; i < (many && simple ? 5_000 : 1); i++) list.Add(depth > 2 ? null : many && simple ? JsonSimple(element, Mode.Extremes) : JsonValueOf(element, mode, depth + 1));
            return list;
        }
        if (mode == Mode.WrongType) return 42;
        var item = new JsonObject();
        if (depth > 3) return item;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            item[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = JsonValueOf(property.PropertyType, mode, depth + 1);
        return item;
    }

    private static JsonNode? JsonSimple(Type type, Mode mode)
    {
        var number = type.IsPrimitive && type != typeof(bool) && type != typeof(char) || type == typeof(decimal);
        return mode switch
        {
            Mode.Nul => type == typeof(string) ? "a\0b\u0001c" : number ? JsonValue.Create(1) : type == typeof(bool) ? JsonValue.Create(true) : JsonValue.Create(Extreme(type) + "\0"),
            Mode.Huge => number ? JsonNode.Parse("1e308") : JsonValue.Create(new string('Ж', HugeLength)),
            Mode.WrongType => type == typeof(string) ? JsonValue.Create(12345) : JsonValue.Create("not-a-" + type.Name),
            Mode.Extremes => number ? JsonNode.Parse("99999999999999999999999999") : type == typeof(bool) ? JsonValue.Create("maybe") : JsonValue.Create(Extreme(type)),
            _ => type == typeof(string) ? JsonValue.Create("x") : null,
        };
    }

    /// <summary>A few ids of every table, to fill the routes' parameters with records that exist.</summary>
    private static async Task<List<(string Table, Guid Id)>> IdsAsync(PartneraApp app) => await app.WithDbAsync(async db =>
    {
        var ids = new List<(string, Guid)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey()?.Properties is [{ ClrType: var key }] && key == typeof(Guid)))
        {
            var column = entity.FindPrimaryKey()!.Properties[0].GetColumnName();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column}\" FROM \"{entity.GetTableName()}\" ORDER BY \"{column}\" DESC LIMIT 3";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add((entity.ClrType.Name, reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetValue(0).ToString()!)));
        }
        return ids;
    });

    /// <summary>
    /// The route with its parameters filled: for a page, the first known id whose page opens for this client; for an
    /// endpoint, the first whose answer to an empty body is not "not found". Ids of tables named like the route come first.
    /// </summary>
    private static async Task<string> ResolveAsync(HttpClient client, Target target, IReadOnlyList<(string Table, Guid Id)> ids, CancellationToken ct)
    {
        var parameters = target.Route.Parameters.Where(p => !p.IsOptional || p.ParameterPolicies.Any(c => c.Content == "guid")).ToList();
        if (parameters.Count == 0) return Routes.Fill(target.Route, Guid.Empty)!;
        var words = target.Pattern.ToLowerInvariant().Split('/', '-').Where(w => w.Length > 2 && !w.StartsWith('{')).Select(w => w.TrimEnd('s')).ToList();
        bool Named(string table) => words.Any(w => table.Contains(w, StringComparison.OrdinalIgnoreCase) || w.Contains(table.ToLowerInvariant(), StringComparison.Ordinal));
        foreach (var id in ids.OrderBy(i => Named(i.Table) ? 0 : 1).Select(i => i.Id))
        {
            var path = Routes.Fill(target.Route, id)!;
            using var probe = target.Form ? new HttpRequestMessage(HttpMethod.Get, path) : JsonRequest(target, path, Mode.Empty);
            using var response = await client.SendAsync(probe, ct);
            if (target.Form ? response.StatusCode == HttpStatusCode.OK : response.StatusCode != HttpStatusCode.NotFound) return path;
        }
        return Routes.Fill(target.Route, Guid.NewGuid())!;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/Account/Login?ReturnUrl=%2F");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
