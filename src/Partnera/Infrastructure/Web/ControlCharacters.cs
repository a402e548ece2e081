using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// Control characters (U+0000 and the rest of C0 except tab, CR and LF) are removed from every string a request brings,
/// pages and JSON API alike: no one types them, and PostgreSQL refuses a NUL in text (a 500 instead of a page).
/// </summary>
public static class ControlCharacters
{
    public static string Strip(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f')) return text;
        return string.Create(text.Length - text.Count(IsStripped), text, (span, source) =>
        {
            var i = 0;
            foreach (var c in source) if (!IsStripped(c)) span[i++] = c;
        });
    }

    private static bool IsStripped(char c) => c < ' ' && c is not ('\t' or '\r' or '\n');

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
            if (result == ValueProviderResult.None || !result.Values.Any(v => v is not null && v.AsSpan().ContainsAnyInRange('\0', '\u001f'))) return result;
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
