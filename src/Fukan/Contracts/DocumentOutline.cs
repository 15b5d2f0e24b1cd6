using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>One node of a document's section tree.</summary>
public sealed record OutlineNode(string Id, string Title, string Kind, int Level, int StartLine, int EndLine, List<OutlineNode> Children);

/// <summary>A document's section tree, as <c>fukan show DOC --outline --json</c> and <c>GET /api/documents/{doc}/outline</c> give it.</summary>
public sealed record DocumentOutline(string Id, string Title, IReadOnlyList<OutlineNode> Sections)
{
    public static DocumentOutline Of(DocumentInfo info, IReadOnlyList<Section> sections) => new(info.Id.Value, info.Title, BuildTree(sections));

    /// <summary>Sections (in document order, parents first) as a tree.</summary>
    public static List<OutlineNode> BuildTree(IReadOnlyList<Section> sections)
    {
        var roots = new List<OutlineNode>();
        var byId = new Dictionary<string, OutlineNode>(StringComparer.Ordinal);
        foreach (var s in sections)
        {
            var node = new OutlineNode(s.Id, s.Title, s.Kind.ToName(), s.Level, s.StartLine, s.EndLine, new List<OutlineNode>());
            byId[s.Id] = node;
            if (s.ParentId is not null && byId.TryGetValue(s.ParentId, out var parent)) parent.Children.Add(node);
            else roots.Add(node);
        }
        return roots;
    }
}
