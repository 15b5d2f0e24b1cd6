using Fukan.Model;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// <c>fukan rank --json</c>: <c>{ "method", "country", "weights", "criteria": [{ "id", "weight", "direction",
/// "description", "formula" }], "sensitivity": { "draws", "seed", "perturbation" } | null, "areas": [..] }</c>.
/// </summary>
public sealed record RankingReport(
    string Method,
    string Country,
    string Weights,
    IReadOnlyList<CriterionSetting> Criteria,
    SensitivitySettings? Sensitivity,
    IReadOnlyList<RankedArea> Areas);

/// <summary>A criterion as used: its normalised weight and direction, what it measures and its formula.</summary>
public sealed record CriterionSetting(string Id, double Weight, CriterionDirection Direction, string Description, string Formula);

/// <summary>
/// One ranked area: <c>{ "rank", "areaId", "title", "division", "documentId", "documentTitle", "score",
/// "criteria": [..], "stability", "provenance" }</c>.
/// </summary>
public sealed record RankedArea(
    int Rank,
    string AreaId,
    string Title,
    string? Division,
    DocumentId DocumentId,
    string DocumentTitle,
    double Score,
    IReadOnlyList<CriterionScore> Criteria,
    RankStability? Stability,
    Provenance? Provenance);

/// <summary>
/// A criterion for one area: the raw value (imputed as the mean of the areas when the data is missing), the value
/// the method used, the weight, the contribution to the score, the formula with the numbers, and the evidence.
/// </summary>
public sealed record CriterionScore(
    string Id,
    double Value,
    bool Imputed,
    double Normalized,
    double Weight,
    double Contribution,
    string Detail,
    IReadOnlyList<CriterionEvidence> Evidence,
    int EvidenceCount);

/// <summary>How stable a rank is under perturbed weights: share of draws that keep the rank, range and 5–95 % band.</summary>
public sealed record RankStability(double Stability, int MinRank, int MaxRank, double MeanRank, int P05, int P95);

/// <summary>How the sensitivity check was run.</summary>
public sealed record SensitivitySettings(int Draws, int Seed, double Perturbation);
