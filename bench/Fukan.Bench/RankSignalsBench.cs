using System.Diagnostics;
using System.Text.Json;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Storage;

namespace Fukan.Bench;

/// <summary>
/// How long <c>fukan signals</c> and <c>fukan rank</c> take on the seed corpus, measured in process the way the
/// commands run: open the store, read the watchlist or weights, load what they need, evaluate or rank, write JSON.
/// <c>rank-signals [--seeds DIR] [--runs N] [--json]</c>. The first run is reported apart (cold: JIT, caches).
/// When the pipeline in this build writes no comparison-table facts (the landscape extractor), the report's research
/// areas get synthetic rows (5 countries × 2 phases, fixed ratings) so the ranking runs at the real scale of the
/// report's money, dates and attention texts; the output says so.
/// </summary>
public static class RankSignalsBench
{
    private static readonly string[] Countries = ["JP", "US", "EU", "CN", "KR"];

    public static int Run(string[] args)
    {
        string seeds = IngestBench.StringArg(args, "--seeds") ?? SeedLocator.Find();
        int runs = IngestBench.IntArg(args, "--runs", 20);
        bool json = args.Contains("--json");
        var work = Path.Combine(Path.GetTempPath(), "fukan-bench-rank-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var db = Path.Combine(work, "seeds.db");
            int synthetic = Build(seeds, db);
            var signals = Measure(runs, () => Signals(db));
            var wsum = Measure(runs, () => Rank(db, new WeightedSumMethod(), null));
            var topsis = Measure(runs, () => Rank(db, new TopsisMethod(), null));
            var sensitivity = Measure(Math.Max(3, runs / 4), () => Rank(db, new WeightedSumMethod(), new SensitivitySettings(1000, 42, 0.2)));
            var result = new
            {
                documents = Directory.GetFiles(seeds).Length,
                syntheticComparisonRows = synthetic,
                runs,
                signals,
                rankWsum = wsum,
                rankTopsis = topsis,
                rankSensitivity1000 = sensitivity,
            };
            if (json) Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            else
            {
                if (synthetic > 0) Console.WriteLine($"note: this build writes no comparison facts; {synthetic} synthetic rows were added for the report's areas");
                Print("signals", signals);
                Print("rank wsum", wsum);
                Print("rank topsis", topsis);
                Print("rank wsum --sensitivity (1000 draws)", sensitivity);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    private sealed record Timing(double ColdMs, double MedianMs, double P90Ms, double MinMs, string Detail);

    private static void Print(string name, Timing t) =>
        Console.WriteLine($"{name,-40} cold {t.ColdMs,6:F1} ms   warm median {t.MedianMs,6:F1} ms  p90 {t.P90Ms,6:F1}  min {t.MinMs,6:F1}   {t.Detail}");

    private static Timing Measure(int runs, Func<(double Ms, string Detail)> action)
    {
        var (cold, _) = action();
        var warm = new List<double>();
        string detail = "";
        for (int i = 0; i < runs; i++)
        {
            var (ms, d) = action();
            warm.Add(ms);
            detail = d;
        }
        warm.Sort();
        return new Timing(Math.Round(cold, 1), Math.Round(warm[warm.Count / 2], 1), Math.Round(warm[Math.Min(warm.Count - 1, (int)(warm.Count * 0.9))], 1), Math.Round(warm[0], 1), detail);
    }

    private static (double, string) Signals(string db)
    {
        var sw = Stopwatch.StartNew();
        var store = FukanDefaults.OpenStoreAsync(db).GetAwaiter().GetResult();
        try
        {
            double open = sw.Elapsed.TotalMilliseconds;
            var watchlist = WatchlistLoader.LoadDefault();
            double read = sw.Elapsed.TotalMilliseconds;
            var corpus = EvidenceCorpus.FindAsync(store, watchlist).GetAwaiter().GetResult();
            double load = sw.Elapsed.TotalMilliseconds;
            var report = new SignalEvaluator().EvaluateAsync(watchlist, corpus).GetAwaiter().GetResult();
            double eval = sw.Elapsed.TotalMilliseconds;
            var text = JsonSerializer.Serialize(report, FukanJson.Indented);
            double total = sw.Elapsed.TotalMilliseconds;
            return (total, $"open {open:F1} · watchlist {read - open:F1} · corpus {load - read:F1} ({corpus.Documents.Sum(d => d.Passages.Count)} passages in {corpus.Documents.Count} documents) · evaluate {eval - load:F1} · json {total - eval:F1} ({text.Length / 1024} KB, {report.Signals.Sum(s => s.Evidence.Count)} evidence)");
        }
        finally { store.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    private static (double, string) Rank(string db, IRankingMethod method, SensitivitySettings? sensitivity)
    {
        var sw = Stopwatch.StartNew();
        var store = FukanDefaults.OpenStoreAsync(db).GetAwaiter().GetResult();
        try
        {
            double open = sw.Elapsed.TotalMilliseconds;
            var weights = WeightsLoader.LoadDefault();
            var input = RankingInputLoader.LoadAsync(store).GetAwaiter().GetResult();
            double load = sw.Elapsed.TotalMilliseconds;
            var report = new Ranker().Rank(input, weights, method, "JP", sensitivity);
            double rank = sw.Elapsed.TotalMilliseconds;
            var text = JsonSerializer.Serialize(report, FukanJson.Indented);
            double total = sw.Elapsed.TotalMilliseconds;
            return (total, $"open {open:F1} · load {load - open:F1} · rank {rank - load:F1} · json {total - rank:F1} ({report.Areas.Count} areas, {input.Money.Count} amounts, {input.Dates.Count} dates, {input.Attention.Count} texts)");
        }
        finally { store.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }

    /// <summary>Processes and stores the seeds; returns how many synthetic comparison rows were added (0 when the pipeline writes them).</summary>
    private static int Build(string seeds, string db)
    {
        var pipeline = BenchDefaults.Pipeline();
        var docs = new List<ProcessedDocument>();
        foreach (var path in Directory.GetFiles(seeds).Order(StringComparer.Ordinal))
        {
            var r = pipeline.Process(path, File.ReadAllBytes(path));
            if (r.Document is { } d) docs.Add(d);
        }
        int synthetic = 0;
        bool hasRows = docs.Any(d => d.Facts.Any(f => f.Kind == ComparisonRow.FactKind));
        var store = FukanDefaults.OpenStoreAsync(db).GetAwaiter().GetResult();
        try
        {
            foreach (var d in docs)
            {
                var doc = d;
                if (!hasRows && d.Sections.Any(s => s.Kind == SectionKind.Area))
                {
                    var rows = SyntheticRows(d);
                    synthetic += rows.Count;
                    doc = d with { Facts = [.. d.Facts, .. rows] };
                }
                store.SaveAsync(doc).GetAwaiter().GetResult();
            }
        }
        finally { store.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        return synthetic;
    }

    private static List<Fact> SyntheticRows(ProcessedDocument d)
    {
        var rows = new List<Fact>();
        int k = 0;
        foreach (var area in d.Sections.Where(s => s.Kind == SectionKind.Area))
        {
            var line = Math.Clamp(area.StartLine, 1, d.Source.LineCount);
            var at = Provenance.Of(d.Info.Id, d.Source, new CharSpan(d.Source.LineStart(line), d.Source.LineEnd(line)));
            foreach (var country in Countries)
                foreach (var phase in new[] { "basic", "applied" })
                {
                    int score = (k * 7 + 3) % 4;
                    var trend = (k % 3) switch { 0 => "up", 1 => "flat", _ => "down" };
                    k++;
                    rows.Add(new ComparisonRow(at, area.Id, area.Title, null, country, country, phase, phase, "×△○◎"[score].ToString(), score, trend, []));
                }
        }
        return rows;
    }
}
