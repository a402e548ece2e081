using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// Control characters (U+0000 and the rest of C0 except tab, CR and LF) and invisible direction and zero-width marks are
/// removed from every string a request or an imported file brings, pages and JSON API alike: no one types them,
/// PostgreSQL refuses a NUL in text (a 500 instead of a page), and the marks make a name show as something else.
/// </summary>
public static class ControlCharacters
{
    public static string Strip(string text)
    {
        if (text.AsSpan().IndexOfAny(Stripped) < 0) return text;
        return string.Create(text.Length - text.Count(IsStripped), text, (span, source) =>
        {
            var i = 0;
            foreach (var c in source) if (!IsStripped(c)) span[i++] = c;
        });
    }

    // C0 controls but tab, CR and LF; and the invisible marks that turn or hide text (U+202E shows "evil\u202Eexe.html"
    // as "evilhtml.exe"; a zero-width space makes one name two): no one types them in our four languages.
    private static readonly System.Buffers.SearchValues<char> Stripped = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r' or '\n')).Select(c => (char)c)) + "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF");

    private static bool IsStripped(char c) => Stripped.Contains(c);

    public static IServiceCollection AddControlCharacterStripping(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStrings());
            // null for a list or text the API declares as never null is a bad request (400), not an ArgumentNullException later.
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        // After MVC has added its own factories.
        services.PostConfigure<MvcOptions>(o =>
        {
            for (var i = 0; i < o.ValueProviderFactories.Count; i++) o.ValueProviderFactories[i] = new Factory(o.ValueProviderFactories[i]);
        });
        return services;
    }

    private sealed class JsonStrings : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } text ? Strip(text) : null;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    // Form, query and route values pass through here before model binding.
    private sealed class Factory(IValueProviderFactory inner) : IValueProviderFactory
    {
        public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
        {
            var before = context.ValueProviders.Count;
            await inner.CreateValueProviderAsync(context);
            for (var i = before; i < context.ValueProviders.Count; i++) context.ValueProviders[i] = new Provider(context.ValueProviders[i]);
        }
    }

    private sealed class Provider(IValueProvider inner) : IValueProvider, IEnumerableValueProvider, IBindingSourceValueProvider, IKeyRewriterValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None || !result.Values.Any(v => v is not null && v.AsSpan().IndexOfAny(Stripped) >= 0)) return result;
            return new ValueProviderResult(new StringValues(result.Values.Select(v => v is null ? null : Strip(v)).ToArray()), result.Culture ?? CultureInfo.InvariantCulture);
        }

        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            inner is IEnumerableValueProvider enumerable ? enumerable.GetKeysFromPrefix(prefix) : new Dictionary<string, string>();

        public IValueProvider? Filter(BindingSource bindingSource) =>
            inner is IBindingSourceValueProvider sourced ? Wrap(sourced.Filter(bindingSource)) : null;

        public IValueProvider? Filter() => inner is IKeyRewriterValueProvider rewriter ? Wrap(rewriter.Filter()) : this;

        private static Provider? Wrap(IValueProvider? provider) => provider is null ? null : new Provider(provider);
    }
}
