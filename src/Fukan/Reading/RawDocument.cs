using Fukan.Model;

namespace Fukan.Reading;

/// <summary>
/// A document as read from its file: identity, decoded text and the metadata the format carries
/// (YAML front matter, PDF info, HTML title). Nothing is repaired yet.
/// </summary>
public sealed record RawDocument(
    string Path,
    DocumentId Id,
    long Bytes,
    string Format,
    string Encoding,
    SourceText Source,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    int BodyStartLine);

/// <summary>The outcome of reading one file: a document, or the reason it could not be read.</summary>
public sealed record ReadResult(RawDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ReadResult Failed(string path, string message, long? byteOffset = null) =>
        new(null, [Diagnostic.Error(path, message, byteOffset: byteOffset)]);

    public bool Succeeded => Document is not null;
}
