namespace Fukan.Analysis.Ranking;

/// <summary>
/// TOPSIS: vector-normalise each criterion (<c>rij = xij / √Σi xij²</c>, 0 for an all-zero column), weight it
/// (<c>vij = wj rij</c>), take the ideal <c>A+j</c> (max for a benefit, min for a cost) and the anti-ideal
/// <c>A−j</c>, and score each area by its closeness <c>Ci = D−i / (D+i + D−i)</c> where D± are the Euclidean
/// distances to A±; C is 0 when both are 0 (every area alike). TOPSIS is not additive; criterion j's reported
/// contribution is <c>Ci · (vij − A−j)² / Σk (vik − A−k)²</c>, its share of the distance from the anti-ideal.
/// </summary>
public sealed class TopsisMethod : IRankingMethod
{
    public string Name => "topsis";

    public double[] Score(double[][] x, double[] w, bool[] cost, double[][]? normalized = null, double[][]? contributions = null)
    {
        int n = x.Length, m = w.Length;
        var v = new double[n][];
        for (int i = 0; i < n; i++) v[i] = new double[m];
        var ideal = new double[m];
        var anti = new double[m];
        for (int j = 0; j < m; j++)
        {
            double norm = 0;
            for (int i = 0; i < n; i++) norm += x[i][j] * x[i][j];
            norm = Math.Sqrt(norm);
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                double r = norm > 0 ? x[i][j] / norm : 0;
                if (normalized is not null) normalized[i][j] = r;
                v[i][j] = w[j] * r;
                max = Math.Max(max, v[i][j]);
                min = Math.Min(min, v[i][j]);
            }
            ideal[j] = cost[j] ? min : max;
            anti[j] = cost[j] ? max : min;
        }
        var score = new double[n];
        for (int i = 0; i < n; i++)
        {
            double plus = 0, minus = 0;
            for (int j = 0; j < m; j++)
            {
                plus += (v[i][j] - ideal[j]) * (v[i][j] - ideal[j]);
                minus += (v[i][j] - anti[j]) * (v[i][j] - anti[j]);
            }
            double dPlus = Math.Sqrt(plus), dMinus = Math.Sqrt(minus);
            score[i] = dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 0;
            if (contributions is not null)
                for (int j = 0; j < m; j++)
                    contributions[i][j] = minus > 0 ? score[i] * (v[i][j] - anti[j]) * (v[i][j] - anti[j]) / minus : 0;
        }
        return score;
    }
}
