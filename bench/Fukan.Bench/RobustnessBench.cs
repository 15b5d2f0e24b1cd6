using System.Diagnostics;
using System.Text;
using Fukan.Pipeline;
using Fukan.Search;

namespace Fukan.Bench;

/// <summary>
/// <c>robustness [--scale N] [--only lines|passage|nesting|query]</c>: hostile shapes at growing size (1×, 4×,
/// 16×): one long line, many short lines (headings, bullets, table rows), one long passage of dated sentences, deeply nested HTML, a query repeating one word. Each
/// row prints the time and its ratio to the 1× run; linear code shows ≈ 4 and ≈ 16, a quadratic pass 16 and 256.
/// The slowest stage is named so a regression points at its cause.
/// </summary>
public static class RobustnessBench
{
    public static int Run(string[] args)
    {
        int scale = IngestBench.StringArg(args, "--scale") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var only = IngestBench.StringArg(args, "--only");
        var pipeline = FukanDefaults.CreatePipeline();
        Console.WriteLine("shape      size          ms    ratio  (linear: 1, 4, 16)  slowest stages");
        if (only is null or "lines")
            Series("line", 64_000 * scale, n => Encoding.UTF8.GetBytes(OneLine(n)), "x.txt", pipeline);
        if (only is null or "lines")
            Series("lines", 5_000 * scale, n => Encoding.UTF8.GetBytes(ManyLines(n)), "x.md", pipeline);
        if (only is null or "passage")
            Series("passage", 32_000 * scale, n => Encoding.UTF8.GetBytes(OnePassage(n)), "x.txt", pipeline);
        if (only is null or "nesting")
            Series("nesting", 20_000 * scale, n => Encoding.UTF8.GetBytes(Nested(n)), "x.html", pipeline);
        if (only is null or "query")
            Query(40, pipeline);
        return 0;
    }

    /// <summary>A line of <paramref name="chars"/> characters: words, numbers and dates, no line end, no sentence end.</summary>
    internal static string OneLine(int chars)
    {
        var sb = new StringBuilder(chars + 64);
        int i = 0;
        while (sb.Length < chars) sb.Append(i++ % 7 == 0 ? "2030年度 " : "水素貯蔵 technology 35 MPa ");
        return sb.ToString(0, chars) + "\n";
    }

    /// <summary><paramref name="lines"/> short lines: headings, bullets with dates, table rows and sentences.</summary>
    internal static string ManyLines(int lines)
    {
        var sb = new StringBuilder(lines * 24);
        for (int i = 0; i < lines; i++)
        {
            sb.Append((i % 8) switch
            {
                0 => $"## {i / 8 + 1}. 水素の動向",
                1 => "",
                2 => $"- {2020 + i % 11}年に実証を開始した。",
                3 => $"| 日本 | {i} MW | 2030年 |",
                4 => $"| 米国 | {i + 1} MW | 2035年 |",
                5 => "",
                _ => $"トヨタ自動車は{2025 + i % 9}年度に{i % 90 + 10}億円を投じる計画である。",
            }).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One paragraph of <paramref name="chars"/> characters: dated sentences that name organisations.</summary>
    internal static string OnePassage(int chars)
    {
        var sb = new StringBuilder(chars + 64);
        int i = 0;
        while (sb.Length < chars)
        {
            sb.Append(2020 + i % 10).Append("年").Append(1 + i % 12).Append("月にトヨタ自動車が水素エンジンの実証を開始し、2035年までに量産する計画である。");
            i++;
        }
        return sb.ToString() + "\n";
    }

    /// <summary>HTML with <paramref name="depth"/> nested div elements around a little text.</summary>
    internal static string Nested(int depth)
    {
        var sb = new StringBuilder(depth * 12 + 200);
        sb.Append("<html><head><title>nested</title></head><body>");
        for (int i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append("<p>本文 text 2030年</p>");
        for (int i = 0; i < depth; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Series(string name, int unit, Func<int, byte[]> make, string file, FukanPipeline pipeline)
    {
        double first = 0;
        foreach (int k in new[] { 1, 4, 16 })
        {
            var bytes = make(unit * k);
            ProcessResult? result = null;
            double ms = Time(() => result = pipeline.Process(file, bytes));
            if (k == 1) first = ms;
            var t = result!.Document?.Timings;
            string slowest = t is null ? $"failed: {result.Diagnostics.FirstOrDefault()}" : Slowest(t);
            Console.WriteLine($"{name,-8} {unit * k,10:N0} {ms,10:F0} {ms / first,8:F1}   {slowest}");
        }
    }

    private static string Slowest(StageTimings t)
    {
        var stages = new List<(string, double)> { ("read", t.Read), ("normalize", t.Normalize), ("structure", t.Structure) };
        foreach (var (k, v) in t.Extractors) stages.Add(("extract:" + k, v));
        return string.Join(", ", stages.OrderByDescending(x => x.Item2).Take(3).Select(x => $"{x.Item1} {x.Item2 * 1000:F0} ms"));
    }

    private static void Query(int unit, FukanPipeline pipeline)
    {
        var dir = Directory.CreateTempSubdirectory("fukan-bench-");
        try
        {
            var db = Path.Combine(dir.FullName, "q.db");
            var file = Path.Combine(dir.FullName, "doc.txt");
            File.WriteAllText(file, OnePassage(20_000));
            var store = FukanDefaults.OpenStoreAsync(db).GetAwaiter().GetResult();
            new Ingestor(pipeline, store).IngestAsync([file]).GetAwaiter().GetResult();
            var index = store.Search;
            double first = 0;
            foreach (int k in new[] { 1, 4, 16 })
            {
                // One word repeated: the parser keeps it once, so the time stays flat (ratio ≈ 1).
                var text = string.Join(' ', Enumerable.Repeat("水素", unit * k));
                double ms = Time(() => index.Search(SearchQueryParser.Parse(text), new SearchOptions(10)));
                if (k == 1) first = ms;
                Console.WriteLine($"{"query",-8} {unit * k,10:N0} {ms,10:F1} {ms / first,8:F1}   one word repeated, kept once");
            }
            string[] words = ["水素", "エンジン", "実証", "開始", "量産", "計画", "トヨタ", "自動車", "2035年", "月に"];
            foreach (int k in new[] { 1, 4, 16 })
            {
                // Different words as alternatives (up to SearchQueryParser.MaxTerms): linear in their number.
                var text = string.Join(" OR ", Enumerable.Range(0, 4 * k).Select(i => i < words.Length ? words[i] : words[i % words.Length] + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                double ms = Time(() => index.Search(SearchQueryParser.Parse(text), new SearchOptions(10)));
                if (k == 1) first = ms;
                Console.WriteLine($"{"query",-8} {4 * k,10:N0} {ms,10:F1} {ms / first,8:F1}   different terms");
            }
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>The best of three runs after a warm-up (the machine is shared; the best is the least disturbed).</summary>
    private static double Time(Action action)
    {
        action();
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}
