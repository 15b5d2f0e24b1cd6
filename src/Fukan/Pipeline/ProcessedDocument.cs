using Fukan.Model;

namespace Fukan.Pipeline;

/// <summary>How long each stage took, in seconds (summed over documents; stages of different documents overlap in time).</summary>
public sealed record StageTimings(double Read, double Normalize, double Structure, double Extract)
{
    /// <summary>Time spent writing to the store (set by the ingestor).</summary>
    public double Store { get; init; }

    /// <summary>Time spent preparing the write on the worker (<c>IKnowledgeStore.Prepare</c>; set by the ingestor).</summary>
    public double Prepare { get; init; }

    /// <summary>Extraction time per extractor name (part of <see cref="Extract"/>).</summary>
    public IReadOnlyDictionary<string, double> Extractors { get; init; } = new Dictionary<string, double>();

    public double Total => Read + Normalize + Structure + Extract + Prepare + Store;

    public static StageTimings operator +(StageTimings a, StageTimings b)
    {
        var extractors = new Dictionary<string, double>(a.Extractors, StringComparer.Ordinal);
        foreach (var (name, seconds) in b.Extractors) extractors[name] = extractors.GetValueOrDefault(name) + seconds;
        return new(a.Read + b.Read, a.Normalize + b.Normalize, a.Structure + b.Structure, a.Extract + b.Extract) { Store = a.Store + b.Store, Prepare = a.Prepare + b.Prepare, Extractors = extractors };
    }

    public static StageTimings Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>A document through every stage up to the store: what gets written in one transaction.</summary>
public sealed record ProcessedDocument(
    DocumentInfo Info,
    SourceText Source,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Diagnostic> Diagnostics,
    StageTimings Timings);

/// <summary>The outcome of processing one file: a document, or diagnostics saying why not.</summary>
public sealed record ProcessResult(ProcessedDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Document is not null;
}
