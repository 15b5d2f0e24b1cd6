namespace Fukan.Model;

/// <summary>What kind of block a passage is.</summary>
public enum PassageKind
{
    Paragraph,
    Bullet,
    TableRow,
    Heading,
    Footnote,
}

public static class PassageKindNames
{
    public static string ToName(this PassageKind kind) => kind switch
    {
        PassageKind.Bullet => "bullet",
        PassageKind.TableRow => "table-row",
        PassageKind.Heading => "heading",
        PassageKind.Footnote => "footnote",
        _ => "paragraph",
    };

    public static PassageKind Parse(string name) => name switch
    {
        "bullet" => PassageKind.Bullet,
        "table-row" => PassageKind.TableRow,
        "heading" => PassageKind.Heading,
        "footnote" => PassageKind.Footnote,
        _ => PassageKind.Paragraph,
    };
}

/// <summary>
/// A repaired block of text (PDF wraps joined, artefacts removed) with the section it belongs to and a map back
/// to the source. <see cref="Ordinal"/> is the passage's 0-based position in its document.
/// </summary>
public sealed record Passage(
    DocumentId Document,
    int Ordinal,
    PassageKind Kind,
    string Text,
    string? SectionId,
    string SectionPath,
    Provenance Source,
    OffsetMap Map)
{
    /// <summary>A stable id across the knowledge base: short document id, a dash, the ordinal.</summary>
    public string Id => IdOf(Document, Ordinal);

    /// <summary>The id of passage <paramref name="ordinal"/> of <paramref name="document"/>.</summary>
    public static string IdOf(DocumentId document, int ordinal) => $"{document.Short}-{ordinal}";

    /// <summary>The provenance of the derived span [start, end) of <see cref="Text"/>.</summary>
    public Provenance ProvenanceOf(int start, int end, SourceText source)
    {
        var span = Map.ToSource(start, end);
        return Provenance.Of(Document, source, span);
    }
}
