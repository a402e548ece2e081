using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Partnera.Data;
using Partnera.Tests.Infrastructure;

namespace Partnera.Tests.Platform;

public sealed partial class LocalisationTests(TestApps apps)
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Partnera"));
    private static readonly string[] Languages = ["uk", "ru", "ro"];

    public static TheoryData<string> ResourceSets() => [.. Directory.GetFiles(SourceRoot, "*.resx", SearchOption.AllDirectories)
        .Where(f => Path.GetFileNameWithoutExtension(f).Count(c => c == '.') == 0)
        .Select(f => Path.GetRelativePath(SourceRoot, f))];

    [Theory, MemberData(nameof(ResourceSets))]
    public void Every_key_exists_in_all_four_languages(string neutralFile)
    {
        var english = Keys(Path.Combine(SourceRoot, neutralFile));
        Assert.NotEmpty(english);
        foreach (var language in Languages)
        {
            var translated = Keys(Path.Combine(SourceRoot, neutralFile.Replace(".resx", $".{language}.resx", StringComparison.Ordinal)));
            Assert.Empty(english.Keys.Except(translated.Keys).Select(k => $"{language}: missing {k}"));
            Assert.Empty(translated.Keys.Except(english.Keys).Select(k => $"{language}: extra {k}"));
            Assert.Empty(translated.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{language}: empty {p.Key}"));
        }
    }

    [Fact]
    public void Every_key_the_code_uses_exists_in_the_resources()
    {
        var known = Directory.GetFiles(SourceRoot, "*.resx", SearchOption.AllDirectories)
            .Where(f => Path.GetFileNameWithoutExtension(f).Count(c => c == '.') == 0)
            .SelectMany(f => Keys(f).Keys).ToHashSet();
        var used = Directory.GetFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/Migrations/") && !f.Contains("/obj/"))
            .SelectMany(f => ResourceKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.True(used.Count > 200, $"only {used.Count} key uses found");
        Assert.Empty(used.Where(u => !known.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    /// <summary>
    /// One word per concept in each language: the glossary (Glossary_* in the needs resources) names the word, the labels use
    /// it, and the synonyms it replaced appear in no resource of that language.
    /// </summary>
    [Theory]
    [InlineData("", "gap", "Gaps_Gap", "")]
    [InlineData("uk", "прогалина", "Gaps_Gap", "розрив")]
    [InlineData("ru", "пробел", "Gaps_Gap", "разрыв")]
    [InlineData("ro", "decalaj", "Gaps_Gap", "deficit")]
    [InlineData("uk", "спроможність", "Gaps_Capacity", "потужніст")]
    [InlineData("ru", "мощность", "Gaps_Capacity", "ёмкост")]
    public void The_glossarys_word_is_the_one_every_resource_uses(string language, string word, string label, string avoided)
    {
        var suffix = language.Length == 0 ? "" : "." + language;
        var needs = Keys(Path.Combine(SourceRoot, $"Features/Needs/NeedsStrings{suffix}.resx"));
        Assert.Equal(word, needs[$"Glossary_{label.Split('_')[1]}"]);
        Assert.StartsWith(word, needs[label], StringComparison.OrdinalIgnoreCase);
        if (avoided.Length == 0) return;
        var uses = Directory.GetFiles(SourceRoot, $"*{suffix}.resx", SearchOption.AllDirectories)
            .SelectMany(f => Keys(f).Where(p => p.Value.Contains(avoided, StringComparison.OrdinalIgnoreCase)).Select(p => $"{Path.GetFileName(f)}: {p.Key}"));
        Assert.Empty(uses);
    }

    public static TheoryData<string, string> PublicPages() => new MatrixTheoryData<string, string>(
        ["uk", "ru", "ro", "en"],
        ["/", "/Directory", "/Directory?q=bahmut&open=true", "/Directory/Hotlines", "/Organisations", "/Memoranda", "/Territories", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/no-such-page"]);

    [Theory, MemberData(nameof(PublicPages))]
    public async Task Pages_render_no_raw_resource_keys(string language, string url)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser(language);
        var response = await client.GetAsync(url);
        var page = Pages.Parse(await response.TextAsync());

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var text = page.Body!.TextContent + " " + string.Join(" ", page.QuerySelectorAll("[placeholder],[title],[aria-label],[label]")
            .SelectMany(e => new[] { e.GetAttribute("placeholder"), e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("label") }));
        Assert.Empty(RawKey().Matches(text).Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task The_browser_language_is_used_first_and_the_chosen_language_is_remembered()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser("ro-RO,ro;q=0.9");
        var first = await client.GetPageAsync("/Organisations");
        Assert.Equal("ro", first.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Organizații", first.QuerySelector("h1")!.TextContent.Trim());

        var link = (await client.GetPageAsync("/Organisations")).QuerySelector("header a[hreflang='uk']")!.GetAttribute("href")!;
        var switched = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Organisations", switched.Headers.Location!.OriginalString);

        var after = await client.GetPageAsync("/Organisations");
        Assert.Equal("uk", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Організації", after.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_language_switch_never_redirects_to_another_site()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        foreach (var target in new[] { "//evil.example/", "https://evil.example/", "/\\evil.example" })
        {
            var response = await client.GetAsync($"/language/ru?returnUrl={Uri.EscapeDataString(target)}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    // S["Key"], T["Key"], t["Key"], s["Key"], Display(Name = "Key"), and quoted keys passed around ("Common_Saved", RuleError(..., "Key")).
    [GeneratedRegex("(?:\\b[STst]\\[|Name = |ErrorMessage = |, |\\(|= |=> )\"(?<key>[A-Z][A-Za-z]+_[A-Z][A-Za-z]+)\"")]
    private static partial Regex ResourceKey();

    [GeneratedRegex("\\b[A-Z][A-Za-z]+_[A-Z][A-Za-z]+\\b")]
    private static partial Regex RawKey();
}
