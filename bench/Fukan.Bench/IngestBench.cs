using System.Diagnostics;
using System.Text.Json;
using Fukan.Pipeline;
using Fukan.Storage;

namespace Fukan.Bench;

/// <summary>
/// Ingest throughput and peak memory on the seeds repeated N times as distinct copies (a copy number is
/// appended, so every copy hashes differently and is really processed and stored).
/// <c>ingest [--copies 10] [--seeds DIR] [--stages foundation|facts|all] [--json]</c>: <c>foundation</c> is read +
/// normalise + structure + store (no extractors, no search index), <c>facts</c> adds the extractors, <c>all</c> (the
/// default) is what <c>fukan ingest</c> does: extractors and the search index too.
/// </summary>
public static class IngestBench
{
    public static int Run(string[] args)
    {
        int copies = IntArg(args, "--copies", 10);
        string seeds = StringArg(args, "--seeds") ?? SeedLocator.Find();
        bool json = args.Contains("--json");
        string stages = StringArg(args, "--stages") ?? "all";
        if (stages is not ("foundation" or "facts" or "all")) { Console.Error.WriteLine($"--stages {stages}: use foundation, facts or all"); return 2; }
        var work = Path.Combine(Path.GetTempPath(), "fukan-bench-ingest-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            long bytes = 0;
            int files = 0;
            var seedFiles = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToArray();
            for (int c = 0; c < copies; c++)
                foreach (var f in seedFiles)
                {
                    var text = File.ReadAllText(f) + $"\n<!-- copy {c} -->\n";
                    var dest = Path.Combine(work, "corpus", $"c{c:D2}", Path.GetFileName(f));
                    Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                    File.WriteAllText(dest, text);
                    bytes += new FileInfo(dest).Length;
                    files++;
                }
            var db = Path.Combine(work, "bench.db");
            var pipeline = stages == "foundation" ? new FukanPipelineBuilder().UseDefaultReaders().Build() : BenchDefaults.Pipeline();
            var sw = Stopwatch.StartNew();
            IngestSummary summary;
            var kb = SqliteKnowledgeStore.OpenAsync(db, stages == "all" ? BenchDefaults.Hooks() : []).GetAwaiter().GetResult();
            try { summary = new Ingestor(pipeline, kb).IngestAsync([Path.Combine(work, "corpus")]).GetAwaiter().GetResult(); }
            finally { kb.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
            sw.Stop();
            double seconds = sw.Elapsed.TotalSeconds;
            var t = summary.Timings;
            double store = t.Store;
            long peak = PeakMemory.Bytes();
            var result = new
            {
                stages = stages,
                files,
                megabytes = Math.Round(bytes / 1e6, 2),
                seconds = Math.Round(seconds, 3),
                megabytesPerSecond = Math.Round(bytes / 1e6 / seconds, 2),
                peakMemoryMb = Math.Round(peak / 1e6, 1),
                stageSeconds = new
                {
                    read = Math.Round(t.Read, 3),
                    normalize = Math.Round(t.Normalize, 3),
                    structure = Math.Round(t.Structure, 3),
                    extract = Math.Round(t.Extract, 3),
                    prepare = Math.Round(t.Prepare, 3),
                    store = Math.Round(store, 3),
                },
                extractors = t.Extractors.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)),
                extractShare = Math.Round(t.Extract / t.Total, 3),
                failed = summary.Failed,
            };
            if (json) Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            else
            {
                Console.WriteLine($"ingest ({stages}): {files} files, {bytes / 1e6:F1} MB in {seconds:F2} s = {bytes / 1e6 / seconds:F1} MB/s, peak memory {peak / 1e6:F0} MB");
                Console.WriteLine($"  stages (s): read {t.Read:F2}  normalize {t.Normalize:F2}  structure {t.Structure:F2}  extract {t.Extract:F2}  prepare {t.Prepare:F2}  store {store:F2}  (stage times are CPU seconds summed over documents processed in parallel)");
                Console.WriteLine($"  extractors (s): {string.Join("  ", t.Extractors.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:F2}"))}");
                Console.WriteLine($"  extraction share of ingest work: {t.Extract / t.Total:P1}");
            }
            return summary.Failed == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) ? v : fallback;
    }

    internal static string? StringArg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>Peak resident memory of this process (VmHWM on Linux, else the peak working set).</summary>
public static class PeakMemory
{
    public static long Bytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}

/// <summary>Finds ../shared/seeds above the current or base directory, or $FUKAN_SEEDS.</summary>
public static class SeedLocator
{
    public static string Find()
    {
        var env = Environment.GetEnvironmentVariable("FUKAN_SEEDS");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "seeds");
                if (Directory.Exists(candidate)) return candidate;
            }
        throw new DirectoryNotFoundException("seeds not found: pass --seeds DIR or set FUKAN_SEEDS");
    }
}

/// <summary>The same pipeline and store hooks the CLI uses.</summary>
public static class BenchDefaults
{
    public static FukanPipeline Pipeline() => FukanDefaults.CreatePipeline();

    internal static IReadOnlyList<ISqliteStoreHook> Hooks() => FukanDefaults.StoreHooks();
}
