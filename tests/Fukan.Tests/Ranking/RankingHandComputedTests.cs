using System.Text.Json;
using Fukan.Analysis.Ranking;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Ranking;

/// <summary>Ranks of <see cref="RankingFixtures"/> checked against a calculation done by hand.</summary>
public class RankingHandComputedTests
{
    private static readonly RankingWeights Weights = WeightsLoader.Parse(RankingFixtures.HandWeightsYaml, "hand.yaml");

    private static double Value(RankedArea area, string criterion) => area.Criteria.Single(c => c.Id == criterion).Value;

    private static RankedArea ById(RankingReport r, string id) => r.Areas.Single(a => a.AreaId == id);

    [Fact]
    public void Criteria_MatchTheHandCalculation()
    {
        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod());
        RankedArea a = ById(r, "2.1.1"), b = ById(r, "2.1.2"), c = ById(r, "2.1.3");
        // basicPosition = S(JP, basic) / 3: ◎ 3, ○ 2, △ 1
        Assert.Equal(1.0, Value(a, "basicPosition"), 12);
        Assert.Equal(2.0 / 3, Value(b, "basicPosition"), 12);
        Assert.Equal(1.0 / 3, Value(c, "basicPosition"), 12);
        Assert.Equal(2.0 / 3, Value(a, "appliedPosition"), 12);
        // gapToLeader = mean over phases (max − JP) / 3: A (0 + 1)/2/3, B (1 + 2)/2/3, C (1 + 1)/2/3
        Assert.Equal(1.0 / 6, Value(a, "gapToLeader"), 12);
        Assert.Equal(0.5, Value(b, "gapToLeader"), 12);
        Assert.Equal(1.0 / 3, Value(c, "gapToLeader"), 12);
        // trend = (mean t + 1) / 2: A (1 + 0)/2 → 0.75, B (0 − 1)/2 → 0.25, C (1 + 1)/2 → 1
        Assert.Equal(0.75, Value(a, "trend"), 12);
        Assert.Equal(0.25, Value(b, "trend"), 12);
        Assert.Equal(1.0, Value(c, "trend"), 12);
        // globalMomentum = rising countries / countries: A 3/3, B 2/3 (US, CN), C 1/3 (JP)
        Assert.Equal(1.0, Value(a, "globalMomentum"), 12);
        Assert.Equal(2.0 / 3, Value(b, "globalMomentum"), 12);
        Assert.Equal(1.0 / 3, Value(c, "globalMomentum"), 12);
        // basicNotApplied = max(0, basic − applied) / 3: A 1/3, B 1/3, C 0
        Assert.Equal(1.0 / 3, Value(a, "basicNotApplied"), 12);
        Assert.Equal(1.0 / 3, Value(b, "basicNotApplied"), 12);
        Assert.Equal(0.0, Value(c, "basicNotApplied"), 12);
        // investment = ln(1 + n): only C states money; attention = ln(1 + n): only B is named elsewhere
        Assert.Equal(0.0, Value(a, "investment"), 12);
        Assert.Equal(Math.Log(2), Value(c, "investment"), 12);
        Assert.Equal(Math.Log(2), Value(b, "attention"), 12);
        Assert.Equal(0.0, Value(a, "attention"), 12);
        // emergence: no dates and no profile anywhere → missing for all, imputed as 0
        Assert.All(r.Areas, x => Assert.True(x.Criteria.Single(k => k.Id == "emergence").Imputed));
    }

    [Fact]
    public void WeightedSum_RanksAsComputedByHand()
    {
        // Min–max normalised (gap is a cost: (max − x)/(max − min)):
        //            basicPos  gap   invest  attention
        //   A        1         1     0       0
        //   B        0.5       0     0       1
        //   C        0         0.5   1       0
        // Scores with w = 0.3, 0.2, 0.3, 0.2:
        //   A = 0.3 + 0.2                  = 0.50
        //   B = 0.15 + 0.2                 = 0.35
        //   C = 0.1 + 0.3                  = 0.40
        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod());
        Assert.Equal(["2.1.1", "2.1.3", "2.1.2"], r.Areas.Select(a => a.AreaId));
        Assert.Equal([1, 2, 3], r.Areas.Select(a => a.Rank));
        Assert.Equal(0.50, ById(r, "2.1.1").Score, 12);
        Assert.Equal(0.35, ById(r, "2.1.2").Score, 12);
        Assert.Equal(0.40, ById(r, "2.1.3").Score, 12);
        var c = ById(r, "2.1.3");
        Assert.Equal(0.3, c.Criteria.Single(k => k.Id == "investment").Contribution, 12);
        Assert.Equal(0.1, c.Criteria.Single(k => k.Id == "gapToLeader").Contribution, 12);
        Assert.Equal(c.Score, c.Criteria.Sum(k => k.Contribution), 12);
    }

    [Fact]
    public void Topsis_RanksAsComputedByHand()
    {
        // Vector norms: basicPos √(1 + 4/9 + 1/9) = √14/3, gap √(1/36 + 1/4 + 1/9) = √14/6, invest ln2, attention ln2.
        // Weighted normalised values v (s = √14):
        //            basicPos  gap      invest  attention
        //   A        0.9/s     0.2/s    0       0
        //   B        0.6/s     0.6/s    0       0.2
        //   C        0.3/s     0.4/s    0.3     0
        // Ideal (gap is a cost → its minimum): 0.9/s, 0.2/s, 0.3, 0.2; anti-ideal: 0.3/s, 0.6/s, 0, 0.
        double s2 = 14;
        double aPlus = Math.Sqrt(0.09 + 0.04), aMinus = Math.Sqrt((0.36 + 0.16) / s2);
        double bPlus = Math.Sqrt((0.09 + 0.16) / s2 + 0.09), bMinus = Math.Sqrt(0.09 / s2 + 0.04);
        double cPlus = Math.Sqrt((0.36 + 0.04) / s2 + 0.04), cMinus = Math.Sqrt(0.04 / s2 + 0.09);
        double a = aMinus / (aPlus + aMinus), b = bMinus / (bPlus + bMinus), c = cMinus / (cPlus + cMinus);
        // ≈ A 0.3483, B 0.3962, C 0.5378: TOPSIS reverses the weighted sum here, because A is far from the
        // ideal on investment and attention, which a sum compensates and a distance does not.
        Assert.Equal(0.3483, a, 4);
        Assert.Equal(0.3962, b, 4);
        Assert.Equal(0.5378, c, 4);

        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new TopsisMethod());
        Assert.Equal(["2.1.3", "2.1.2", "2.1.1"], r.Areas.Select(x => x.AreaId));
        Assert.Equal(a, ById(r, "2.1.1").Score, 12);
        Assert.Equal(b, ById(r, "2.1.2").Score, 12);
        Assert.Equal(c, ById(r, "2.1.3").Score, 12);
        foreach (var area in r.Areas) Assert.Equal(area.Score, area.Criteria.Sum(k => k.Contribution), 12);
    }

    [Fact]
    public void Ranking_IsDeterministic_IncludingSensitivity()
    {
        var settings = new SensitivitySettings(300, 7, 0.2);
        string Run(IRankingMethod m) => JsonSerializer.Serialize(new Ranker().Rank(RankingFixtures.Input(), Weights, m, "JP", settings), FukanJson.Options);
        Assert.Equal(Run(new WeightedSumMethod()), Run(new WeightedSumMethod()));
        Assert.Equal(Run(new TopsisMethod()), Run(new TopsisMethod()));
    }

    [Fact]
    public void Sensitivity_ReportsRankBands()
    {
        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod(), "JP", new SensitivitySettings(500, 1, 0.2));
        foreach (var a in r.Areas)
        {
            var s = a.Stability!;
            Assert.InRange(s.Stability, 0, 1);
            Assert.True(s.MinRank <= a.Rank && a.Rank <= s.MaxRank);
            Assert.True(s.MinRank <= s.P05 && s.P05 <= s.P95 && s.P95 <= s.MaxRank);
        }
        // With factors f on basicPos, gap, invest, attention: A − B = 0.15 f1 + 0.2 f2 − 0.2 f4 ≥ 0.12 + 0.16 − 0.24 > 0,
        // so no draw puts B above A: A never falls below 2nd and B never rises to 1st. (A − C = 0.3 f1 + 0.1 f2 − 0.3 f3
        // can go negative, so A may lose 1st place in some draws.)
        Assert.True(ById(r, "2.1.1").Stability!.MaxRank <= 2);
        Assert.True(ById(r, "2.1.2").Stability!.MinRank >= 2);

        var none = new Ranker().Rank(RankingFixtures.Input(), Weights, new TopsisMethod(), "JP", new SensitivitySettings(50, 1, 0));
        Assert.All(none.Areas, a => Assert.Equal(1.0, a.Stability!.Stability));
    }

    [Fact]
    public void OtherCountry_IsAssessedFromItsOwnRows()
    {
        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod(), "us");
        Assert.Equal("US", r.Country);
        // The US leads everywhere except C's basic research (○ while its peers are △): gap 0 in every area.
        Assert.All(r.Areas, a => Assert.Equal(0, Value(a, "gapToLeader"), 12));
        Assert.Equal(1.0, Value(ById(r, "2.1.2"), "basicPosition"), 12);
    }

    [Fact]
    public void UnknownCountry_AndEmptyInput_AreExplained()
    {
        var e = Assert.Throws<RankingException>(() => new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod(), "FR"));
        Assert.Equal("no comparison rows for country 'FR' (countries in the knowledge base: CN, JP, US)", e.Message);
        var empty = Assert.Throws<RankingException>(() => new Ranker().Rank(new RankingInput([], [], [], []), Weights, new WeightedSumMethod()));
        Assert.StartsWith("no research areas to rank", empty.Message);
    }

    [Fact]
    public void EqualScores_ShareARank()
    {
        Assert.Equal([1, 1, 3, 4, 4], Ranker.Ranks([0.5, 0.5, 0.4, 0.1, 0.1]));
    }

    [Fact]
    public void Ranks_AreThePairwiseCount_WithTheTieTolerance()
    {
        // The definition, pair by pair: one more than the scores above by more than 1e-12.
        static int[] ByPairs(double[] s) => [.. s.Select(v => 1 + s.Count(o => o > v + 1e-12))];
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            var scores = new double[random.Next(1, 60)];
            for (int i = 0; i < scores.Length; i++)
                scores[i] = random.Next(4) switch { 0 => 0.5, 1 => 0.5 + 1e-13, 2 => Math.Round(random.NextDouble(), 2), _ => random.NextDouble() };
            Assert.Equal(ByPairs(scores), Ranker.Ranks(scores));
        }
        Assert.Equal(ByPairs([double.NaN, 0.3, 0.3, double.NaN]), Ranker.Ranks([double.NaN, 0.3, 0.3, double.NaN]));
    }

    [Fact]
    public void EveryCriterion_CarriesItsEvidence()
    {
        var r = new Ranker().Rank(RankingFixtures.Input(), Weights, new WeightedSumMethod());
        var b = ById(r, "2.1.2");
        var attention = b.Criteria.Single(k => k.Id == "attention");
        var e = Assert.Single(attention.Evidence);
        Assert.Equal(RankingFixtures.Article, e.DocumentId);
        Assert.Equal(7, e.Line);
        var basic = b.Criteria.Single(k => k.Id == "basicPosition");
        Assert.Equal("日本 基礎研究 ○ →", Assert.Single(basic.Evidence).Text);
        var money = ById(r, "2.1.3").Criteria.Single(k => k.Id == "investment");
        Assert.Equal("100億円", Assert.Single(money.Evidence).Text);
        Assert.Equal(33, money.Evidence[0].Line);
        Assert.Contains("ln(1 + 1)", money.Detail);
    }
}
