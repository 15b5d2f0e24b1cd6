using Fukan.Model;

namespace Fukan.Analysis.Landscape;

/// <summary>
/// A weak spot of one country in one area: <c>applied-lags-basic</c> (strong basic research, weaker applied
/// research and development), <c>falling</c> (a trend ↘), or <c>trails-leader</c> (a rating below the best
/// country's in the same phase). <see cref="Provenance"/> is the row the gap is read from.
/// </summary>
public sealed record Gap(
    string AreaId,
    string Area,
    string? Division,
    string Country,
    string Kind,
    string Phase,
    string PhaseLabel,
    string? Rating,
    int? Score,
    string? Trend,
    int? LeaderScore,
    IReadOnlyList<string> Leaders,
    string Reason,
    Provenance Provenance)
{
    public const string AppliedLagsBasic = "applied-lags-basic";
    public const string Falling = "falling";
    public const string TrailsLeader = "trails-leader";
}
