using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Partnera.Data;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Audit;

/// <summary>One changed field of an audit entry as a reader reads it: the field's name and its old and new values in words.</summary>
public sealed record ChangeLine(string Field, string? Old, string? New);

/// <summary>
/// Turns the stored changes of audit entries (JSON: property → [old, new]) into lines in the reader's language:
/// field names from resources, values unescaped, references to other records shown by name where the record is one
/// anyone may look up (an organisation, a place, a service, a territory, a category) and hidden otherwise. Nothing the
/// log masked is unmasked, and a person's case never has its references named (they tell about the person).
/// </summary>
public sealed partial class AuditChanges(PartneraDbContext db, IStringLocalizer<AuditStrings> t, IStringLocalizerFactory localizers)
{
    /// <summary>Where the words for coded values live (a service's status, an organisation's kind, a role, a plan's status…).</summary>
    private readonly IStringLocalizer[] codeWords = [.. new[]
    {
        typeof(Resources.SharedStrings), typeof(Directory.DirectoryStrings), typeof(Organisations.OrganisationStrings),
        typeof(Planning.PlanningStrings), typeof(Needs.NeedsStrings), typeof(People.PeopleStrings),
    }.Select(localizers.Create)];

    public async Task<Dictionary<Guid, List<ChangeLine>>> ReadAsync(IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Where(e => e.Changes is not null).Select(e => (Entry: e, Fields: Parse(e.Changes!))).ToList();
        var links = parsed.Where(p => !AboutPerson(p.Entry))
            .SelectMany(p => p.Fields.Values.SelectMany(v => v))
            .Select(v => v is { ValueKind: JsonValueKind.String } && Guid.TryParse(v.GetString(), out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        var names = await NamesAsync(links, ct);
        return parsed.ToDictionary(p => p.Entry.Id, p => p.Fields
            .Where(f => !Internal.Contains(f.Key))
            .Where(f => !f.Key.EndsWith(".Translations", StringComparison.Ordinal) || f.Value.Any(v => v.ValueKind == JsonValueKind.String && v.GetString() is not ("{}" or "")))
            .Select(f => Line(FieldName(p.Entry.EntityType, f.Key),
                f.Value.Length > 0 ? Coded(p.Entry.EntityType, f.Key, Value(f.Value[0], names, AboutPerson(p.Entry))) : null,
                f.Value.Length > 1 ? Coded(p.Entry.EntityType, f.Key, Value(f.Value[1], names, AboutPerson(p.Entry))) : null))
            .ToList());
    }

    /// <summary>Fields the app keeps for itself (search keys made from names): they tell a reader nothing the names do not.</summary>
    private static readonly HashSet<string> Internal = ["FamilyKey", "GivenKey"];

    // Two masked values (or two hidden references) say nothing more than one: "Phone: changed (personal data)".
    private static ChangeLine Line(string field, string? old, string? now) => new(field, old == now ? null : old, now);

    private static bool AboutPerson(AuditEntry e) => e.Subject.StartsWith("Person:", StringComparison.Ordinal);

    private static Dictionary<string, JsonElement[]> Parse(string json)
    {
        try { return JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(json) ?? []; }
        catch (JsonException) { return []; }
    }

    /// <summary>
    /// A field's name: "AuditField_{Kind}_{Property}" or "AuditField_{Property}" from resources; a field without a name
    /// there is spelt out from its code name ("ReceptionPhone" → "Reception phone"). A multilingual name's parts
    /// ("Name.Value", "Name.Translations") read as the field itself and its translations.
    /// </summary>
    private string FieldName(string entityType, string property)
    {
        var (main, part) = property.Split('.', 2) is [var m, var p] ? (m, p) : (property, null);
        var name = t[$"AuditField_{entityType}_{main}"] is { ResourceNotFound: false } own ? own.Value
            : t[$"AuditField_{main}"] is { ResourceNotFound: false } shared ? shared.Value
            : main.EndsWith("Id", StringComparison.Ordinal) && main.Length > 2 && t[$"AuditEntity_{main[..^2]}"] is { ResourceNotFound: false } kind ? kind.Value
            : Spelt(main);
        return part switch
        {
            null or "Value" => name,
            "Translations" => $"{name} ({t["AuditField_Translations"]})",
            _ => $"{name} ({Spelt(part)})",
        };
    }

    /// <summary>
    /// A value stored as a code ("Active", "CsoLeader", or a list "Ngo, Donor") in the reader's words, from the resources
    /// the pages use for it: "{Kind}{Property}_{Code}" (ServiceStatus_Active), "{Property}_{Code}" (Role_CsoLeader), or the
    /// kind's last word ("CommunityPlan" → PlanStatus_Draft). Any other text stays as it is.
    /// </summary>
    private string? Coded(string entityType, string property, string? value)
    {
        if (value is null || !CodeList().IsMatch(value)) return value;
        var shortKind = CodeWord().Matches(entityType) is { Count: > 0 } parts ? parts[^1].Value : entityType;
        string Word(string code) =>
            new[] { $"{entityType}{property}_{code}", $"{property}_{code}", $"{shortKind}{property}_{code}" }
                .SelectMany(key => codeWords.Select(l => l[key])).FirstOrDefault(w => !w.ResourceNotFound)?.Value ?? code;
        return string.Join(", ", value.Split(", ").Select(Word));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z][A-Za-z]+(, [A-Z][A-Za-z]+)*$")]
    private static partial System.Text.RegularExpressions.Regex CodeList();

    [System.Text.RegularExpressions.GeneratedRegex("[A-Z][a-z]+")]
    private static partial System.Text.RegularExpressions.Regex CodeWord();

    private static string Spelt(string code)
    {
        if (code.EndsWith("Id", StringComparison.Ordinal) && code.Length > 2) code = code[..^2];
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && char.IsUpper(code[i]) && !char.IsUpper(code[i - 1])) words.Append(' ');
            words.Append(i == 0 ? code[i] : char.ToLowerInvariant(code[i]));
        }
        return words.ToString();
    }

    private string? Value(JsonElement value, Dictionary<Guid, string> names, bool aboutPerson)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return t["AuditValue_Yes"];
            case JsonValueKind.False: return t["AuditValue_No"];
            case JsonValueKind.Number: return value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.CurrentCulture) : value.GetRawText();
            case JsonValueKind.Array or JsonValueKind.Object: return Flat(value);
        }
        var text = value.GetString() ?? "";
        if (text == AuditingInterceptor.PersonalDataMark) return t["AuditValue_PersonalData"];
        if (Guid.TryParse(text, out var id)) return !aboutPerson && names.TryGetValue(id, out var name) ? name : t["AuditValue_OtherRecord"];
        if (text.Length > 1 && text[0] is '{' or '[')
        {
            try
            {
                using var inner = JsonDocument.Parse(text);
                return Flat(inner.RootElement);
            }
            catch (JsonException) { return text; }
        }
        if (text.Length >= 19 && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            return at.ToString("g", CultureInfo.CurrentCulture);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("d", CultureInfo.CurrentCulture);
        return text;
    }

    // A list or a map of translations ("uk": "…", "en": "…") as plain text, one item after another.
    private static string Flat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Flat)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Flat(p.Value)}")),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    /// <summary>Names of public records: organisations, places, services, territories and categories.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0) return names;
        void Add(IEnumerable<(Guid Id, MultilingualText Name)> found)
        {
            foreach (var (id, name) in found) names.TryAdd(id, name.ToString());
        }
        Add((await db.Organisations.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.Territories.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.Services.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.Locations.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        Add((await db.TaxonomyTerms.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)));
        return names;
    }
}
