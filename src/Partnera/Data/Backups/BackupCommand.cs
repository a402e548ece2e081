using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Partnera.Data.Backups;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c> from the command line, for a cron job: the whole database (people, plans,
/// the audit log and the Data Protection keys that sign cookies and tokens) into one file and back. SQLite uses its
/// online backup API (a consistent copy while the app runs); PostgreSQL uses pg_dump / pg_restore in the custom format.
/// A restore goes into an empty database only, so a mistyped setting never overwrites live data.
/// </summary>
public static class BackupCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public const int Done = 0, Usage = 64, Failed = 70, NotEmpty = 73;

    public static int Run(string verb, string[] args, IConfiguration configuration, TextWriter error)
    {
        if (args.Length < 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            error.WriteLine($"Usage: {verb} FILE (the database is the one the settings name: Database:Provider, ConnectionStrings:Partnera).");
            return Usage;
        }
        var file = Path.GetFullPath(args[0]);
        var provider = DatabaseOptions.Provider(configuration);
        var connection = DatabaseOptions.ConnectionString(configuration, provider);
        try
        {
            if (verb == Restore && !IsEmpty(provider, connection))
            {
                error.WriteLine("The database to restore into already holds tables: restore into a new, empty database.");
                return NotEmpty;
            }
            if (verb == Restore && !File.Exists(file))
            {
                error.WriteLine($"No backup file at {file}.");
                return Usage;
            }
            if (verb == Restore && provider == DatabaseProvider.Sqlite && !IsPartneraSqlite(file))
            {
                error.WriteLine($"{file} is not a Partnera backup (no migration history in it).");
                return Failed;
            }
            if (provider == DatabaseProvider.Sqlite) Sqlite(verb, connection, file);
            else Postgres(verb, connection, file);
            error.WriteLine(verb == Backup ? $"Backed up to {file}." : $"Restored from {file}.");
            return Done;
        }
        catch (Exception e) when (e is IOException or SqliteException or NpgsqlException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            error.WriteLine($"{verb} failed: {e.Message}");
            return Failed;
        }
    }

    private static void Sqlite(string verb, string connection, string file)
    {
        using var database = new SqliteConnection(connection);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        database.Open();
        copy.Open();
        if (verb == Backup) database.BackupDatabase(copy);
        else copy.BackupDatabase(database);
    }

    private static void Postgres(string verb, string connection, string file)
    {
        // (A restore's database was made, if missing, when it was checked to be empty.)
        var c = new NpgsqlConnectionStringBuilder(connection);
        var arguments = verb == Backup
            ? new[] { "--format=custom", "--no-owner", $"--file={file}", $"--dbname={c.Database}" }
            : new[] { "--no-owner", "--no-privileges", "--exit-on-error", $"--dbname={c.Database}", file };
        var start = new ProcessStartInfo(Tool(verb == Backup ? "pg_dump" : "pg_restore")) { RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The password goes by environment, never on the command line (where other users' ps would show it).
        start.Environment["PGHOST"] = c.Host ?? "localhost";
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Username is { } user) start.Environment["PGUSER"] = user;
        if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var messages = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{start.FileName} exited with {process.ExitCode}: {messages.Trim()}");
    }

    private static void CreateDatabaseIfMissing(NpgsqlConnectionStringBuilder c)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(c.ConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", c.Database ?? "");
        if (exists.ExecuteScalar() is not null) return;
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{c.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        create.ExecuteNonQuery();
    }

    /// <summary>A Partnera SQLite backup holds the migrations' history table (an empty or foreign file does not).</summary>
    private static bool IsPartneraSqlite(string file)
    {
        if (new FileInfo(file).Length == 0) return false;
        using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        backup.Open();
        using var history = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'", backup);
        return Convert.ToInt64(history.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static bool IsEmpty(DatabaseProvider provider, string connection)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            using var database = new SqliteConnection(connection);
            database.Open();
            using var tables = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table'", database);
            return Convert.ToInt64(tables.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        var c = new NpgsqlConnectionStringBuilder(connection) { Pooling = false };
        CreateDatabaseIfMissing(c);
        using var postgres = new NpgsqlConnection(c.ConnectionString);
        postgres.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", postgres);
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>pg_dump / pg_restore on the PATH, or of the newest PostgreSQL installed the Debian way.</summary>
    private static string Tool(string name)
    {
        var root = "/usr/lib/postgresql";
        var installed = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? name;
    }
}
