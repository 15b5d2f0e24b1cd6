namespace Fukan.Model;

/// <summary>
/// Where a passage or fact came from: the document, its first and last original line (1-based, as in the
/// file) and the character span in the document's source text (0-based UTF-16 offsets, end exclusive).
/// </summary>
public sealed record Provenance(DocumentId Document, int Line, int EndLine, CharSpan Span)
{
    /// <summary>A provenance covering <paramref name="span"/> of <paramref name="text"/>.</summary>
    public static Provenance Of(DocumentId document, SourceText text, CharSpan span) =>
        new(document, text.LineOf(span.Start), text.LineOf(Math.Max(span.Start, span.End - 1)), span);
}
