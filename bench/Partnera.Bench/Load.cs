using System.Diagnostics;

namespace Partnera.Bench;

/// <summary>Latency figures of one scenario.</summary>
public sealed record LoadResult(string Scenario, int Requests, int Concurrency, double Seconds, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, int Failures, CpuShare CpuMsPerRequest);

public static class Load
{
    /// <summary>
    /// How long the same traffic runs unmeasured first. A server runs for days: .NET compiles hot code again, optimised
    /// with what it saw (tiered compilation), and with 16 clients that takes about 20 s of this load; measured before,
    /// the app spends half its time in the compiler (see bench/results/README.md).
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="requests"/> calls with <paramref name="concurrency"/> workers after the <see cref="WarmUp"/>;
    /// a call returns false on failure. Calls that can be made only once (a ballot) warm up with calls of their own.
    /// </summary>
    public static async Task<LoadResult> RunAsync(string scenario, int requests, int concurrency, Func<int, Task<bool>> call, int? appPid = null,
        Func<int, Task<bool>>? warmUp = null, IReadOnlyCollection<int>? appPids = null)
    {
        await WarmUpAsync(concurrency, warmUp ?? (i => call(i % requests)));
        var cpu = CpuMeter.Start(appPids ?? (appPid is { } pid ? [pid] : []));
        var (latencies, failures, elapsed) = await MeasureAsync(requests, concurrency, call);
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new LoadResult(scenario, requests, concurrency, Math.Round(elapsed.TotalSeconds, 2), Math.Round(requests / elapsed.TotalSeconds, 1),
            Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.95), 2), Math.Round(Percentile(0.99), 2), failures, cpu.PerRequest(requests));
    }

    private static async Task WarmUpAsync(int concurrency, Func<int, Task<bool>> call)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < WarmUp) await call(Interlocked.Increment(ref next));
        }));
    }

    private static async Task<(double[] Latencies, int Failures, TimeSpan Elapsed)> MeasureAsync(int requests, int concurrency, Func<int, Task<bool>> call)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }
        });
        await Task.WhenAll(workers);
        return (latencies, failures, clock.Elapsed);
    }

    /// <summary>Times a call run in turn (after two unmeasured runs): median, 95th percentile and slowest, in ms.</summary>
    public static async Task<object> TimeAsync(int runs, Func<int, Task> call)
    {
        await call(runs);
        await call(runs + 1);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new { Runs = runs, MedianMs = Math.Round(times[runs / 2], 1), P95Ms = Math.Round(times[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)], 1), MaxMs = Math.Round(times[^1], 1) };
    }
}
