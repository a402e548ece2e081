using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Partnera.Infrastructure.Email;

/// <summary>Hands one message to the mail system. Only the outbox calls it: features write to the outbox through <see cref="IEmailSender"/>.</summary>
public interface IMailTransport
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct);
}

/// <summary>No SMTP server configured (development): the message goes to the log.</summary>
public sealed class LoggingMailTransport(ILogger<LoggingMailTransport> logger) : IMailTransport
{
    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct)
    {
        logger.LogInformation("E-mail (no SMTP server configured) to {To}: {Subject}\n{Body}", to, subject, htmlBody);
        return Task.CompletedTask;
    }
}

/// <summary>Sends through the configured SMTP server with MailKit (STARTTLS when the server offers it, or TLS as configured).</summary>
public sealed class SmtpMailTransport(Microsoft.Extensions.Options.IOptions<EmailOptions> options) : IMailTransport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct)
    {
        var o = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Html) { Text = htmlBody };
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.Smtp.Host ?? "", o.Smtp.Port, o.Smtp.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
        if (o.Smtp.UserName is not null) await client.AuthenticateAsync(o.Smtp.UserName, o.Smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
