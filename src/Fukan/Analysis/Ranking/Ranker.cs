using System.Globalization;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// Ranks the research areas of a <see cref="RankingInput"/>: computes the criteria for a country, fills missing
/// values with the mean of the areas that have them, scores with a method (weighted sum or TOPSIS), ranks by score
/// (equal scores share a rank; areas keep document and section order among equals), and optionally perturbs the
/// weights to see how stable each rank is. Deterministic: the same input, weights and seed give the same output.
/// </summary>
public sealed class Ranker
{
    private const double Tie = 1e-12;

    public RankingReport Rank(RankingInput input, RankingWeights weights, IRankingMethod method, string country = "JP", SensitivitySettings? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(method);
        if (input.Areas.Count == 0)
            throw new RankingException("no research areas to rank: the knowledge base has no international comparison tables (ingest a panoramic report with （7）国際比較 sections)");
        country = country.Trim().ToUpperInvariant();
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var a in input.Areas) foreach (var r in a.Rows) countries.Add(r.Country);
        if (!countries.Contains(country))
            throw new RankingException($"no comparison rows for country '{country}' (countries in the knowledge base: {string.Join(", ", countries)})");

        var criteria = new CriteriaCalculator(country).Compute(input);
        int n = criteria.Count, m = Criterion.All.Count;
        var x = new double[n][];
        var imputed = new bool[n][];
        for (int i = 0; i < n; i++) { x[i] = new double[m]; imputed[i] = new bool[m]; }
        for (int j = 0; j < m; j++)
        {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++)
                if (criteria[i].Values[j].Value is { } v) { sum += v; count++; }
            double mean = count > 0 ? sum / count : 0;
            for (int i = 0; i < n; i++)
            {
                var v = criteria[i].Values[j].Value;
                x[i][j] = v ?? mean;
                imputed[i][j] = v is null;
            }
        }
        var normalizedWeights = weights.Normalized;
        var w = new double[m];
        var cost = new bool[m];
        for (int j = 0; j < m; j++) { w[j] = normalizedWeights[j].Weight; cost[j] = normalizedWeights[j].Direction == CriterionDirection.Cost; }

        var normalized = Jagged(n, m);
        var contributions = Jagged(n, m);
        var scores = method.Score(x, w, cost, normalized, contributions);
        var ranks = Ranks(scores);

        RankStability[]? stability = null;
        if (sensitivity is not null) stability = Sensitivity(x, weights, cost, method, ranks, sensitivity);

        var areas = new List<RankedArea>(n);
        for (int i = 0; i < n; i++)
        {
            var a = criteria[i].Area;
            var list = new List<CriterionScore>(m);
            for (int j = 0; j < m; j++)
            {
                var cv = criteria[i].Values[j];
                var detail = imputed[i][j] ? $"{cv.Detail}; imputed as the mean of the areas = {x[i][j].ToString("0.###", CultureInfo.InvariantCulture)}" : cv.Detail;
                list.Add(new CriterionScore(cv.Criterion, x[i][j], imputed[i][j], normalized[i][j], w[j], contributions[i][j], detail, cv.Evidence, cv.EvidenceCount));
            }
            areas.Add(new RankedArea(ranks[i], a.AreaId, a.Title, a.Division, a.Document, a.DocumentTitle, scores[i], list, stability?[i], a.Heading));
        }
        // Stable sort: equal ranks keep the input order (document, then section order).
        var ordered = areas.Select((a, i) => (a, i)).OrderBy(t => t.a.Rank).ThenBy(t => t.i).Select(t => t.a).ToList();
        var settings = new List<CriterionSetting>(m);
        for (int j = 0; j < m; j++)
        {
            var c = Criterion.All[j];
            settings.Add(new CriterionSetting(c.Id, w[j], normalizedWeights[j].Direction, c.Description, c.Formula));
        }
        return new RankingReport(method.Name, country, weights.Source, settings, sensitivity, ordered);
    }

    /// <summary>
    /// Competition ranks (1, 2, 2, 4) by score, highest first: an area's rank is one more than the number of scores
    /// above its own by more than <see cref="Tie"/>. Counted by binary search in the sorted scores, so a thousand
    /// sensitivity draws over thousands of areas stay n log n each (every pair was compared before).
    /// </summary>
    internal static int[] Ranks(double[] scores)
    {
        var sorted = (double[])scores.Clone();
        Array.Sort(sorted);
        var ranks = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            double threshold = scores[i] + Tie;
            // The first sorted score above the threshold (NaN sorts first and is above nothing).
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] > threshold) hi = mid; else lo = mid + 1;
            }
            ranks[i] = sorted.Length - lo + 1;
        }
        return ranks;
    }

    /// <summary>
    /// Draws every weight times a factor uniform in [1 − p, 1 + p] (System.Random with the given seed, so runs repeat),
    /// re-scores, and collects each area's rank.
    /// </summary>
    private static RankStability[] Sensitivity(double[][] x, RankingWeights weights, bool[] cost, IRankingMethod method, int[] baseRanks, SensitivitySettings settings)
    {
        int n = x.Length, m = cost.Length;
        var random = new Random(settings.Seed);
        var seen = new int[n][];
        for (int i = 0; i < n; i++) seen[i] = new int[settings.Draws];
        var factors = new double[m];
        var w = new double[m];
        for (int d = 0; d < settings.Draws; d++)
        {
            for (int j = 0; j < m; j++) factors[j] = 1 + settings.Perturbation * (2 * random.NextDouble() - 1);
            var scaled = weights.Scaled(factors).Normalized;
            for (int j = 0; j < m; j++) w[j] = scaled[j].Weight;
            var ranks = Ranks(method.Score(x, w, cost));
            for (int i = 0; i < n; i++) seen[i][d] = ranks[i];
        }
        var result = new RankStability[n];
        for (int i = 0; i < n; i++)
        {
            var r = seen[i];
            Array.Sort(r);
            int same = 0;
            double sum = 0;
            foreach (var k in r) { if (k == baseRanks[i]) same++; sum += k; }
            int draws = Math.Max(1, r.Length);
            result[i] = r.Length == 0
                ? new RankStability(1, baseRanks[i], baseRanks[i], baseRanks[i], baseRanks[i], baseRanks[i])
                : new RankStability((double)same / draws, r[0], r[^1], sum / draws, Percentile(r, 0.05), Percentile(r, 0.95));
        }
        return result;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static int Percentile(int[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double[][] Jagged(int n, int m)
    {
        var a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = new double[m];
        return a;
    }
}
