using System.Diagnostics;

namespace Partnera.Bench;

/// <summary>
/// Debian's nginx in front of several app instances, as production runs it: installed from Debian's packages when
/// missing, started in the foreground with a configuration of its own in a temporary folder, on loopback.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    public string BaseUrl { get; }

    private Nginx(Process process, string folder, string baseUrl) => (this.process, this.folder, BaseUrl) = (process, folder, baseUrl);

    public int Pid => process.Id;

    public static async Task<Nginx> StartAsync(IEnumerable<string> upstreams)
    {
        await EnsureInstalledAsync();
        var folder = Directory.CreateTempSubdirectory("partnera-nginx-").FullName;
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(folder, temp));
            // nginx's workers run as another user when started by root.
            if (!OperatingSystem.IsWindows()) dir.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        }
        var port = AppProcess.FreePort();
        var servers = string.Concat(upstreams.Select(u => $"    server {new Uri(u).Authority};\n"));
        var config = $$"""
            worker_processes 2;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream partnera {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://partnera;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                }
              }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var process = Process.Start(new ProcessStartInfo("nginx", $"-c {file} -p {folder}") { RedirectStandardError = true, RedirectStandardOutput = true })!;
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var nginx = new Nginx(process, folder, $"http://127.0.0.1:{port}");
        using var client = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            try
            {
                if ((await client.GetAsync(nginx.BaseUrl + "/health/live")).IsSuccessStatusCode) return nginx;
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"))}");
            await Task.Delay(200);
        }
        throw new TimeoutException("nginx did not answer in 10 s.");
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists("/usr/sbin/nginx")) return;
        Console.WriteLine("Installing Debian's nginx");
        foreach (var args in new[] { "update -qq", "install -y -qq --no-install-recommends nginx" })
        {
            var info = new ProcessStartInfo("apt-get", args);
            info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var apt = Process.Start(info)!;
            await apt.WaitForExitAsync();
            if (apt.ExitCode != 0) throw new InvalidOperationException($"apt-get {args} failed ({apt.ExitCode}); run the bench as root or install nginx.");
        }
        // The package starts its own server on port 80 where it can; the bench runs its own.
        using var stop = Process.Start("sh", "-c \"nginx -s stop 2>/dev/null || true\"");
        await stop.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
