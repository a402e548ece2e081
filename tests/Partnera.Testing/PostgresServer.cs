using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Partnera.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb into a temp folder, pg_ctl start on a
/// free loopback port, removed at the end. PostgreSQL refuses to run as root, so as root (CI) the
/// cluster runs as the "postgres" system user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;
    private readonly string binaries;
    private readonly bool kept;
    private readonly string[] settings;
    public int Port { get; }

    private PostgresServer(string folder, string binaries, int port, bool kept, string[] settings)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.kept = kept;
        this.settings = settings;
        Port = port;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true;Pooling=true;Maximum Pool Size=20";

    /// <summary>
    /// Starts a cluster in a new temporary folder, removed when disposed; or, given <paramref name="keptFolder"/>, in that
    /// folder, reusing the cluster already there and leaving it in place (the bench keeps its generated data this way).
    /// <paramref name="settings"/> are further server settings ("shared_buffers=2GB").
    /// </summary>
    public static async Task<PostgresServer> StartAsync(string? keptFolder = null, params string[] settings)
    {
        var binaries = FindBinaries();
        var folder = keptFolder ?? Path.Combine(Path.GetTempPath(), $"partnera-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (IsRoot) await RunAsync("chown", $"postgres {folder}");
        var port = FreePort();
        var server = new PostgresServer(folder, binaries, port, keptFolder is not null, settings);
        var data = Path.Combine(folder, "data");
        if (!Directory.Exists(data))
            await server.AsServerUserAsync("initdb", $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server again, on the same port with the same settings.</summary>
    public Task StartAgainAsync() => AsServerUserAsync("pg_ctl",
        $"-D {Path.Combine(folder, "data")} -l {Path.Combine(folder, "log")} -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {Port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200{string.Concat(settings.Select(x => " -c " + x))}\" start");

    /// <summary>Stops the server as an administrator restarting it would (sessions ended, nothing lost that was committed).</summary>
    public Task StopAsync() => AsServerUserAsync("pg_ctl", $"-D {Path.Combine(folder, "data")} -m fast -w stop");

    public async ValueTask DisposeAsync()
    {
        try { await AsServerUserAsync("pg_ctl", $"-D {Path.Combine(folder, "data")} -m {(kept ? "fast" : "immediate")} -w stop"); }
        finally
        {
            if (!kept) Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsServerUserAsync(string tool, string arguments) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- {Path.Combine(binaries, tool)} {arguments}") : RunAsync(Path.Combine(binaries, tool), arguments);

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root) ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).ToList() : [];
        if (versions.Count == 0) throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: run ./test.sh, which installs them.");
        return Path.Combine(versions.OrderBy(v => int.TryParse(Path.GetFileName(v), out var n) ? n : 0).Last(), "bin");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
    }
}
