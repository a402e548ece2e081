using System.Diagnostics;

namespace Partnera.Bench;

/// <summary>Latency figures of one scenario.</summary>
public sealed record LoadResult(string Scenario, int Requests, int Concurrency, double Seconds, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, int Failures);

public static class Load
{
    /// <summary>Runs <paramref name="requests"/> calls with <paramref name="concurrency"/> workers; a call returns false on failure.</summary>
    public static async Task<LoadResult> RunAsync(string scenario, int requests, int concurrency, Func<int, Task<bool>> call)
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
        clock.Stop();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new LoadResult(scenario, requests, concurrency, Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(requests / clock.Elapsed.TotalSeconds, 1),
            Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.95), 2), Math.Round(Percentile(0.99), 2), failures);
    }
}
