using Fukan.Model;

namespace Fukan.Extraction;

/// <summary>
/// Everything an extractor may read about one document: its metadata, source text, section tree and passages.
/// Extractors add warnings (a value that cannot be read, with its line) to <see cref="Diagnostics"/>.
/// </summary>
public sealed class ExtractionContext
{
    private readonly bool[]? _skipped;

    public ExtractionContext(DocumentInfo document, SourceText source, IReadOnlyList<Section> sections, IReadOnlyList<Passage> passages, bool[]? skippedLines = null)
    {
        Document = document;
        Source = source;
        Sections = sections;
        Passages = passages;
        _skipped = skippedLines;
    }

    /// <summary>
    /// True for lines that belong to no passage: page furniture (running headers, footers, side labels), front
    /// matter, a running chapter title repeated in the body. Extractors that read original lines skip them.
    /// </summary>
    public bool IsSkipped(int line) => _skipped is not null && line >= 0 && line < _skipped.Length && _skipped[line];

    public DocumentInfo Document { get; }
    public SourceText Source { get; }
    public IReadOnlyList<Section> Sections { get; }
    public IReadOnlyList<Passage> Passages { get; }
    public List<Diagnostic> Diagnostics { get; } = new();

    private Dictionary<string, object>? _memo;

    /// <summary>
    /// Per-passage results shared between extractors of this document (dates and entity mentions are found once
    /// and used by several): slot <c>passage.Ordinal</c> of the array stored under <paramref name="key"/>,
    /// computed by <paramref name="compute"/> the first time it is asked for.
    /// </summary>
    public T PerPassage<T>(string key, Passage passage, Func<string, T> compute) where T : class
    {
        _memo ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (!_memo.TryGetValue(key, out var slots)) _memo[key] = slots = new T?[Passages.Count];
        var array = (T?[])slots;
        if (passage.Ordinal < 0 || passage.Ordinal >= array.Length) return compute(passage.Text);
        return array[passage.Ordinal] ??= compute(passage.Text);
    }

    /// <summary>Adds a warning naming the original line.</summary>
    public void Warn(int line, string message) => Diagnostics.Add(Diagnostic.Warning(Document.Path, message, line));
}

/// <summary>One extraction stage: reads a document, adds facts. Synchronous and free of I/O.</summary>
public interface IFactExtractor
{
    /// <summary>A short name for timings and diagnostics.</summary>
    string Name { get; }

    void Extract(ExtractionContext context, ICollection<Fact> facts);
}
