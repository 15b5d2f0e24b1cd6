using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;

namespace Fukan.Bench.Accuracy;

/// <summary>
/// The <c>facts-accuracy</c> verb: runs <see cref="QuantityParser"/> and <see cref="DateParser"/> over the seed
/// documents, compares with the hand labels, prints precision and recall per fact kind, then the parsers' speed
/// over the 1.7 MB report.
/// </summary>
/// <remarks>
/// Fully labelled seeds (000, 002, 003) are parsed line by line over the raw file lines. A sampled seed (001, whose
/// PDF text wraps sentences over lines) is parsed per labelled line L over the text of lines L-1, L and L+1 joined,
/// and only matches that start on line L count; a label names the line where its fact starts.
/// A prediction counts as a hit only when its text and every normalised field equal a label on the same line.
/// </remarks>
internal static class FactsAccuracy
{
    /// <summary>Label sets; the first three characters name the seed (001b is a held-out sample of 001).</summary>
    private static readonly string[] LabelSets = ["000", "001", "002", "003", "001b"];

    private sealed class Score
    {
        public int Hits, Predicted, Expected;
        public double Precision => Predicted == 0 ? 1 : (double)Hits / Predicted;
        public double Recall => Expected == 0 ? 1 : (double)Hits / Expected;

        public void Add(Score other)
        {
            Hits += other.Hits;
            Predicted += other.Predicted;
            Expected += other.Expected;
        }
    }

    public static int Run(string[] args)
    {
        string? seedsDir = null, expectDir = null, dump = null;
        bool verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds" when i + 1 < args.Length: seedsDir = args[++i]; break;
                case "--expectations" when i + 1 < args.Length: expectDir = args[++i]; break;
                case "--dump" when i + 1 < args.Length: dump = args[++i]; break;
                case "--verbose" or "-v": verbose = true; break;
                default:
                    Console.Error.WriteLine($"facts-accuracy: unknown option {args[i]}");
                    return 2;
            }
        }
        seedsDir ??= Environment.GetEnvironmentVariable("FUKAN_SEEDS") ?? FindUp(Path.Combine("shared", "seeds"));
        expectDir ??= FindUp(Path.Combine("tests", "Fukan.Tests", "Expectations", "facts"));
        if (seedsDir is null || !Directory.Exists(seedsDir))
        {
            Console.Error.WriteLine("facts-accuracy: seed documents not found (../shared/seeds, FUKAN_SEEDS or --seeds)");
            return 1;
        }
        if (expectDir is null || !Directory.Exists(expectDir))
        {
            Console.Error.WriteLine("facts-accuracy: expectations not found (tests/Fukan.Tests/Expectations/facts or --expectations)");
            return 1;
        }

        var quantities = new QuantityParser();
        var dates = new DateParser();
        if (dump is not null) return Dump(SeedPath(seedsDir, dump), quantities, dates);

        var totalQ = new Score();
        var totalD = new Score();
        Console.WriteLine("seed  kind      hits  pred  gold  precision  recall");
        var heldQ = new Score();
        var heldD = new Score();
        foreach (var seed in LabelSets)
        {
            var lines = File.ReadAllLines(SeedPath(seedsDir, seed[..3]));
            var exp = FactExpectations.Load(expectDir, seed);
            var q = new Score();
            var d = new Score();
            IEnumerable<int> labelled = exp.Sample is { } s ? s : Enumerable.Range(1, lines.Length);
            foreach (int line in labelled)
            {
                var (text, from, to) = exp.Sample is null ? (lines[line - 1], 0, lines[line - 1].Length) : Context(lines, line);
                var predictedQ = new List<string>();
                foreach (var m in quantities.Parse(text))
                    if (m.Span.Start >= from && m.Span.Start < to) predictedQ.Add(FactKeys.Of(m));
                var predictedD = new List<string>();
                foreach (var m in dates.Parse(text))
                    if (m.Span.Start >= from && m.Span.Start < to) predictedD.Add(FactKeys.Of(m));
                Compare(seed, "quantity", line, predictedQ, exp.Quantities.GetValueOrDefault(line), q, verbose);
                Compare(seed, "date", line, predictedD, exp.Dates.GetValueOrDefault(line), d, verbose);
            }
            Print(seed + (exp.Sample is null ? "" : "*"), "quantity", q);
            Print(seed + (exp.Sample is null ? "" : "*"), "date", d);
            totalQ.Add(q);
            totalD.Add(d);
            if (seed.Length > 3)
            {
                heldQ.Add(q);
                heldD.Add(d);
            }
        }
        Print("all", "quantity", totalQ);
        Print("all", "date", totalD);
        Console.WriteLine("(* sampled seed: labelled lines only, each parsed with its neighbours; 001b is a held-out sample)");
        bool pass = totalQ.Precision >= 0.95 && totalQ.Recall >= 0.90 && totalD.Precision >= 0.95 && totalD.Recall >= 0.90;
        Console.WriteLine(pass ? "targets (precision >= 0.95, recall >= 0.90): met" : "targets (precision >= 0.95, recall >= 0.90): NOT met");

        Speed(SeedPath(seedsDir, "001"), quantities, dates);
        return 0;
    }

    private static (string Text, int From, int To) Context(string[] lines, int line)
    {
        string prev = line >= 2 ? lines[line - 2] : "";
        string cur = lines[line - 1];
        string next = line < lines.Length ? lines[line] : "";
        return (prev + cur + next, prev.Length, prev.Length + cur.Length);
    }

    private static void Compare(string seed, string kind, int line, List<string> predicted, List<string>? expected, Score score, bool verbose)
    {
        var remaining = expected is null ? new List<string>() : new List<string>(expected);
        score.Expected += remaining.Count;
        score.Predicted += predicted.Count;
        foreach (var p in predicted)
        {
            int at = remaining.IndexOf(p);
            if (at >= 0)
            {
                score.Hits++;
                remaining.RemoveAt(at);
            }
            else if (verbose) Console.WriteLine($"  {seed}:{line} {kind} extra   {p}");
        }
        if (verbose)
            foreach (var m in remaining) Console.WriteLine($"  {seed}:{line} {kind} missing {m}");
    }

    private static void Print(string seed, string kind, Score s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seed,-5} {kind,-8} {s.Hits,5} {s.Predicted,5} {s.Expected,5}  {s.Precision,9:F3}  {s.Recall,6:F3}"));

    private static void Speed(string path, QuantityParser quantities, DateParser dates)
    {
        string text = File.ReadAllText(path);
        double mb = Encoding.UTF8.GetByteCount(text) / 1_000_000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed over {Path.GetFileName(path)} ({mb:F2} MB UTF-8, {text.Length:N0} chars), whole text as one string, best of 5 after 2 warm-ups:"));
        Measure("QuantityParser", mb, () => quantities.Parse(text).Count);
        Measure("DateParser", mb, () => dates.Parse(text).Count);
    }

    private static void Measure(string name, double mb, Func<int> run)
    {
        int count = 0;
        for (int i = 0; i < 2; i++) count = run();
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            count = run();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-15} {best * 1000,8:F1} ms  {mb / best,7:F1} MB/s  {count} matches"));
    }

    /// <summary>Prints every prediction of a seed in the label format, to review against the text (never to copy blindly).</summary>
    private static int Dump(string path, QuantityParser quantities, DateParser dates)
    {
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            foreach (var m in quantities.Parse(lines[i])) Console.WriteLine($"Q\t{i + 1}\t{FactKeys.Of(m)}");
            foreach (var m in dates.Parse(lines[i])) Console.WriteLine($"D\t{i + 1}\t{FactKeys.Of(m)}");
        }
        return 0;
    }

    private static string SeedPath(string dir, string prefix)
    {
        var files = Directory.GetFiles(dir, prefix + "*");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length > 0 ? files[0] : throw new FileNotFoundException($"no seed starting with {prefix} in {dir}");
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
