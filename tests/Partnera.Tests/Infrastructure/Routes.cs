using Microsoft.AspNetCore.Routing.Patterns;

namespace Partnera.Tests.Infrastructure;

/// <summary>Addresses made from the app's own route patterns, for tests that walk every page and endpoint.</summary>
public static class Routes
{
    /// <summary>The pattern with every parameter filled: numbers with 1, ids with <paramref name="id"/>, optional words left out; null for a catch-all.</summary>
    public static string? Fill(RoutePattern pattern, Guid id)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternLiteralPart literal) text += literal.Content;
                else if (part is RoutePatternSeparatorPart separator) text += separator.Content;
                else if (part is RoutePatternParameterPart parameter)
                {
                    if (parameter.IsCatchAll) return null;
                    var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
                    text += constraints.Contains("int") || constraints.Contains("long") ? "1" : parameter.IsOptional && !constraints.Contains("guid") ? "" : id.ToString();
                }
            }
            segments.Add(text);
        }
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }
}
