using Partnera.Data;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Hsds;
using Partnera.Features.Memoranda;
using Partnera.Features.Needs;
using Partnera.Features.Organisations;
using Partnera.Features.People;
using Partnera.Features.Planning;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;
using Partnera.Infrastructure.Email;
using Partnera.Infrastructure.Jobs;
using Partnera.Infrastructure.Localisation;
using Partnera.Infrastructure.Web;
using Quartz;
using Scalar.AspNetCore;

namespace Partnera;

/// <summary>The table of contents of the app: cross-cutting set-up, then one line per feature.</summary>
public static class Platform
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.AddHosting();
        // Run from a build (dotnet run in any environment, the tests' server), the compressed copies of the static files
        // live under obj/ and the build's manifest points at them; a published app has them all in wwwroot and no such
        // manifest, and then this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Cyrillic and Romanian letters go out as themselves, not as &#x...; entities (pages stay small and readable).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Partnera.Features.Audit.AuditChanges>();
        services.AddScoped<DocumentStore>();
        services.AddOptions<Infrastructure.Imports.ImportLimits>().BindConfiguration(Infrastructure.Imports.ImportLimits.Section);
        services.AddLocalisation();
        services.AddErrorHandling();
        services.AddControlCharacterStripping();
        services.AddRateLimits(builder.Configuration);
        services.AddEmail(builder.Configuration);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "partnera.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOutputCache(o => o.AddPolicy(PublicPageCache.Name, new PublicPageCache()));
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new CheckboxBinder.Provider());
                o.Filters.Add(new UnknownHandlers());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = FeatureStringsLocalizer.For);
        return builder;
    }

    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.AddJobs();
        builder.Services.ConfigureAllQuartzSchedulers(Infrastructure.Imports.ExpiredUploadsJob.Schedule);
        builder.Services.AddAccounts(builder.Configuration, builder.Environment);
        builder.Services.AddTerritories();
        builder.Services.AddOrganisations();
        builder.Services.AddMemoranda();
        builder.Services.AddNeeds();
        builder.Services.AddPlanning();
        builder.Services.AddPeople(builder.Configuration);
        builder.Services.AddDirectory();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseHosting();
        app.UseSecurityHeaders();
        app.UseErrorHandling();
        app.UseLocalisation();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseTwoFactorGate();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs").AllowAnonymous();
        // Stylesheets and scripts: fingerprinted names, served pre-compressed (gzip, and brotli once published) and cached for a
        // year as immutable. Answered straight at routing, before sign-in and the two-factor gate, as UseStaticFiles did:
        // public to anyone, as every page needs them before its reader signs in.
        app.MapStaticAssets().ShortCircuit().AllowAnonymous();
        app.MapLanguageSwitch();
        // Pages link the fingerprinted names (the link and script tag helpers look them up in the static assets manifest).
        app.MapRazorPages().WithStaticAssets();
        app.MapTokenApi();
        app.MapTerritoriesApi();
        app.MapOrganisationsApi();
        app.MapMemorandaEndpoints();
        app.MapPlanningEndpoints();
        app.MapPeopleApi();
        app.MapHsdsApi();
        app.MapDirectoryApi();
        // Unknown addresses get the localised "not found" page instead of the sign-in redirect of the fallback policy.
        app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task MigrateAndExitAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
        await DatabaseMigrator.MigrateAsync(db, app.Logger, CancellationToken.None);
    }
}
