using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Partnera.Infrastructure.Documents;

/// <summary>
/// Serves a stored document as a download under a cleaned name: no path, no control or direction-changing characters
/// (U+202E turns "evil‮fdp.exe" into "evilexe.pdf" on screen), and the extension of what the file really is, so a
/// document uploaded as "page.html" can never be opened as a web page of ours.
/// </summary>
public static class DocumentDownload
{
    public static FileContentHttpResult Serve(HttpContext http, byte[] content, string contentType, string fileName)
    {
        // A sandbox as well: even a browser that ignores "attachment" runs no script of the file on our origin.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, contentType, CleanName(fileName, contentType));
    }

    /// <summary>The name a document is kept and offered under: the last segment of what was uploaded, its own extension.</summary>
    public static string CleanName(string? name, string contentType)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new string(last.Where(Allowed).ToArray()).Trim().Trim('.');
        var extension = Extension(contentType);
        var stem = Path.GetFileNameWithoutExtension(kept).Trim();
        if (stem.Length == 0) stem = "document";
        return (stem.Length > 200 ? stem[..200] : stem) + extension;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => ".bin",
    };

    // Letters, digits, spaces and plain punctuation; not controls, format characters (bidirectional overrides,
    // zero-width marks) or the characters that break a header or a path.
    private static bool Allowed(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => c is not ('"' or ';' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|'),
    };
}
