using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>A research area's profile and comparison: <c>fukan area ID --json</c>, <c>GET /api/areas/{areaId}</c>.</summary>
public sealed record AreaView(
    string DocumentId,
    string AreaId,
    string Title,
    string? Division,
    string? DivisionId,
    string? Definition,
    IReadOnlyList<string> Keywords,
    string? Overview,
    string? Trends,
    string? Projects,
    string? Challenges,
    IReadOnlyList<RelatedArea> Related,
    IReadOnlyList<ComparisonRowView> Comparison,
    Provenance? Provenance);

/// <summary>Where a country has gaps: <c>fukan gaps --json</c>, <c>GET /api/gaps</c>.</summary>
public sealed record GapsView(string DocumentId, string Title, string Country, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<Gap> Gaps);
