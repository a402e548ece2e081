using Quartz;

namespace Partnera.Infrastructure.Email;

/// <summary>
/// Sends e-mail, through the outbox (<see cref="OutboxEmailSender"/>): written with the caller's work, then handed to the
/// SMTP server when <c>Email:Smtp:Host</c> is set, otherwise to the log.
/// </summary>
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

public static class EmailModule
{
    /// <summary>
    /// Sends a notice that must not undo what it tells about: a mail server that fails is logged, and the caller's
    /// work stands.
    /// </summary>
    public static async Task SendNoticeAsync(this IEmailSender email, ILogger logger, string to, string subject, string htmlBody, CancellationToken ct)
    {
        try { await email.SendAsync(to, subject, htmlBody, ct); }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "Notice e-mail to {To} not sent", to);
        }
    }

    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        if (string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"])) services.AddSingleton<IMailTransport, LoggingMailTransport>();
        else services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddScoped<MailOutbox>().AddScoped<IEmailSender, OutboxEmailSender>();
        services.ConfigureAllQuartzSchedulers(OutboxJob.Schedule);
        return services;
    }
}
