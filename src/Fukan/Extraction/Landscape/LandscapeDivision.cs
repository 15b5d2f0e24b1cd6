using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>An area of a division: its id and title.</summary>
public sealed record DivisionArea(string AreaId, string Title);

/// <summary>
/// A division of a panoramic report (俯瞰区分, e.g. 2.1 環境・エネルギー応用) with the research areas under it: the
/// report's division/area map, one fact per division. <see cref="Fact.Source"/> covers the division.
/// </summary>
public sealed record LandscapeDivision(Provenance Source, string DivisionId, string Title, IReadOnlyList<DivisionArea> Areas) : Fact(Source)
{
    public const string FactKind = "division";

    public override string Kind => FactKind;
}
