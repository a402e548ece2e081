using System.Net;
using System.Net.Mail;

namespace Partnera.Infrastructure.Email;

/// <summary>Sends e-mail: through SMTP when <c>Email:Smtp:Host</c> is set, otherwise to the log.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct = default);
}

public sealed class EmailOptions
{
    public string From { get; set; } = "Partnera <no-reply@partnera.local>";
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}

public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct = default)
    {
        logger.LogInformation("E-mail (no SMTP server configured) to {To}: {Subject}\n{Body}", to, subject, htmlBody);
        return Task.CompletedTask;
    }
}

public sealed class SmtpEmailSender(Microsoft.Extensions.Options.IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port) { EnableSsl = o.Smtp.EnableSsl };
        if (o.Smtp.UserName is not null) client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        using var message = new MailMessage { From = new MailAddress(o.From), Subject = subject, Body = htmlBody, IsBodyHtml = true };
        message.To.Add(to);
        await client.SendMailAsync(message, ct);
    }
}

public static class EmailModule
{
    /// <summary>
    /// Sends a notice that must not undo what it tells about: a mail server that fails is logged, and the caller's
    /// work stands.
    /// </summary>
    public static async Task SendNoticeAsync(this IEmailSender email, ILogger logger, string to, string subject, string htmlBody, CancellationToken ct)
    {
        try { await email.SendAsync(to, subject, htmlBody, ct); }
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "Notice e-mail to {To} not sent", to);
        }
    }

    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        if (string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"])) services.AddSingleton<IEmailSender, LoggingEmailSender>();
        else services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
