using System.Diagnostics;
using Fukan.Extraction;
using Fukan.Model;
using Fukan.Normalizing;
using Fukan.Reading;
using Fukan.Structure;

namespace Fukan.Pipeline;

/// <summary>
/// The composed pipeline: read → normalize → structure → extract. Built once by
/// <see cref="FukanPipelineBuilder"/>, immutable, reused for every document; storing is the caller's step.
/// Processing is synchronous and free of I/O: the caller reads the bytes.
/// </summary>
public sealed class FukanPipeline
{
    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly IReadOnlyList<IFactExtractor> _extractors;
    private readonly PageFurnitureDetector _furniture = new();
    private readonly DocumentClassifier _classifier = new();
    private readonly SectionTreeBuilder _tree = new();
    private readonly PassageBuilder _passages = new();

    internal FukanPipeline(IReadOnlyList<IDocumentReader> readers, IReadOnlyList<IFactExtractor> extractors)
    {
        _readers = readers;
        _extractors = extractors;
    }

    public IReadOnlyList<IDocumentReader> Readers => _readers;

    public IReadOnlyList<IFactExtractor> Extractors => _extractors;

    /// <summary>The reader for <paramref name="path"/>'s extension, or null when the format is not supported.</summary>
    public IDocumentReader? ReaderFor(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        foreach (var r in _readers)
            foreach (var e in r.Extensions)
                if (e == ext) return r;
        return null;
    }

    /// <summary>Runs every stage on the bytes of <paramref name="path"/>.</summary>
    public ProcessResult Process(string path, byte[] bytes)
    {
        var reader = ReaderFor(path);
        if (reader is null)
            return new ProcessResult(null, [Diagnostic.Error(path, $"unsupported file type ({(Path.GetExtension(path) is { Length: > 0 } e ? e : "no extension")})")]);

        long t0 = Stopwatch.GetTimestamp();
        ReadResult read;
        try { read = reader.Read(path, bytes); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ProcessResult(null, [Diagnostic.Error(path, $"cannot read: {e.Message.ReplaceLineEndings(" ")}")]);
        }
        if (read.Document is null) return new ProcessResult(null, read.Diagnostics);
        if (read.Document.Source.Text.Length > InputLimits.MaxSourceChars)
            return new ProcessResult(null, [.. read.Diagnostics, Diagnostic.Error(path, InputLimits.TextTooLong(read.Document.Source.Text.Length))]);
        long t1 = Stopwatch.GetTimestamp();
        var processed = Process(read.Document, read.Diagnostics, Stopwatch.GetElapsedTime(t0, t1).TotalSeconds);
        return new ProcessResult(processed, processed.Diagnostics);
    }

    /// <summary>Normalizes, structures and extracts an already-read document.</summary>
    public ProcessedDocument Process(RawDocument raw, IReadOnlyList<Diagnostic>? readDiagnostics = null, double readSeconds = 0)
    {
        var diagnostics = new List<Diagnostic>(readDiagnostics ?? []);
        long t0 = Stopwatch.GetTimestamp();
        var source = raw.Source;
        var furniture = _furniture.Detect(source, raw.BodyStartLine);
        var layout = LayoutProfile.Measure(source, furniture.IsFurniture, raw.BodyStartLine);
        var (kind, lang, markdown) = _classifier.Classify(raw);
        long t1 = Stopwatch.GetTimestamp();

        var structure = _tree.Build(source, raw.BodyStartLine, furniture, layout, kind, markdown);
        var describeWarnings = new List<string>();
        var (title, date, dateText) = _classifier.Describe(raw, kind, describeWarnings);
        foreach (var w in describeWarnings) diagnostics.Add(Diagnostic.Warning(raw.Path, w));
        var passages = _passages.Build(raw.Id, source, structure, layout, markdown);
        long t2 = Stopwatch.GetTimestamp();

        var info = new DocumentInfo(raw.Id, raw.Path, title, kind, date, lang, raw.Bytes, raw.Format, raw.Encoding,
            raw.Metadata, structure.Sections.Count, passages.Count, DateTimeOffset.UtcNow) { DateText = dateText };
        var facts = new List<Fact>();
        var context = new ExtractionContext(info, source, structure.Sections, passages, structure.Skipped);
        var perExtractor = new Dictionary<string, double>(_extractors.Count, StringComparer.Ordinal);
        foreach (var extractor in _extractors)
        {
            long te = Stopwatch.GetTimestamp();
            try { extractor.Extract(context, facts); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An extractor bug must not lose the document: record it and keep the rest.
                context.Diagnostics.Add(Diagnostic.Warning(raw.Path, $"extractor {extractor.Name} failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
            }
            perExtractor[extractor.Name] = perExtractor.GetValueOrDefault(extractor.Name) + Stopwatch.GetElapsedTime(te).TotalSeconds;
        }
        diagnostics.AddRange(context.Diagnostics);
        long t3 = Stopwatch.GetTimestamp();

        var timings = new StageTimings(readSeconds, Stopwatch.GetElapsedTime(t0, t1).TotalSeconds,
            Stopwatch.GetElapsedTime(t1, t2).TotalSeconds, Stopwatch.GetElapsedTime(t2, t3).TotalSeconds) { Extractors = perExtractor };
        return new ProcessedDocument(info, source, structure.Sections, passages, facts, diagnostics, timings);
    }
}
