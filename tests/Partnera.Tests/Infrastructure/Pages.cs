using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Partnera.Data.DemoData;

namespace Partnera.Tests.Infrastructure;

/// <summary>What a person does with a page: open it, fill in its form, send it, sign in.</summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Opens a page, takes its form as a browser would (current values, anti-forgery token), changes the given
    /// fields and submits it. A field given several values (a multiple select) is sent once per value.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IDictionary<string, string[]> fields,
        string formSelector = "main form[method=post]", string? submitHandler = null, IDictionary<string, (string Name, byte[] Content)>? files = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var values = CurrentValues(form);
        foreach (var (name, value) in fields) values[name] = [.. value];
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        if (submitHandler is not null) action += (action.Contains('?') ? "&" : "?") + "handler=" + submitHandler;
        HttpContent content;
        if (files is null)
        {
            content = new FormUrlEncodedContent(values.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
        }
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, list) in values) foreach (var v in list) multipart.Add(new StringContent(v), name);
            foreach (var (name, file) in files) multipart.Add(new ByteArrayContent(file.Content), name, file.Name);
            content = multipart;
        }
        return await client.PostAsync(action, content);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, params (string Name, string Value)[] fields) =>
        client.SubmitAsync(pageUrl, fields.ToDictionary(f => f.Name, f => new[] { f.Value }));

    private static Dictionary<string, List<string>> CurrentValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, List<string>>();
        void Add(string? name, string value)
        {
            if (string.IsNullOrEmpty(name)) return;
            if (!values.TryGetValue(name, out var list)) values[name] = list = [];
            list.Add(value);
        }
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "file" }: break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) Add(box.Name, box.Value);
                    break;
                case IHtmlInputElement input: Add(input.Name, input.Value); break;
                case IHtmlTextAreaElement area: Add(area.Name, area.Value); break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) Add(select.Name, option.Value);
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.Length > 0) Add(select.Name, select.Options[0].Value);
                    break;
            }
        }
        return values;
    }

    public static async Task SignInAsync(this HttpClient client, string email, string password = DemoDataSeeder.DemoPassword)
    {
        var response = await client.SubmitAsync("/Account/Login", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} failed: {(int)response.StatusCode}");
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>The messages shown next to fields and in the summary.</summary>
    public static IReadOnlyList<string> FieldErrors(this IHtmlDocument page) =>
        page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .text-danger")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>Text without any white space: line breaks and group separators differ between renderings (PDF, ICU's narrow spaces).</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
