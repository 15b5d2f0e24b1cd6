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
    public const long MaxFileBytes = InputLimits.MaxFileBytes;

    private readonly FukanPipeline _pipeline;
    private readonly IKnowledgeStore _store;
    private readonly Func<string, byte[]> _readFile;

    public Ingestor(FukanPipeline pipeline, IKnowledgeStore store)
        : this(pipeline, store, path => FileProbe.ReadAllBytes(path, MaxFileBytes))
    {
    }

    /// <summary>With a file reader of the caller's: tests make files vanish or fail at the moment they are read.</summary>
    internal Ingestor(FukanPipeline pipeline, IKnowledgeStore store, Func<string, byte[]> readFile)
    {
        _pipeline = pipeline;
        _store = store;
        _readFile = readFile;
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
        double storeSeconds = 0;

        // Unchanged content is a no-op: known ids are loaded once, and a file whose hash is known is not parsed.
        var known = new HashSet<DocumentId>();
        foreach (var d in await _store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)) known.Add(d.Id);

        // Reading and processing run on worker threads a few files ahead; the store writes one document at a
        // time, in input order, on this thread.
        // Workers: one per core. Lookahead: a few documents per worker, so that while the store writes a large
        // document the workers go on with the next ones, but never more than LookaheadBytes of source in flight:
        // a processed document holds many times its size, so a large file is processed alone and memory stays
        // bounded by the largest file, not by how many come together.
        int workers = Math.Max(2, Environment.ProcessorCount);
        int lookahead = workers * LookaheadPerWorker;
        using var slots = new SemaphoreSlim(workers);
        var pending = new Queue<(Task<Prepared> Task, long Bytes)>();
        long bytesAhead = 0;
        int nextIndex = 0;
        while (true)
        {
            while (nextIndex < discovery.Files.Count && pending.Count < lookahead
                && (pending.Count == 0 || bytesAhead + SizeOf(discovery.Files[nextIndex]) <= LookaheadBytes))
            {
                var file = discovery.Files[nextIndex++];
                long size = SizeOf(file);
                bytesAhead += size;
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                pending.Enqueue((Task.Run(() => { try { return Prepare(file, known, cancellationToken); } finally { slots.Release(); } }, cancellationToken), size));
            }
            if (pending.Count == 0) break;
            var (next, nextBytes) = pending.Dequeue();
            var prepared = await next.ConfigureAwait(false);
            bytesAhead -= nextBytes;
            long storeStart = Stopwatch.GetTimestamp();
            var (outcome, fileDiagnostics) = await StoreAsync(prepared, cancellationToken).ConfigureAwait(false);
            storeSeconds += Stopwatch.GetElapsedTime(storeStart).TotalSeconds;
            diagnostics.AddRange(fileDiagnostics);
            timings += prepared.Document?.Document.Timings ?? StageTimings.Zero;
            bytes += prepared.Bytes;
            switch (outcome)
            {
                case FileOutcome.Added: added++; break;
                case FileOutcome.Unchanged: unchanged++; break;
                case FileOutcome.Replaced: replaced++; break;
                default: failed++; break;
            }
            progress?.Report(new IngestProgress(++done, discovery.Files.Count, prepared.Path, outcome, prepared.Bytes));
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new IngestSummary(discovery.Files.Count, added, unchanged, replaced, failed, discovery.Skipped.Count, bytes, seconds, timings with { Store = storeSeconds }, diagnostics);
    }

    private const int LookaheadPerWorker = 4;
    private const long LookaheadBytes = 4L << 20;

    private static long SizeOf(string file)
    {
        try { return new FileInfo(file).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    /// <summary>A file read and processed, ready to store (or the reason it cannot be).</summary>
    private sealed record Prepared(string Path, long Bytes, bool Known, PreparedDocument? Document, IReadOnlyList<Diagnostic> Diagnostics);

    private Prepared Prepare(string file, HashSet<DocumentId> known, CancellationToken cancellationToken)
    {
        try { return PrepareUnguarded(file, known, cancellationToken); }
        catch (Exception e) when (e is OutOfMemoryException or InsufficientExecutionStackException)
        {
            // One document too big or too deep for this process: it fails alone, the run goes on.
            var what = e is OutOfMemoryException ? "out of memory (the process's heap limit; see docs/robustness.md)" : "nested too deeply";
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, $"cannot process: {what}; the document is not stored")]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, $"cannot process: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}")]);
        }
    }

    private Prepared PrepareUnguarded(string file, HashSet<DocumentId> known, CancellationToken cancellationToken)
    {
        byte[] bytes;
        var check = FileProbe.Probe(file);
        if (check.Kind == FileKind.Missing && file.Contains('\uFFFD', StringComparison.Ordinal))
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, "file name is not valid UTF-8; cannot be opened (rename the file)")]);
        if (check.Kind == FileKind.Missing)
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, "file vanished before it could be read")]);
        if (check.Kind is not FileKind.Regular)
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, check.Reason)]);
        if (check.Length > MaxFileBytes)
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, new FileTooLargeException(check.Length, MaxFileBytes).Message)]);
        try
        {
            bytes = _readFile(file);
        }
        catch (FileTooLargeException e)
        {
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, e.Message)]);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, "file vanished before it could be read")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Prepared(file, 0, false, null, [Diagnostic.Error(file, $"unreadable file: {e.Message}")]);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (known.Contains(DocumentId.FromContent(bytes))) return new Prepared(file, bytes.Length, true, null, []);
        var result = _pipeline.Process(file, bytes);
        PreparedDocument? prepared = null;
        if (result.Document is { } document)
        {
            long t = Stopwatch.GetTimestamp();
            prepared = _store.Prepare(document);
            prepared = prepared.With(document with { Timings = document.Timings with { Prepare = Stopwatch.GetElapsedTime(t).TotalSeconds } });
        }
        return new Prepared(file, bytes.Length, false, prepared, result.Diagnostics);
    }

    private async Task<(FileOutcome, IReadOnlyList<Diagnostic>)> StoreAsync(Prepared prepared, CancellationToken cancellationToken)
    {
        if (prepared.Known) return (FileOutcome.Unchanged, []);
        if (prepared.Document is not { } doc) return (FileOutcome.Failed, prepared.Diagnostics);
        SaveOutcome saved;
        try
        {
            saved = await _store.SaveAsync(doc, cancellationToken).ConfigureAwait(false);
        }
        catch (OutOfMemoryException)
        {
            return (FileOutcome.Failed, [.. prepared.Diagnostics, Diagnostic.Error(prepared.Path, "cannot store: out of memory; the document is not stored")]);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or StoreException or InvalidOperationException)
        {
            return (FileOutcome.Failed, [.. prepared.Diagnostics, Diagnostic.Error(prepared.Path, $"cannot store: {e.Message.ReplaceLineEndings(" ")}")]);
        }
        var outcome = saved switch { SaveOutcome.Replaced => FileOutcome.Replaced, SaveOutcome.Unchanged => FileOutcome.Unchanged, _ => FileOutcome.Added };
        return (outcome, prepared.Diagnostics);
    }
}
