using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>A document as <c>fukan docs --json</c> and <c>GET /api/documents</c> list it.</summary>
public sealed record DocumentSummary(
    string Id, string Path, string Title, string Kind, string? Date, string Lang, long Bytes, int Sections, int Passages)
{
    public static DocumentSummary Of(DocumentInfo d) =>
        new(d.Id.Value, d.Path, d.Title, d.Kind.ToName(), d.DateText, d.Lang, d.Bytes, d.SectionCount, d.PassageCount);
}
