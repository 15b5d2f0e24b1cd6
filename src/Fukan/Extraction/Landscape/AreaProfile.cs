using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>A related area as written, resolved to an area id of the same report when it points into it.</summary>
public sealed record RelatedArea(string Text, string? AreaId, string? Field, string? Number);

/// <summary>
/// The profile of a research area: its definition (1), keywords (2), overview (3) with its sub-headings, notable
/// trends (4) with the projects to watch, challenges (5)(6) and related areas. <see cref="Fact.Source"/> covers
/// the area's heading line through its last line. Texts are the repaired passages joined by line breaks;
/// sub-headings (［研究開発の動向］, ［新展開・技術トピックス］ …) stay in the text on lines of their own.
/// </summary>
/// <param name="Source">The area from its heading line to its last line.</param>
/// <param name="AreaId">The area's section id, e.g. "2.1.1".</param>
/// <param name="Title">The area's title.</param>
/// <param name="Division">The title of the division the area belongs to (the 2.x parent).</param>
/// <param name="Definition">（1）研究開発領域の定義.</param>
/// <param name="Keywords">The keywords (2), split on 、 and repaired across line wraps.</param>
/// <param name="Overview">（3）研究開発領域の概要 with its sub-headings.</param>
/// <param name="Trends">（4）注目動向 with its sub-headings.</param>
/// <param name="Challenges">（5）科学技術的課題 and （6）その他の課題, each under its heading when both are there.</param>
/// <param name="Related">関連する他の研究開発領域, resolved to area ids of the same report where they point into it.</param>
/// <param name="DivisionId">The id of the division (2.1).</param>
/// <param name="Projects">The part of the trends under ［注目すべき国内外のプロジェクト］, when there is one.</param>
/// <param name="TrendsSources">Where each sentence of <paramref name="Trends"/> came from, in text order (null in stores
/// written before it was kept): a statement drawn from the trends points at its own lines, not the whole area's.</param>
public sealed record AreaProfile(
    Provenance Source,
    string AreaId,
    string Title,
    string? Division,
    string? Definition,
    IReadOnlyList<string> Keywords,
    string? Overview,
    string? Trends,
    string? Challenges,
    IReadOnlyList<RelatedArea> Related,
    string? DivisionId = null,
    string? Projects = null,
    IReadOnlyList<TextSource>? TrendsSources = null) : Fact(Source)
{
    public const string FactKind = "area";

    public override string Kind => FactKind;

    /// <summary>The lines of the trends sentence that starts at <paramref name="offset"/> (or contains it), else the area's.</summary>
    public Provenance TrendsSourceAt(int offset)
    {
        if (TrendsSources is not { Count: > 0 } list) return Source;
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? Source : list[found].Source;
    }
}

/// <summary>A sentence of a joined text: its offset in that text and its own lines in the source.</summary>
public sealed record TextSource(int Start, Provenance Source);
