namespace Fukan.Analysis.Ranking;

/// <summary>
/// A multi-criteria scoring method over a decision matrix: <c>x[i][j]</c> is area i's value on criterion j (no
/// missing values), <c>w[j]</c> the weights (summing to 1), <c>cost[j]</c> true when less is better.
/// </summary>
public interface IRankingMethod
{
    /// <summary>The name used on the command line and in JSON: wsum, topsis.</summary>
    string Name { get; }

    /// <summary>
    /// Scores every area (higher is better). When <paramref name="normalized"/> and <paramref name="contributions"/>
    /// are given, fills them per area and criterion: the normalised value the method used and the criterion's share
    /// of the score.
    /// </summary>
    double[] Score(double[][] x, double[] w, bool[] cost, double[][]? normalized = null, double[][]? contributions = null);
}

/// <summary>The methods by name.</summary>
public static class RankingMethods
{
    public static IRankingMethod? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "wsum" or "weighted-sum" or "sum" => new WeightedSumMethod(),
        "topsis" => new TopsisMethod(),
        _ => null,
    };
}
