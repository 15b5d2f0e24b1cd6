using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>A related area as written, resolved to an area id of the same report when it points into it.</summary>
public sealed record RelatedArea(string Text, string? AreaId, string? Field, string? Number);

/// <summary>
/// The profile of a research area: its definition (1), keywords (2), overview (3) with its sub-headings, notable
/// trends (4) with the projects to watch, challenges (5)(6) and related areas. <see cref="Fact.Source"/> covers
/// the area's heading line through its last line.
/// </summary>
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
    IReadOnlyList<RelatedArea> Related) : Fact(Source)
{
    public const string FactKind = "area";

    public override string Kind => FactKind;
}
