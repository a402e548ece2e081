using System.Diagnostics;
using System.Net.Sockets;

namespace Partnera.Bench;

/// <summary>The app as it runs in production: its own process (Release build), on loopback, with the given database.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    public string BaseUrl { get; }
    public int Pid => process.Id;

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public static async Task<AppProcess> StartAsync(string provider, string connection, string contentRoot)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Partnera.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --contentRoot \"{contentRoot}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = provider;
        info.Environment["ConnectionStrings__Partnera"] = connection;
        info.Environment["DemoData__Seed"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The settings Production refuses to start without, for a bench on loopback over plain HTTP.
        info.Environment["App__PublicUrl"] = $"http://127.0.0.1:{port}";
        info.Environment["AllowedHosts"] = "127.0.0.1;localhost";
        info.Environment["Budgeting__BallotKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        info.Environment["Security__RedirectToHttps"] = "false";
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync(app.BaseUrl + "/health/ready")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}");
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not become ready in two minutes.");
    }

    /// <summary>The most memory the app process has held (VmHWM), in MB.</summary>
    public double PeakMemoryMb()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0, 1);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
