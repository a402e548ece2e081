namespace Partnera.Bench;

/// <summary>CPU time used per request by the app (all its instances), the database server and the load generator, from /proc.</summary>
public sealed record CpuShare(double AppMs, double DatabaseMs, double LoadGeneratorMs);

public sealed class CpuMeter
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on Linux
    private readonly IReadOnlyCollection<int> appPids;
    private readonly (double App, double Database, double Self) start;

    private CpuMeter(IReadOnlyCollection<int> appPids)
    {
        this.appPids = appPids;
        start = Read();
    }

    public static CpuMeter Start(IReadOnlyCollection<int> appPids) => new(appPids);

    public CpuShare PerRequest(int requests)
    {
        var end = Read();
        return new CpuShare(Math.Round((end.App - start.App) / requests, 2), Math.Round((end.Database - start.Database) / requests, 2),
            Math.Round((end.Self - start.Self) / requests, 2));
    }

    private (double App, double Database, double Self) Read()
    {
        double app = 0, database = 0, self = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var (name, ms) = Stat(dir);
            if (pid == Environment.ProcessId) self = ms;
            else if (appPids.Contains(pid)) app += ms;
            else if (name == "postgres") database += ms;
        }
        return (app, database, self);
    }

    private static (string Name, double Ms) Stat(string dir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return (name, ticks * TickMs);
        }
        catch (IOException) { return ("", 0); }
        catch (UnauthorizedAccessException) { return ("", 0); }
    }
}
