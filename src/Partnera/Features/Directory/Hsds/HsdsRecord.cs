using System.Globalization;
using System.Text.Json.Nodes;

namespace Partnera.Features.Directory.Hsds;

/// <summary>Typed reads of one HSDS JSON object, collecting a message for every value that cannot be read.</summary>
public sealed class HsdsRecord(JsonObject json, Action<string, string> problem, string path = "")
{
    public JsonObject Json { get; } = json;

    public string? Text(string name)
    {
        var node = Json[name];
        if (node is null) return null;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public Guid? Id(string name = "id") => Parse(name, s => Guid.TryParse(s, out var g) ? g : (Guid?)null);

    public int? Int(string name) => Parse(name, s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) ? (int)d : (int?)null);

    public decimal? Decimal(string name) => Parse(name, s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null);

    public TimeOnly? Time(string name) => Parse(name, s => TimeOnly.TryParseExact(s, ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null);

    public DateOnly? Date(string name) => Parse(name, s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null);

    public DateTime? Instant(string name) => Parse(name, s => DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTime?)null);

    public IEnumerable<HsdsRecord> Items(string name)
    {
        if (Json[name] is not JsonArray array) yield break;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item) yield return new HsdsRecord(item, problem, $"{path}{name}[{i}].");
        }
    }

    public HsdsRecord? Child(string name) => Json[name] is JsonObject item ? new HsdsRecord(item, problem, $"{path}{name}.") : null;

    public void Problem(string field, string message) => problem(path + field, message);

    private T? Parse<T>(string name, Func<string, T?> parse) where T : struct
    {
        var text = Text(name);
        if (text is null) return null;
        var value = parse(text);
        if (value is null) problem(path + name, text);
        return value;
    }
}
