namespace Fukan.Analysis.Ranking;

/// <summary>A criterion's weight and direction.</summary>
public sealed record CriterionWeight(string Criterion, double Weight, CriterionDirection Direction);

/// <summary>
/// The weights of a ranking, read by <see cref="WeightsLoader"/>: one entry per criterion (a criterion absent from
/// the file weighs 0). <see cref="Normalized"/> divides by the sum so the weights used sum to 1.
/// </summary>
public sealed record RankingWeights(string Source, IReadOnlyList<CriterionWeight> Weights)
{
    public double Sum
    {
        get
        {
            double s = 0;
            foreach (var w in Weights) s += w.Weight;
            return s;
        }
    }

    /// <summary>The weights divided by their sum, in <see cref="Criterion.All"/> order.</summary>
    public IReadOnlyList<CriterionWeight> Normalized
    {
        get
        {
            double sum = Sum;
            var list = new List<CriterionWeight>(Weights.Count);
            foreach (var w in Weights) list.Add(w with { Weight = sum > 0 ? w.Weight / sum : 0 });
            return list;
        }
    }

    /// <summary>These weights with each one multiplied by the matching factor (sensitivity draws).</summary>
    public RankingWeights Scaled(IReadOnlyList<double> factors)
    {
        var list = new List<CriterionWeight>(Weights.Count);
        for (int i = 0; i < Weights.Count; i++) list.Add(Weights[i] with { Weight = Weights[i].Weight * factors[i] });
        return this with { Weights = list };
    }
}

/// <summary>A weights file that cannot be used: one line naming the file (and line) and the reason.</summary>
public sealed class WeightsException(string message) : Exception(message);
