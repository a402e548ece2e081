using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Partnera.Data.DemoData;

namespace Partnera.Data;

/// <summary>
/// Applies the migrations of the configured provider before the app takes requests, then seeds
/// the demo data when asked to (never in Production).
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartneraDbContext>();
        await MigrateAsync(db, logger, cancellationToken);
        // Create the first Data Protection key now, not in a race between the first parallel requests
        // (two keys made at once can leave a cookie or anti-forgery token unreadable until the ring refreshes).
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Partnera.Startup").Protect("ready");
        foreach (var referenceData in scope.ServiceProvider.GetServices<IReferenceData>())
            await referenceData.LoadAsync(cancellationToken);
        if (configuration.GetValue<bool>("DemoData:Seed"))
        {
            if (environment.IsProduction())
            {
                logger.LogWarning("DemoData:Seed is ignored in Production: demo accounts never exist there.");
                return;
            }
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(PartneraDbContext db, ILogger logger, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, pending);
        // A migration that moves data rewrites whole tables (millions of rows at national scale): no request waits
        // on it, so it may take as long as it needs.
        var usual = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.MigrateAsync(ct);
        db.Database.SetCommandTimeout(usual);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer works: the community-sized single-server setup.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await Features.Needs.Tallies.AnswerTallies.RepairAsync(db, ct);
    }
}
