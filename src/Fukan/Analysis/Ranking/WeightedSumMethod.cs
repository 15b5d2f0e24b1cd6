namespace Fukan.Analysis.Ranking;

/// <summary>
/// Weighted sum of min–max normalised criteria: <c>x'ij = (xij − minj) / (maxj − minj)</c> for a benefit criterion,
/// <c>(maxj − xij) / (maxj − minj)</c> for a cost; 0 when every area has the same value (the criterion does not
/// tell them apart). <c>score_i = Σj wj x'ij</c>, in [0, 1]; criterion j contributes <c>wj x'ij</c>.
/// </summary>
public sealed class WeightedSumMethod : IRankingMethod
{
    public string Name => "wsum";

    public double[] Score(double[][] x, double[] w, bool[] cost, double[][]? normalized = null, double[][]? contributions = null)
    {
        int n = x.Length, m = w.Length;
        var score = new double[n];
        for (int j = 0; j < m; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++) { min = Math.Min(min, x[i][j]); max = Math.Max(max, x[i][j]); }
            double range = max - min;
            for (int i = 0; i < n; i++)
            {
                double v = range > 0 ? (cost[j] ? max - x[i][j] : x[i][j] - min) / range : 0;
                double c = w[j] * v;
                score[i] += c;
                if (normalized is not null) normalized[i][j] = v;
                if (contributions is not null) contributions[i][j] = c;
            }
        }
        return score;
    }
}
