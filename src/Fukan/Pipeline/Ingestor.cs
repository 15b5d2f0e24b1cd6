using System.Diagnostics;
using Fukan.Model;
using Fukan.Reading;
using Fukan.Storage;

namespace Fukan.Pipeline;

/// <summary>What happened to one file.</summary>
public enum FileOutcome
{
    Added,
    Unchanged,
    Replaced,
    Failed,
}

/// <summary>Progress after each file: how many of how many, and what happened.</summary>
public sealed record IngestProgress(int Done, int Total, string Path, FileOutcome Outcome, long Bytes);

/// <summary>The totals of an ingest run.</summary>
public sealed record IngestSummary(
    int Files,
    int Added,
    int Unchanged,
    int Replaced,
    int Failed,
    int Skipped,
    long Bytes,
    double Seconds,
    StageTimings Timings,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1_000_000.0 / Seconds : 0;

    /// <summary>True when any file failed (the CLI exits non-zero).</summary>
    public bool HasFailures => Failed > 0;
}

/// <summary>
/// Ingests files and folders into a store: discover, read each file's bytes, skip content already stored,
/// run the pipeline, save in one transaction per document. A failing file is reported and the run goes on;
/// what is already stored is never touched by a failure.
/// </summary>
public sealed class Ingestor
{
    /// <summary>Files larger than this are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    private readonly FukanPipeline _pipeline;
    private readonly IKnowledgeStore _store;

    public Ingestor(FukanPipeline pipeline, IKnowledgeStore store)
    {
        _pipeline = pipeline;
        _store = store;
    }

    public async Task<IngestSummary> IngestAsync(IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        var discovery = new FileDiscovery(p => _pipeline.ReaderFor(p) is not null).Discover(inputs);
        var diagnostics = new List<Diagnostic>(discovery.Diagnostics);
        diagnostics.AddRange(discovery.Skipped);
        int added = 0, unchanged = 0, replaced = 0, failed = discovery.Diagnostics.Count(d => d.Severity == Severity.Error);
        long bytes = 0;
        var timings = StageTimings.Zero;
        int done = 0;
        foreach (var file in discovery.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (outcome, size, fileDiagnostics, fileTimings) = await IngestFileAsync(file, cancellationToken).ConfigureAwait(false);
            diagnostics.AddRange(fileDiagnostics);
            timings += fileTimings;
            bytes += size;
            switch (outcome)
            {
                case FileOutcome.Added: added++; break;
                case FileOutcome.Unchanged: unchanged++; break;
                case FileOutcome.Replaced: replaced++; break;
                default: failed++; break;
            }
            progress?.Report(new IngestProgress(++done, discovery.Files.Count, file, outcome, size));
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new IngestSummary(discovery.Files.Count, added, unchanged, replaced, failed, discovery.Skipped.Count, bytes, seconds, timings, diagnostics);
    }

    private async Task<(FileOutcome, long, IReadOnlyList<Diagnostic>, StageTimings)> IngestFileAsync(string file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
                return (FileOutcome.Failed, 0, [Diagnostic.Error(file, $"file too large ({info.Length / 1_048_576} MB; limit {MaxFileBytes / 1_048_576} MB)")], StageTimings.Zero);
            bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (FileOutcome.Failed, 0, [Diagnostic.Error(file, "file vanished before it could be read")], StageTimings.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (FileOutcome.Failed, 0, [Diagnostic.Error(file, $"unreadable file: {e.Message}")], StageTimings.Zero);
        }

        // Unchanged content is a no-op: the hash is enough, nothing is parsed.
        var id = DocumentId.FromContent(bytes);
        if (await _store.ContainsAsync(id, cancellationToken).ConfigureAwait(false))
            return (FileOutcome.Unchanged, bytes.Length, [], StageTimings.Zero);

        var result = _pipeline.Process(file, bytes);
        if (result.Document is not { } doc)
            return (FileOutcome.Failed, bytes.Length, result.Diagnostics, StageTimings.Zero);
        SaveOutcome saved;
        try
        {
            saved = await _store.SaveAsync(doc, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or StoreException or InvalidOperationException)
        {
            return (FileOutcome.Failed, bytes.Length, [.. result.Diagnostics, Diagnostic.Error(file, $"cannot store: {e.Message.ReplaceLineEndings(" ")}")], doc.Timings);
        }
        var outcome = saved switch { SaveOutcome.Replaced => FileOutcome.Replaced, SaveOutcome.Unchanged => FileOutcome.Unchanged, _ => FileOutcome.Added };
        return (outcome, bytes.Length, result.Diagnostics, doc.Timings);
    }
}
