using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Partnera.Data;
using Partnera.Infrastructure.Email;
using Partnera.Testing;
using Partnera.Tests.Infrastructure;
using Quartz;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Partnera.Tests.Platform;

/// <summary>E-mail through a real SMTP server started by the test: delivered, kept while the server is down, never sent twice.</summary>
public sealed class MailOutboxTests(TestApps apps)
{
    /// <summary>A real SMTP server on loopback that keeps what it receives.</summary>
    private sealed class MailServer : MessageStore, IAsyncDisposable
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();
        public int Port { get; } = FreePort();
        private SmtpServer.SmtpServer? server;
        private Task? running;

        public void Start()
        {
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(this);
            server = new SmtpServer.SmtpServer(options, services);
            running = server.StartAsync(CancellationToken.None);
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }

        public async ValueTask DisposeAsync()
        {
            if (server is null) return;
            server.Shutdown();
            await running!;
        }

        private static int FreePort()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public Dictionary<string, string?> Settings() => new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
        };
    }

    private static Task SendAsync(PartneraApp app, string to, string subject) =>
        app.WithScopeAsync(async sp => { await sp.GetRequiredService<IEmailSender>().SendAsync(to, subject, "<p>Hello</p>"); return 0; });

    [Theory, ClassData(typeof(Databases))]
    public async Task Mail_waits_in_the_outbox_while_the_SMTP_server_is_down_and_is_delivered_once_it_is_back(DatabaseProvider provider)
    {
        await using var mail = new MailServer();
        await using var app = await apps.NewAppAsync(provider, mail.Settings());
        // The server is not listening yet: the message is kept, with the failure and the time of the next try.
        await SendAsync(app, "maria@example.org", "While the server was down");
        var waiting = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject == "While the server was down"));
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAt > DateTime.UtcNow, "the next try waits a while");
        Assert.NotNull(waiting.HtmlBody);
        // Administrators see it held back, with the failure and the next try.
        var admin = app.Browser();
        await admin.SignInAsync("admin@partnera.demo");
        var held = (await admin.GetPageAsync("/Operations/Jobs")).QuerySelector($"#mail-stuck li[data-message='{waiting.Id}']")!.TextContent;
        Assert.Contains("While the server was down", held, StringComparison.Ordinal);
        Assert.Contains("1 tries; next at", held, StringComparison.Ordinal);

        mail.Start();
        // Time passes to the next try (set back rather than waited for), and the job sends it.
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == waiting.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(OutboxJob.Key);
        await Waiting.UntilAsync(() => Task.FromResult(mail.Received.Any(m => m.Subject == "While the server was down")));
        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == waiting.Id));
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.HtmlBody);
        Assert.Equal(2, sent.Attempts);
        var received = Assert.Single(mail.Received, m => m.Subject == "While the server was down");
        Assert.Equal("maria@example.org", received.To.Mailboxes.Single().Address);
        Assert.Contains("Hello", received.HtmlBody, StringComparison.Ordinal);

        // With the server up, a message goes out at once.
        await SendAsync(app, "ion@example.md", "Straight away");
        Assert.Single(mail.Received, m => m.Subject == "Straight away");
        Assert.NotNull(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject == "Straight away").Select(m => m.SentAt).SingleAsync()));
    }

    [Fact]
    public async Task Two_instances_sending_the_same_outbox_send_each_message_once()
    {
        await using var mail = new MailServer();
        mail.Start();
        var database = await apps.NewDatabaseAsync(DatabaseProvider.Postgres);
        await using var first = new PartneraApp(DatabaseProvider.Postgres, database, mail.Settings());
        await using var second = new PartneraApp(DatabaseProvider.Postgres, database, mail.Settings());
        _ = first.Server;
        _ = second.Server;
        var subjects = Enumerable.Range(1, 30).Select(i => $"Queued {i}").ToList();
        await first.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.OutboxMessages.AddRange(subjects.Select(s => new OutboxMessage { To = "queue@example.org", Subject = s, HtmlBody = "<p>x</p>", CreatedAt = now, NextAttemptAt = now }));
            return await db.SaveChangesAsync();
        });
        // Both instances work through the same outbox at the same moment (their jobs may join in too).
        await Task.WhenAll(new[] { first, second, first, second }.Select(app => app.WithScopeAsync(sp => sp.GetRequiredService<MailOutbox>().SendDueAsync(CancellationToken.None))));
        await Waiting.UntilAsync(() => Task.FromResult(subjects.All(s => mail.Received.Any(m => m.Subject == s))));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(subjects.Order(), mail.Received.Select(m => m.Subject ?? "").Where(s => s.StartsWith("Queued", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void The_pause_before_another_try_doubles_up_to_six_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), MailOutbox.PauseAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(8), MailOutbox.PauseAfter(4));
        Assert.Equal(TimeSpan.FromHours(6), MailOutbox.PauseAfter(12));
        Assert.Equal(TimeSpan.FromHours(6), MailOutbox.PauseAfter(1000));
    }
}
