using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Partnera.Data;
using Partnera.Infrastructure.Email;

namespace Partnera.Testing;

/// <summary>The real app on a real database (a SQLite file or a PostgreSQL database), with its real migrations and demo data.</summary>
public sealed class PartneraApp(DatabaseProvider provider, string connectionString, IDictionary<string, string?>? settings = null, string environment = "Testing",
    TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider { get; } = provider;
    public RecordingEmailSender Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Partnera", connectionString);
        builder.UseSetting("DemoData:Seed", "true");
        builder.UseSetting("RateLimiting:SignInPerMinute", "100000");
        builder.UseSetting("RateLimiting:PublicWritesPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests run the duplicate scan themselves; a fake clock moved past the night must not start it in the background.
        builder.UseSetting("People:NightlyDuplicateScan", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            // The outbox is real; the mail server is this recorder, unless the test brings an SMTP server of its own.
            if (settings?.ContainsKey("Email:Smtp:Host") != true)
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(Emails);
            }
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            }
        });
    }

    /// <summary>Serves the app on a real Kestrel port on loopback (for a real browser) and returns its address.</summary>
    public string StartOnKestrel()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        UseKestrel(port);
        StartServer();
        return $"http://localhost:{port}";
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests check them), asks for English unless told.</summary>
    public HttpClient Browser(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Runs something with the app's own services in a scope of its own, as a request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<PartneraDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PartneraDbContext>());
    }
}
