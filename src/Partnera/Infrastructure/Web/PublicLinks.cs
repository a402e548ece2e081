namespace Partnera.Infrastructure.Web;

/// <summary>
/// Absolute links for e-mails, built from the configured public address (<c>App:PublicUrl</c>) and never from the
/// request: a request's Host header is whatever the sender typed, so a reset link built from it could point anywhere.
/// </summary>
public sealed class PublicLinks(Uri publicUrl)
{
    public const string Setting = "App:PublicUrl";

    /// <summary>Where a developer's or a test's app answers when nothing is configured.</summary>
    public const string LocalDefault = "http://localhost:5080";

    /// <summary>The absolute address of a path on this site ("/Account/ResetPassword?…" → "https://…/Account/ResetPassword?…").</summary>
    public string For(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
            ? publicUrl.GetLeftPart(UriPartial.Authority) + publicUrl.AbsolutePath.TrimEnd('/') + path
            : throw new ArgumentException($"'{path}' is not a path on this site.", nameof(path));

    /// <summary>A link for an HTML e-mail body, showing its own address.</summary>
    public static string Anchor(string absolute)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(absolute);
        return $"<a href=\"{encoded}\">{encoded}</a>";
    }
}
