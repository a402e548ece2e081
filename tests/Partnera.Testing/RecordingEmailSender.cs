using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Partnera.Infrastructure.Email;

namespace Partnera.Testing;

/// <summary>
/// Stands for the mail server: keeps the e-mails the app sends (through its outbox) so a test can follow the link in them,
/// as a person would.
/// </summary>
public sealed partial class RecordingEmailSender : IMailTransport
{
    public ConcurrentQueue<(string To, string Subject, string Body)> Sent { get; } = new();

    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct)
    {
        Sent.Enqueue((to, subject, htmlBody));
        return Task.CompletedTask;
    }

    /// <summary>The path and query of the last link sent to an address.</summary>
    public string LastLinkTo(string to)
    {
        var body = Sent.Last(m => m.To == to).Body;
        var url = new Uri(System.Net.WebUtility.HtmlDecode(Link().Match(body).Groups[1].Value));
        return url.PathAndQuery;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();
}
