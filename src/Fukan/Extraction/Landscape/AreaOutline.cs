using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>The section tree indexed for the landscape: sections by id, children in order, areas and divisions.</summary>
internal sealed class AreaOutline
{
    private readonly Dictionary<string, Section> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Section>> _children = new(StringComparer.Ordinal);
    private readonly List<Section> _areas = new();
    private readonly List<Section> _divisions = new();

    public AreaOutline(IReadOnlyList<Section> sections)
    {
        Sections = sections;
        foreach (var s in sections)
        {
            _byId[s.Id] = s;
            if (s.ParentId is { } p)
            {
                if (!_children.TryGetValue(p, out var list)) _children[p] = list = new List<Section>();
                list.Add(s);
            }
            if (s.Kind == SectionKind.Area) _areas.Add(s);
            else if (s.Kind == SectionKind.Division) _divisions.Add(s);
        }
    }

    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<Section> Areas => _areas;

    public IReadOnlyList<Section> Divisions => _divisions;

    public Section? Get(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<Section> ChildrenOf(Section s) => _children.TryGetValue(s.Id, out var list) ? list : [];

    /// <summary>Every section below <paramref name="s"/>, depth first, in document order.</summary>
    public IEnumerable<Section> DescendantsOf(Section s)
    {
        foreach (var c in ChildrenOf(s))
        {
            yield return c;
            foreach (var d in DescendantsOf(c)) yield return d;
        }
    }

    /// <summary>The division an area belongs to: its nearest division ancestor, else its parent.</summary>
    public Section? DivisionOf(Section area)
    {
        Section? parent = area.ParentId is { } p ? Get(p) : null;
        for (var a = parent; a is not null; a = a.ParentId is { } pp ? Get(pp) : null)
            if (a.Kind == SectionKind.Division) return a;
        return parent;
    }
}
