using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Partnera.Data.DemoData;
using Partnera.Infrastructure.Auditing;

namespace Partnera.Data;

public static class DataModule
{
    /// <summary>Registers the database chosen by configuration, migrations at start-up and the demo data.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = DatabaseOptions.Provider(builder.Configuration);
        var connection = DatabaseOptions.ConnectionString(builder.Configuration, provider);
        services.AddScoped<AuditingInterceptor>();
        services.AddScoped<Features.Needs.Tallies.AnswerTallyInterceptor>();
        services.AddScoped<Features.Planning.PublicPageEviction>();
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connection, builder.Environment.ContentRootPath);
            services.AddDbContext<PartneraDbContext, SqlitePartneraDbContext>((sp, o) =>
                o.UseSqlite(connection).AddInterceptors(Interceptors(sp)));
        }
        else
        {
            var prepared = PreparedStatements(connection);
            services.AddDbContext<PartneraDbContext, PostgresPartneraDbContext>((sp, o) =>
                o.UseNpgsql(prepared).AddInterceptors(Interceptors(sp)));
        }
        services.AddDataProtection().SetApplicationName("Partnera").PersistKeysToDbContext<PartneraDbContext>();
        services.AddScoped<DemoDataSeeder>();
        // First of the hosted services (they start in order): Data Protection's own one reads its keys from the
        // database at start, and on a new database it would log "no such table" before the migrations made it.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        services.AddHealthChecks().AddDbContextCheck<PartneraDbContext>("database", tags: ["ready"]);
        return builder;
    }

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
        [sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<Features.Territories.TerritoryTreeInvalidator>(),
            sp.GetRequiredService<Features.Needs.Tallies.AnswerTallyInterceptor>(), sp.GetRequiredService<Features.Planning.PublicPageEviction>()];

    /// <summary>
    /// Lets Npgsql prepare the statements it sees most often (unless the connection string says otherwise): PostgreSQL
    /// then skips parsing and planning them again, which for the finder's and the service page's short queries is
    /// most of their cost.
    /// </summary>
    private static string PreparedStatements(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connection, string contentRoot)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file, contentRoot));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
