namespace Partnera.Infrastructure.Text;

/// <summary>Web addresses typed or imported by others, made safe to link.</summary>
public static class WebLink
{
    /// <summary>
    /// The address if it is an absolute http or https one, else none: a "javascript:" or "data:" address in an imported
    /// directory must never become a link a resident clicks.
    /// </summary>
    public static string? Safe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}
