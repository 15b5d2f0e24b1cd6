using Fukan.Model;

namespace Fukan.Reading;

/// <summary>
/// Reads plain text and markdown: detects the encoding, refuses binary and empty files, and keeps YAML front
/// matter (title, date, tags, …) as metadata. The source text keeps every line of the file, front matter
/// included, so line numbers stay those of the file.
/// </summary>
public sealed class TextDocumentReader : IDocumentReader
{
    private readonly TextDecoder _decoder;

    public TextDocumentReader(string format, IReadOnlyList<string> extensions, TextDecoder decoder)
    {
        Format = format;
        Extensions = extensions;
        _decoder = decoder;
    }

    public static TextDocumentReader PlainText(TextDecoder decoder) => new("text", [".txt", ".text"], decoder);

    public static TextDocumentReader Markdown(TextDecoder decoder) => new("markdown", [".md", ".markdown"], decoder);

    public string Format { get; }

    public IReadOnlyList<string> Extensions { get; }

    public ReadResult Read(string path, byte[] bytes)
    {
        if (bytes.Length == 0) return ReadResult.Failed(path, "empty file");
        var decoded = _decoder.Decode(bytes);
        if (decoded.Text is null) return ReadResult.Failed(path, decoded.Error ?? "cannot decode", decoded.ErrorOffset);
        if (string.IsNullOrWhiteSpace(decoded.Text)) return ReadResult.Failed(path, "empty file (only white space)");

        var source = new SourceText(decoded.Text);
        var front = FrontMatter.Parse(source);
        var diagnostics = new List<Diagnostic>();
        if (front.Warning is not null) diagnostics.Add(Diagnostic.Warning(path, front.Warning));
        var doc = new RawDocument(path, DocumentId.FromContent(bytes), bytes.Length, Format, decoded.Encoding, source, front.Metadata, front.BodyStartLine);
        return new ReadResult(doc, diagnostics);
    }
}
