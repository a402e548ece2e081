using System.Collections.Concurrent;

namespace Partnera.Features.People.Matching;

/// <summary>Two records (by their place in the list) that are probably one person, and why.</summary>
public sealed record MatchPair(int First, int Second, MatchScore Score);

/// <summary>
/// Finds the probable duplicates in a whole list of people at once (the nightly job over the registry, an imported
/// file, the command-line matcher). Comparing every pair of a million records is out of reach, so records are compared
/// only within blocks that a duplicate shares with its original however it was written: the pair of name skeletons in
/// either order (transliteration, swapped names, a missing date), each document number, and the date of birth with day
/// and month in order (typos in the names, swapped day and month): some thirty people share a date in a million.
/// </summary>
public static class DuplicateFinder
{
    /// <summary>Blocks larger than this (the commonest names with no date) are compared only with a date of birth in common.</summary>
    private const int LargestBlock = 2_000;

    public static List<MatchPair> Find(IReadOnlyList<MatchRecord> records, CancellationToken ct = default)
    {
        var (blocks, namesakes, groups) = Blocks(records);
        var places = Places(records);
        var compatible = new (int, int)[records.Count];
        Array.Fill(compatible, (-1, -1));
        var found = new ConcurrentBag<List<MatchPair>>();
        Parallel.ForEach(blocks, new ParallelOptions { CancellationToken = ct }, () => new List<MatchPair>(), (block, _, mine) =>
        {
            Compare(records, namesakes, places, (groups, compatible), block, mine);
            return mine;
        }, found.Add);
        // A pair met in several blocks is reported once, with the records in list order.
        var pairs = found.SelectMany(l => l).DistinctBy(p => ((long)p.First << 32) | (uint)p.Second).ToList();
        pairs.AddRange(Linked(records, pairs));
        return pairs.OrderBy(p => p.First).ThenBy(p => p.Second).ToList();
    }

    /// <summary>Largest group of records that are one person through each other; larger groups are chains of namesakes.</summary>
    private const int LargestGroup = 5;

    /// <summary>
    /// When A is probably B and B is probably C, A and C are one person too, however differently each was written
    /// (one with the date, the other with the document): such pairs are reported as linked, within small groups.
    /// </summary>
    private static IEnumerable<MatchPair> Linked(IReadOnlyList<MatchRecord> records, List<MatchPair> pairs)
    {
        var parent = new Dictionary<int, int>();
        int Root(int x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) x = parent[x] = parent.GetValueOrDefault(p, p);
            return x;
        }
        foreach (var p in pairs) parent[Root(p.First)] = Root(p.Second);
        var direct = pairs.Select(p => ((long)p.First << 32) | (uint)p.Second).ToHashSet();
        foreach (var group in pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().GroupBy(Root))
        {
            var members = group.Order().ToList();
            if (members.Count < 3 || members.Count > LargestGroup) continue;
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (direct.Contains(((long)members[i] << 32) | (uint)members[j])) continue;
                    var score = PersonMatcher.Score(records[members[i]], records[members[j]]);
                    // A chain through a third record does not join two records that contradict each other.
                    if (score.BirthDate == 0 || score.SexDiffers || score.Patronymic == 0 || score.DocumentsDiffer) continue;
                    yield return new MatchPair(members[i], members[j], score with { Linked = true });
                }
            }
        }
    }

    /// <summary>The block keys of one record (also what a single check looks up).</summary>
    public static IEnumerable<string> Keys(MatchRecord r)
    {
        if (r.NamesKey is { } names) yield return $"n|{names}";
        foreach (var d in r.Documents) yield return $"d|{d}";
        if (r.BirthKey is { } born) yield return $"b|{born}";
        // Same home, one of the names as written: a typo in the other name with no date to meet by.
        if (r.AddressWords.Length < 2) yield break;
        var home = string.Join(' ', r.AddressWords.Order(StringComparer.Ordinal));
        if (r.Family.Skeleton.Length > 0) yield return $"a|{r.Family.Skeleton}|{home}";
        if (r.Given.Skeleton.Length > 0) yield return $"a|{r.Given.Skeleton}|{home}";
    }

    /// <summary>The blocks to compare within, and for each record how many records carry its names and how many dates of birth they give.</summary>
    private static (List<int[]> Blocks, (int Records, int Born)[] Namesakes, List<int>?[] Groups) Blocks(IReadOnlyList<MatchRecord> records)
    {
        var index = new Dictionary<string, List<int>>(records.Count * 3, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in Keys(records[i]))
            {
                if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>(2);
                list.Add(i);
            }
        }
        var namesakes = new (int, int)[records.Count];
        var groups = new List<int>?[records.Count];
        var born = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].NamesKey is not { } names)
            {
                namesakes[i] = (int.MaxValue, int.MaxValue);
                continue;
            }
            var key = $"n|{names}";
            var group = groups[i] = index[key];
            if (!born.TryGetValue(key, out var dates)) born[key] = dates = Born(records, group);
            namesakes[i] = (group.Count, dates);
        }
        return (index.Values.Where(l => l.Count > 1 && l.Count <= LargestBlock).Select(l => l.ToArray()).ToList(), namesakes, groups);
    }

    /// <summary>
    /// How many different dates of birth the namesakes of a record without one give, among those it could be: not of
    /// another sex, with another father's name or another document of one kind. When one, it is that person or no one here.
    /// </summary>
    /// <remarks>Here: those of them at its place (when it gives one); one there is the only person of these names it could be there.</remarks>
    public static (int All, int Here) Compatible(IReadOnlyList<MatchRecord> records, IEnumerable<int> group, int undated)
    {
        var me = records[undated];
        var could = group.Where(i => i != undated && records[i].BirthDate is not null && !Contradicts(me, records[i])).ToList();
        var place = me.PlaceKey;
        return (could.Select(i => records[i].BirthKey).Distinct().Count(),
            place is null ? 0 : could.Where(i => records[i].PlaceKey == place).Select(i => records[i].BirthKey).Distinct().Count());
    }

    private static bool Contradicts(MatchRecord a, MatchRecord b)
    {
        var score = PersonMatcher.Score(a, b);
        return score.SexDiffers || score.Patronymic == 0 || score.DocumentsDiffer;
    }

    /// <summary>How many different dates of birth (day and month either way round) a group of records gives.</summary>
    public static int Born(IReadOnlyList<MatchRecord> records, IEnumerable<int> group) =>
        group.Select(i => records[i].BirthKey).Where(k => k is not null).Distinct().Count();

    /// <summary>For each record, how many records of the list give its place (its address words, as a whole); 0 without one.</summary>
    public static int[] Places(IReadOnlyList<MatchRecord> records)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.PlaceKey is { } key) counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return records.Select(r => r.PlaceKey is { } key ? counts[key] : 0).ToArray();
    }

    /// <summary>How common the pair's names and place are in a list of <paramref name="size"/> records (the place is the less specific address's).</summary>
    public static Commonness Of(MatchRecord a, MatchRecord b, (int Records, int Born) namesakesA, (int Records, int Born) namesakesB, int placeA, int placeB, int size)
    {
        var place = a.AddressWords.Length == b.AddressWords.Length ? Math.Max(placeA, placeB) : a.AddressWords.Length < b.AddressWords.Length ? placeA : placeB;
        return new Commonness(Math.Max(namesakesA.Records, namesakesB.Records), place > 0 && size > 0 ? (double)place / size : null, Math.Max(namesakesA.Born, namesakesB.Born));
    }

    private static void Compare(IReadOnlyList<MatchRecord> records, (int, int)[] namesakes, int[] places, (List<int>?[] Groups, (int All, int Here)[] Compatible) names, int[] block, List<MatchPair> found)
    {
        for (var i = 0; i < block.Length; i++)
        {
            for (var j = i + 1; j < block.Length; j++)
            {
                var (x, y) = (block[i], block[j]);
                var commonness = Of(records[x], records[y], namesakes[x], namesakes[y], places[x], places[y], records.Count);
                // One side without a date, both of the same names: what counts is how many namesakes it could be.
                var undated = records[x].BirthDate is null ? x : y;
                if ((records[x].BirthDate is null) != (records[y].BirthDate is null) && ReferenceEquals(names.Groups[x], names.Groups[y]) && names.Groups[x] is { } group)
                {
                    if (names.Compatible[undated].All < 0) names.Compatible[undated] = Compatible(records, group, undated);
                    commonness = commonness with { Born = names.Compatible[undated].All, BornHere = names.Compatible[undated].Here };
                }
                var score = PersonMatcher.Score(records[x], records[y], commonness);
                if (score.Probable) found.Add(new MatchPair(Math.Min(block[i], block[j]), Math.Max(block[i], block[j]), score));
            }
        }
    }
}
