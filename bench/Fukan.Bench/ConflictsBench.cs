using System.Diagnostics;
using Fukan.Analysis.Conflicts;
using Fukan.Analysis.Timeline;
using Fukan.Storage;

namespace Fukan.Bench;

/// <summary>
/// <c>fukan-bench conflicts [--corpus DIR] [--seeds DIR] [-v]</c>: ingests the written conflict test set
/// (tests/Fukan.Tests/Conflicts/Corpus, labelled in expected.tsv) and derived editions of the 001 seed made here in a
/// temp folder, runs <c>conflicts</c> and prints precision, recall, look-alikes flagged and milliseconds.
/// </summary>
public static class ConflictsBench
{
    public static int Run(string[] args)
    {
        string? corpus = null, seeds = Environment.GetEnvironmentVariable("FUKAN_SEEDS");
        bool verbose = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Length: corpus = args[++i]; break;
                case "--seeds" when i + 1 < args.Length: seeds = args[++i]; break;
                case "-v" or "--verbose": verbose = true; break;
                default: throw new ArgumentException($"conflicts: unknown argument {args[i]}");
            }
        }
        corpus ??= Locate(Path.Combine("tests", "Fukan.Tests", "Conflicts", "Corpus"));
        return RunAsync(corpus, seeds, verbose).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string corpus, string? seeds, bool verbose)
    {
        var work = Directory.CreateTempSubdirectory("fukan-conflicts-");
        try
        {
            var docs = Directory.CreateDirectory(Path.Combine(work.FullName, "docs")).FullName;
            foreach (var f in Directory.GetFiles(corpus)) if (!f.EndsWith(".tsv", StringComparison.Ordinal)) File.Copy(f, Path.Combine(docs, Path.GetFileName(f)));
            var cases = ConflictEvaluation.ReadCases(Path.Combine(corpus, "expected.tsv")).ToList();
            var report = seeds is null ? null : Directory.GetFiles(seeds, "001_*.txt").FirstOrDefault();
            if (report is not null) cases.AddRange(ConflictEvaluation.DeriveEditions(report, docs));
            else Console.Error.WriteLine("fukan-bench: no FUKAN_SEEDS: derived seed editions left out");
            var db = Path.Combine(work.FullName, "kb.db");
            var err = new StringWriter();
            if (await Fukan.Cli.FukanCli.RunAsync(["--db", db, "ingest", docs], TextWriter.Null, err) != 0) throw new ArgumentException("ingest failed: " + err);

            await using var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Read);
            var files = (await store.ListDocumentsAsync()).ToDictionary(d => d.Id.Value, d => Path.GetFileName(d.Path));
            var watch = Stopwatch.StartNew();
            var groups = await ConflictFinder.FindAsync(store);
            double ms = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var changes = await MilestoneChanges.FindAsync(store);
            double changeMs = watch.Elapsed.TotalMilliseconds;
            var score = ConflictEvaluation.Score(groups, cases, files);
            Console.WriteLine($"documents {files.Count} · planted {score.Planted} · look-alikes {score.LookAlikes} · groups {score.Groups}");
            Console.WriteLine($"precision {score.Precision:F3} ({score.TruePositives}/{score.Groups}) · recall {score.Recall:F3} ({score.Found}/{score.Planted}) · look-alikes flagged {score.LookAlikesFlagged}/{score.LookAlikes}");
            Console.WriteLine($"by kind: " + string.Join(" · ", ConflictKinds.All.Select(k =>
                $"{k} {groups.Count(g => g.Kind == k)} found / {cases.Count(c => c.IsConflict && c.Kind == k)} planted")));
            Console.WriteLine($"conflicts {ms:F0} ms · timeline --changes {changeMs:F0} ms ({changes.Count} moved milestone(s))");
            if (verbose)
            {
                foreach (var m in score.Missed) Console.WriteLine("missed: " + m);
                foreach (var a in score.FalseAlarms) Console.WriteLine("false alarm: " + a);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static string Locate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory} (give --corpus DIR)");
    }
}
