using Partnera.Data;

[assembly: AssemblyFixture(typeof(Partnera.Tests.Infrastructure.TestApps))]

namespace Partnera.Tests.Infrastructure;

/// <summary>
/// One app per database for the whole run, started on first use and seeded with the demo data.
/// Tests that change data create their own records (unique names), so they can share the app.
/// </summary>
public sealed class TestApps : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<DatabaseProvider, PartneraApp> apps = [];
    private readonly List<string> files = [];
    private readonly SemaphoreSlim postgresGate = new(1, 1);
    private PostgresServer? postgres;

    public async Task<PartneraApp> GetAsync(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = await NewAppAsync(provider);
                apps[provider] = app;
            }
            return app;
        }
        finally { gate.Release(); }
    }

    /// <summary>A separate app with its own fresh database, for tests that need other settings.</summary>
    public async Task<PartneraApp> NewAppAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, string environment = "Testing",
        TimeProvider? time = null)
    {
        var app = new PartneraApp(provider, await NewDatabaseAsync(provider), settings, environment, time);
        _ = app.Server; // starts the host: migrations and demo data run now
        return app;
    }

    /// <summary>A connection string to a new empty database (the file or database is removed after the run).</summary>
    public async Task<string> NewDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"partnera-test-{Guid.NewGuid():N}.db");
            files.Add(file);
            return $"Data Source={file}";
        }
        await postgresGate.WaitAsync();
        try { postgres ??= await PostgresServer.StartAsync(); }
        finally { postgresGate.Release(); }
        return postgres.ConnectionString($"partnera_{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values) await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (postgres is not null) await postgres.DisposeAsync();
        foreach (var file in files.Where(File.Exists)) File.Delete(file);
    }
}

/// <summary>One theory row per database the platform runs on.</summary>
public sealed class Databases : TheoryData<DatabaseProvider>
{
    public Databases()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
