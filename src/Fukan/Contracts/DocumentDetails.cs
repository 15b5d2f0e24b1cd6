using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>One stored diagnostic of a document.</summary>
public sealed record DiagnosticView(string Severity, int? Line, string Message)
{
    public static DiagnosticView Of(Diagnostic d) => new(d.Severity.ToString().ToLowerInvariant(), d.Line, d.Message);
}

/// <summary>A document in full, as <c>fukan show DOC --json</c> and <c>GET /api/documents/{doc}</c> give it.</summary>
public sealed record DocumentDetails(
    string Id, string Path, string Title, string Kind, string? Date, string Lang, long Bytes, string Format, string Encoding,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata, int Sections, int Passages, int Areas, DateTimeOffset IngestedAt,
    IReadOnlyList<DiagnosticView> Diagnostics)
{
    public static DocumentDetails Of(DocumentInfo info, IReadOnlyList<Section> sections, IReadOnlyList<Diagnostic> diagnostics)
    {
        int areas = 0;
        foreach (var s in sections) if (s.Kind == SectionKind.Area) areas++;
        var views = new List<DiagnosticView>(diagnostics.Count);
        foreach (var d in diagnostics) views.Add(DiagnosticView.Of(d));
        return new(info.Id.Value, info.Path, info.Title, info.Kind.ToName(), info.DateText, info.Lang, info.Bytes, info.Format, info.Encoding,
            info.Metadata, info.SectionCount, info.PassageCount, areas, info.IngestedAt, views);
    }
}
