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
    DateTimeOffset IngestedAt)
{
    /// <summary>
    /// The document's date in ISO 8601 at the precision it was stated: <c>2026-02-12</c>, <c>2023-03</c> or
    /// <c>2023</c>. <see cref="Date"/> is its first day. Null when no date was found.
    /// </summary>
    public string? DateText { get; init; }
}
