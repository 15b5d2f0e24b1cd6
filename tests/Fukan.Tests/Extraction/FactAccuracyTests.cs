using System.Globalization;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// The hand labels in Expectations/facts against the parsers, over the seeds read at run time (the same scoring as
/// the <c>facts-accuracy</c> bench verb): precision must stay at or above 0.95 and recall at or above 0.90.
/// </summary>
public class FactAccuracyTests
{
    private static readonly string ExpectationDir = LocateExpectations();

    /// <summary>The checked-in labels: the test project folder is an ancestor of the test binaries.</summary>
    private static string LocateExpectations()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Expectations", "facts");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Expectations/facts not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("001b")]
    [InlineData("002")]
    [InlineData("003")]
    public void Labels_AreMetOnEachSeed(string set)
    {
        var (qHits, qPred, qGold, dHits, dPred, dGold, misses) = Score(set);
        Assert.True(qGold + dGold > 0, $"no labels for {set}");
        double qp = qPred == 0 ? 1 : (double)qHits / qPred, qr = qGold == 0 ? 1 : (double)qHits / qGold;
        double dp = dPred == 0 ? 1 : (double)dHits / dPred, dr = dGold == 0 ? 1 : (double)dHits / dGold;
        string report = string.Create(CultureInfo.InvariantCulture, $"{set}: quantity P={qp:F3} R={qr:F3}, date P={dp:F3} R={dr:F3}\n{string.Join('\n', misses)}");
        Assert.True(qp >= 0.95 && qr >= 0.90 && dp >= 0.95 && dr >= 0.90, report);
    }

    private static (int, int, int, int, int, int, List<string>) Score(string set)
    {
        var lines = File.ReadAllLines(Seeds.Path(set[..3]));
        var sample = ReadSample(Path.Combine(ExpectationDir, set + ".sample.txt"));
        var goldQ = ReadLabels(Path.Combine(ExpectationDir, set + ".quantity.tsv"), 7);
        var goldD = ReadLabels(Path.Combine(ExpectationDir, set + ".date.tsv"), 5);
        var quantities = new QuantityParser();
        var dates = new DateParser();
        int qh = 0, qp = 0, qg = 0, dh = 0, dp = 0, dg = 0;
        var misses = new List<string>();
        foreach (int line in sample ?? Enumerable.Range(1, lines.Length))
        {
            string prev = sample is not null && line >= 2 ? lines[line - 2] : "";
            string next = sample is not null && line < lines.Length ? lines[line] : "";
            string text = prev + lines[line - 1] + next;
            int from = prev.Length, to = prev.Length + lines[line - 1].Length;

            var pq = quantities.Parse(text).Where(m => m.Span.Start >= from && m.Span.Start < to).Select(QuantityKey).ToList();
            var pd = dates.Parse(text).Where(m => m.Span.Start >= from && m.Span.Start < to).Select(DateKey).ToList();
            Tally(line, pq, goldQ.GetValueOrDefault(line), ref qh, ref qp, ref qg, misses);
            Tally(line, pd, goldD.GetValueOrDefault(line), ref dh, ref dp, ref dg, misses);
        }
        return (qh, qp, qg, dh, dp, dg, misses);
    }

    private static void Tally(int line, List<string> predicted, List<string>? gold, ref int hits, ref int pred, ref int expected, List<string> misses)
    {
        var left = gold is null ? new List<string>() : new List<string>(gold);
        pred += predicted.Count;
        expected += left.Count;
        foreach (var p in predicted)
        {
            if (left.Remove(p)) hits++;
            else misses.Add($"{line} extra   {p}");
        }
        misses.AddRange(left.Select(m => $"{line} missing {m}"));
    }

    private static string QuantityKey(QuantityMatch m) => string.Join('\t', m.Text, Num(m.Value), m.ValueMax is decimal x ? Num(x) : "-",
        m.Unit ?? "-", m.Approximate ? "approx" : "-", m.Bound switch { QuantityBound.Min => "min", QuantityBound.Max => "max", _ => "-" });

    private static string DateKey(DateMatch m) => string.Join('\t', m.Text, Iso(m.Start), Iso(m.End), m.Precision.ToName());

    private static string Num(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static SortedSet<int>? ReadSample(string path)
    {
        if (!File.Exists(path)) return null;
        var set = new SortedSet<int>();
        foreach (var raw in File.ReadLines(path))
        {
            var s = raw.Split('#')[0].Trim();
            if (s.Length > 0) set.Add(int.Parse(s, CultureInfo.InvariantCulture));
        }
        return set;
    }

    private static Dictionary<int, List<string>> ReadLabels(string path, int columns)
    {
        var rows = new Dictionary<int, List<string>>();
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] == '#') continue;
            var c = raw.Split('\t');
            Assert.True(c.Length == columns, $"{path}: {raw}");
            string key = columns == 7
                ? string.Join('\t', c[1], Num(decimal.Parse(c[2], NumberStyles.Float, CultureInfo.InvariantCulture)),
                    c[3] == "-" ? "-" : Num(decimal.Parse(c[3], NumberStyles.Float, CultureInfo.InvariantCulture)), c[4], c[5], c[6])
                : string.Join('\t', c[1..]);
            int line = int.Parse(c[0], CultureInfo.InvariantCulture);
            if (!rows.TryGetValue(line, out var list)) rows[line] = list = new List<string>();
            list.Add(key);
        }
        return rows;
    }
}
