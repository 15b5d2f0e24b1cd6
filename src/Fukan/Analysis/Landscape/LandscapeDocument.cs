using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Analysis.Landscape;

/// <summary>
/// The landscape facts of one document, as stored: comparison rows, area profiles, divisions and priority themes.
/// Rows and profiles are in document order.
/// </summary>
public sealed record LandscapeDocument(
    DocumentInfo Document,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<AreaProfile> Areas,
    IReadOnlyList<LandscapeDivision> Divisions,
    IReadOnlyList<PriorityTheme> Themes)
{
    /// <summary>The areas in document order: from the profiles, else from the rows (documents without area sections).</summary>
    public IReadOnlyList<(string AreaId, string Title, string? Division)> AreaList()
    {
        var list = new List<(string, string, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Areas) if (seen.Add(a.AreaId)) list.Add((a.AreaId, a.Title, a.Division));
        foreach (var r in Rows) if (seen.Add(r.AreaId)) list.Add((r.AreaId, r.Area, r.Division));
        return list;
    }

    /// <summary>The profile of <paramref name="areaId"/>, or null.</summary>
    public AreaProfile? Profile(string areaId)
    {
        foreach (var a in Areas) if (a.AreaId == areaId) return a;
        return null;
    }

    /// <summary>The rows of <paramref name="areaId"/> in table order.</summary>
    public IReadOnlyList<ComparisonRow> RowsOf(string areaId)
    {
        var list = new List<ComparisonRow>();
        foreach (var r in Rows) if (r.AreaId == areaId) list.Add(r);
        return list;
    }
}
