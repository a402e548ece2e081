using Microsoft.AspNetCore.HttpOverrides;

namespace Partnera.Infrastructure.Web;

/// <summary>
/// How the app meets the outside world: its public address, the host names it answers to, the proxy in front of it,
/// HTTPS. Production refuses to start without the settings that keep e-mailed links and cookies on our own address.
/// </summary>
public static class Hosting
{
    public const string RedirectToHttpsSetting = "Security:RedirectToHttps";

    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        var (configuration, production) = (builder.Configuration, builder.Environment.IsProduction());
        builder.Services.AddSingleton(new PublicLinks(PublicUrl(configuration, production)));
        if (production && AllowsAnyHost(configuration["AllowedHosts"]))
            throw new InvalidOperationException("AllowedHosts is '*' or not set. In Production list the host names people use, e.g. \"partnera.example.org\" (separated by ';').");
        // The key file made on first use sits in App_Data, beside a SQLite database and in the same copies of that folder.
        if (production && string.IsNullOrWhiteSpace(configuration[Features.Planning.Budgeting.BallotKeyring.Setting]))
            throw new InvalidOperationException($"{Features.Planning.Budgeting.BallotKeyring.Setting} is not set. In Production give every instance the same secret of 32+ characters, kept out of the database and its backups.");
        // Behind a reverse proxy on this machine (nginx in front of several instances), the client's address and
        // scheme come from its X-Forwarded-* headers; only loopback proxies are trusted by default. Only the one
        // address our proxy adds counts: earlier ones in the header are whatever the client sent.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        // Off behind a proxy that terminates TLS and talks plain HTTP to us without X-Forwarded-Proto.
        if (app.Configuration.GetValue(RedirectToHttpsSetting, app.Environment.IsProduction())) app.UseHttpsRedirection();
        return app;
    }

    private static Uri PublicUrl(IConfiguration configuration, bool production)
    {
        var value = configuration[PublicLinks.Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (production)
                throw new InvalidOperationException($"{PublicLinks.Setting} is not set. In Production set it to the address people open, e.g. \"https://partnera.example.org\": links in e-mails are built from it.");
            value = PublicLinks.LocalDefault;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : throw new InvalidOperationException($"{PublicLinks.Setting} is '{value}', which is not an absolute http(s) address such as \"https://partnera.example.org\".");
    }

    private static bool AllowsAnyHost(string? allowedHosts) =>
        string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';', StringSplitOptions.TrimEntries).Contains("*");
}
