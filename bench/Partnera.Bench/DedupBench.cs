using System.Diagnostics;
using Partnera.Features.People.Matching;

namespace Partnera.Bench;

/// <summary>
/// Deduplication of 1,000,000 generated people (15 % of them another record of someone already in the list, written
/// differently; see PeopleGenerator): the matcher over the whole list, timed, with precision and recall against the
/// generated truth, beside a plain exact-match baseline (same family name, given name and date of birth as typed).
/// </summary>
public static class DedupBench
{
    public const int People = 1_000_000;

    public static object Run()
    {
        var clock = Stopwatch.StartNew();
        var people = new PeopleGenerator(7).Generate(People, 0.15);
        var generation = clock.Elapsed.TotalSeconds;
        var truth = TruePairs(people);
        Console.WriteLine($"dedup: {people.Count:N0} people, {truth.Count:N0} true pairs, generated in {generation:F0} s");

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var records = new MatchRecord[people.Count];
        var pool = new TextPool();
        Parallel.For(0, people.Count, i =>
        {
            var p = people[i];
            records[i] = new MatchRecord(p.Family, p.Given, p.Born, p.Document is { } d ? [d] : [], p.Patronymic, p.Sex, p.Address, pool);
        });
        var prepared = clock.Elapsed.TotalSeconds;
        // What the nightly scan holds per person (its records are the same MatchRecords): the measure of how far it scales in memory.
        clock.Stop();
        var recordBytes = (GC.GetTotalMemory(forceFullCollection: true) - heap) / people.Count;
        clock.Start();
        var pairs = DuplicateFinder.Find(records);
        var found = pairs.Select(p => Key(p.First, p.Second)).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var matcher = Quality(found, truth);
        if (Environment.GetEnvironmentVariable("DEDUP_DEBUG") is not null)
        {
            foreach (var p in pairs.Where(p => !truth.Contains(Key(p.First, p.Second))).Take(40)) Console.WriteLine($"FP {people[p.First]} | {people[p.Second]} | {p.Score}");
            var got = found.ToHashSet();
            var causes = new Dictionary<string, int>();
            foreach (var k in truth.Where(k => !got.Contains(k)))
            {
                var (a, b) = ((int)(k >> 32), (int)(k & 0xffffffff));
                var score = Partnera.Features.People.Matching.PersonMatcher.Score(records[a], records[b]);
                var cause = score.Probable ? "not blocked" : score.BirthDate == 0.5 ? "no date" : score.BirthDate == 0 ? "date differs" : score.FamilyName == 0 || score.GivenName == 0 ? "name" : score.Patronymic == 0 ? "patronymic" : "other";
                causes[cause] = causes.GetValueOrDefault(cause) + 1;
                if (causes[cause] <= (cause == "no date" ? 25 : 3)) Console.WriteLine($"FN {cause}: {people[a]} | {people[b]} | {score}");
            }
            foreach (var (cause, n) in causes) Console.WriteLine($"FN cause {cause}: {n}");
        }
        Console.WriteLine($"dedup: matcher {seconds:F1} s (prepare {prepared:F1} s, {recordBytes} bytes per record), {matcher}");

        clock.Restart();
        var exact = people.Where(p => p.Born is not null).GroupBy(p => (p.Family, p.Given, p.Born))
            .SelectMany(g => Pairs(g.Select(p => p.Id).ToList())).ToList();
        var exactSeconds = clock.Elapsed.TotalSeconds;
        var baseline = Quality(exact, truth);
        Console.WriteLine($"dedup: exact match {exactSeconds:F1} s, {baseline}");
        return new
        {
            People = people.Count,
            TruePairs = truth.Count,
            Matcher = new { Seconds = Math.Round(seconds, 1), PrepareSeconds = Math.Round(prepared, 1), BytesPerRecord = recordBytes, CpuSeconds = Math.Round(cpuSeconds, 1), Quality = matcher },
            ExactMatchBaseline = new { Seconds = Math.Round(exactSeconds, 1), Quality = baseline },
        };
    }

    public sealed record Score(int Found, int Correct, double Precision, double Recall);

    private static Score Quality(List<long> found, HashSet<long> truth)
    {
        var distinct = found.Distinct().ToList();
        var correct = distinct.Count(truth.Contains);
        return new Score(distinct.Count, correct, Math.Round(distinct.Count == 0 ? 0 : (double)correct / distinct.Count, 4), Math.Round((double)correct / truth.Count, 4));
    }

    private static HashSet<long> TruePairs(List<GeneratedPerson> people) =>
        people.GroupBy(p => p.Truth).Where(g => g.Count() > 1).SelectMany(g => Pairs(g.Select(p => p.Id).ToList())).ToHashSet();

    private static IEnumerable<long> Pairs(List<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++) yield return Key(ids[i], ids[j]);
        }
    }

    private static long Key(int a, int b) => ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
}
