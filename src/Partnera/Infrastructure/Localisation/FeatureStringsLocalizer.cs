using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;
using Partnera.Resources;

namespace Partnera.Infrastructure.Localisation;

/// <summary>
/// Looks a key up in the strings of the feature a model belongs to (the <c>*Strings</c> class in its
/// namespace), then in the shared strings. Lets validation attributes and display names on a feature's
/// models use that feature's resources without naming them.
/// </summary>
public sealed class FeatureStringsLocalizer(IStringLocalizer? feature, IStringLocalizer shared) : IStringLocalizer
{
    private static readonly ConcurrentDictionary<string, Type?> StringsByNamespace = new();

    public static IStringLocalizer For(Type modelType, IStringLocalizerFactory factory)
    {
        var strings = StringsByNamespace.GetOrAdd(modelType.Namespace ?? "", ns => FindStrings(modelType.Assembly, ns));
        return new FeatureStringsLocalizer(strings is null ? null : factory.Create(strings), factory.Create(typeof(SharedStrings)));
    }

    // The nearest *Strings class in the model's namespace or one above it (a feature's sub-folders share its strings).
    private static Type? FindStrings(System.Reflection.Assembly assembly, string ns)
    {
        var candidates = assembly.GetTypes().Where(t => t.Name.EndsWith("Strings", StringComparison.Ordinal) && t.Namespace is not null).ToList();
        for (var current = ns; current.Length > 0; current = current.Contains('.') ? current[..current.LastIndexOf('.')] : "")
        {
            var found = candidates.FirstOrDefault(t => t.Namespace == current);
            if (found is not null) return found;
        }
        return null;
    }

    public LocalizedString this[string name] => Find(name, l => l[name]);

    public LocalizedString this[string name, params object[] arguments] => Find(name, l => l[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (feature?.GetAllStrings(includeParentCultures) ?? []).Concat(shared.GetAllStrings(includeParentCultures));

    private LocalizedString Find(string name, Func<IStringLocalizer, LocalizedString> lookup)
    {
        if (feature is not null)
        {
            var found = lookup(feature);
            if (!found.ResourceNotFound) return found;
        }
        return lookup(shared);
    }
}
