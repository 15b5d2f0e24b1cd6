namespace Fukan.Reading;

/// <summary>Turns the bytes of one file format into a <see cref="RawDocument"/>. Synchronous, no I/O.</summary>
public interface IDocumentReader
{
    /// <summary>The format name stored with the document ("text", "markdown", "pdf", "html").</summary>
    string Format { get; }

    /// <summary>File extensions handled, lower case with the dot.</summary>
    IReadOnlyList<string> Extensions { get; }

    ReadResult Read(string path, byte[] bytes);
}
