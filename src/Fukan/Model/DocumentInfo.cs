namespace Fukan.Model;

/// <summary>What the knowledge base knows about a document as a whole.</summary>
public sealed record DocumentInfo(
    DocumentId Id,
    string Path,
    string Title,
    DocumentKind Kind,
    DateOnly? Date,
    string Lang,
    long Bytes,
    string Format,
    string Encoding,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    int SectionCount,
    int PassageCount,
    DateTimeOffset IngestedAt);
