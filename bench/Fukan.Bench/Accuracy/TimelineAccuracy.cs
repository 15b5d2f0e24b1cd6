using System.Globalization;
using Fukan.Pipeline;

namespace Fukan.Bench.Accuracy;

/// <summary>
/// The <c>timeline-accuracy</c> verb: ingests the seeds into a temporary knowledge base and prints the precision and
/// recall of <c>fukan timeline --from 2022</c>'s top-N view against the hand-labelled slide milestones
/// (<see cref="SlideAccuracy"/>), for the default N and a few others; <c>-v</c> lists what the default view shows.
/// </summary>
internal static class TimelineAccuracy
{
    public static int Run(string[] args)
    {
        string? seedsDir = null, labelsPath = null;
        bool verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds" when i + 1 < args.Length: seedsDir = args[++i]; break;
                case "--labels" when i + 1 < args.Length: labelsPath = args[++i]; break;
                case "--verbose" or "-v": verbose = true; break;
                default:
                    Console.Error.WriteLine($"timeline-accuracy: unknown option {args[i]}");
                    return 2;
            }
        }
        seedsDir ??= Environment.GetEnvironmentVariable("FUKAN_SEEDS") ?? FindUp(Path.Combine("shared", "seeds"));
        labelsPath ??= FindUp(Path.Combine("tests", "Fukan.Tests", "Expectations", "timeline")) is { } dir ? Path.Combine(dir, "slide-milestones.tsv") : null;
        if (seedsDir is null || !Directory.Exists(seedsDir)) { Console.Error.WriteLine("timeline-accuracy: seed documents not found (FUKAN_SEEDS or --seeds)"); return 2; }
        if (labelsPath is null || !File.Exists(labelsPath)) { Console.Error.WriteLine("timeline-accuracy: slide-milestones.tsv not found (--labels)"); return 2; }
        return RunAsync(seedsDir, labelsPath, verbose).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string seedsDir, string labelsPath, bool verbose)
    {
        var labels = SlideAccuracy.ReadLabels(labelsPath);
        var work = Path.Combine(Path.GetTempPath(), "fukan-timeline-accuracy-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            var pipeline = FukanDefaults.CreatePipeline();
            await using var store = await FukanDefaults.OpenStoreAsync(Path.Combine(work, "kb.db"));
            foreach (var file in Directory.GetFiles(seedsDir).Order(StringComparer.Ordinal))
                if (pipeline.Process(file, File.ReadAllBytes(file)).Document is { } doc) await store.SaveAsync(doc);
            Console.WriteLine($"slide milestones labelled: {labels.Count} (seeds, dated {SlideAccuracy.FromYear} on)");
            Console.WriteLine("view                         shown  hits  precision  found  recall");
            const int defaultTop = 20;
            SlideAccuracy.Result? shownDefault = null;
            foreach (var top in new[] { 10, defaultTop, 50, labels.Count, 100_000 })
            {
                var r = await SlideAccuracy.ScoreAsync(store, labels, top);
                if (top == defaultTop) shownDefault = r;
                var name = top == defaultTop ? $"--top {top} (default)" : top == 100_000 ? "--all (merged)" : $"--top {top}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {r.Shown,5} {r.Hits,5} {r.Precision,10:0.00} {r.Found,6} {r.Recall,7:0.00}"));
            }
            if (verbose && shownDefault is not null)
                foreach (var i in shownDefault.Items.OrderByDescending(i => i.Salience))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(i.Hit ? "hit " : "miss")} {i.Salience:0.00} {i.Seed}:{i.Line} {i.Text}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
