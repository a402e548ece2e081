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

    /// <summary>Each address mode (DEDUP_ADDRESS: empty, settlement, full; all three by default) on DEDUP_PEOPLE people (1,000,000 by default).</summary>
    public static object Run()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("DEDUP_PEOPLE"), out var n) ? n : People;
        var modes = Environment.GetEnvironmentVariable("DEDUP_ADDRESS") is { Length: > 0 } m ? [Enum.Parse<AddressMode>(m, ignoreCase: true)] : Enum.GetValues<AddressMode>();
        return modes.Select(mode => Run(size, mode)).ToList();
    }

    public static object Run(int size, AddressMode mode)
    {
        var clock = Stopwatch.StartNew();
        var people = new PeopleGenerator(7, mode).Generate(size, 0.15);
        var generation = clock.Elapsed.TotalSeconds;
        var truth = TruePairs(people);
        var clusters = people.Select(p => p.Truth).Distinct().Count();
        Console.WriteLine($"dedup ({mode} address): {people.Count:N0} people in {clusters:N0} clusters, {truth.Count:N0} true pairs, generated in {generation:F0} s");

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
                var score = PersonMatcher.Score(records[a], records[b]);
                var cause = score.Probable ? "not blocked" : score.BirthDate == 0.5 ? "no date" : score.BirthDate == 0 ? "date differs" : score.FamilyName == 0 || score.GivenName == 0 ? "name" : score.Patronymic == 0 ? "patronymic" : "other";
                causes[cause] = causes.GetValueOrDefault(cause) + 1;
                if (causes[cause] <= (cause == "no date" ? 25 : 3)) Console.WriteLine($"FN {cause}: {people[a]} | {people[b]} | {score}");
            }
            foreach (var (cause, n) in causes) Console.WriteLine($"FN cause {cause}: {n}");
        }
        Console.WriteLine($"dedup: matcher {seconds:F1} s, {cpuSeconds:F0} CPU s (prepare {prepared:F1} s, {recordBytes} bytes per record), {matcher}");

        clock.Restart();
        var exact = people.Where(p => p.Born is not null).GroupBy(p => (p.Family, p.Given, p.Born))
            .SelectMany(g => Pairs(g.Select(p => p.Id).ToList())).ToList();
        var exactSeconds = clock.Elapsed.TotalSeconds;
        var baseline = Quality(exact, truth);
        Console.WriteLine($"dedup: exact match {exactSeconds:F1} s, {baseline}");
        var byDifficulty = ByDifficulty(people, found, exact, truth);
        foreach (var d in byDifficulty) Console.WriteLine($"  {d.Difficulty,-28} {d.TruePairs,8:N0} true pairs  matcher P {d.Matcher.Precision:F3} R {d.Matcher.Recall:F3}  exact P {d.Exact.Precision:F3} R {d.Exact.Recall:F3}");
        return new
        {
            Address = mode.ToString(),
            People = people.Count,
            Clusters = clusters,
            TruePairs = truth.Count,
            Matcher = new { Seconds = Math.Round(seconds, 1), PrepareSeconds = Math.Round(prepared, 1), BytesPerRecord = recordBytes, CpuSeconds = Math.Round(cpuSeconds, 1), Quality = matcher, F1 = F1(matcher) },
            ExactMatchBaseline = new { Seconds = Math.Round(exactSeconds, 1), Quality = baseline, F1 = F1(baseline) },
            ByDifficulty = byDifficulty,
        };
    }

    private static double F1(Score s) => s.Precision + s.Recall == 0 ? 0 : Math.Round(2 * s.Precision * s.Recall / (s.Precision + s.Recall), 4);

    public sealed record DifficultyScore(string Difficulty, int TruePairs, Score Matcher, Score Exact);

    /// <summary>
    /// Precision and recall among the pairs that involve a record with each difficulty: recall over the true pairs with
    /// such a record, precision over the found pairs with one (a record given another's document counts there).
    /// </summary>
    private static List<DifficultyScore> ByDifficulty(List<GeneratedPerson> people, List<long> matcher, List<long> exact, HashSet<long> truth)
    {
        var names = people.SelectMany(p => p.Difficulties).Distinct().Order(StringComparer.Ordinal).ToList();
        Score Of(string name, List<long> found)
        {
            bool Has(long k) => people[(int)(k >> 32)].Difficulties.Contains(name) || people[(int)(k & 0xffffffff)].Difficulties.Contains(name);
            var mine = found.Distinct().Where(Has).ToList();
            var correct = mine.Count(truth.Contains);
            var all = truth.Count(Has);
            return new Score(mine.Count, correct, Math.Round(mine.Count == 0 ? 1 : (double)correct / mine.Count, 4), Math.Round(all == 0 ? 1 : (double)correct / all, 4));
        }
        return names.Select(name => new DifficultyScore(name, truth.Count(k => people[(int)(k >> 32)].Difficulties.Contains(name) || people[(int)(k & 0xffffffff)].Difficulties.Contains(name)), Of(name, matcher), Of(name, exact))).ToList();
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
