using Fukan.Analysis.Ranking;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Ranking;

public class WeightsLoaderTests
{
    [Fact]
    public void DefaultWeights_FollowTheReportsThreeCriteria()
    {
        var w = WeightsLoader.LoadDefault();
        Assert.Equal(Criterion.All.Select(c => c.Id), w.Weights.Select(x => x.Criterion));
        var n = w.Normalized.ToDictionary(x => x.Criterion, x => x.Weight);
        Assert.Equal(1.0, n.Values.Sum(), 9);
        // Each perspective carries a third: emergence, socio-economic impact, Japan's strength.
        Assert.Equal(1.0 / 3, n["emergence"] + n["globalMomentum"], 3);
        Assert.Equal(1.0 / 3, n["investment"] + n["attention"], 3);
        Assert.Equal(1.0 / 3, n["basicPosition"] + n["appliedPosition"] + n["gapToLeader"] + n["trend"] + n["basicNotApplied"], 3);
        Assert.Equal(CriterionDirection.Cost, w.Weights.Single(x => x.Criterion == "gapToLeader").Direction);
    }

    [Theory]
    [InlineData("criteria:\n  emergence: 1\n  novelty: 2\n", "w.yaml: line 3: unknown criterion 'novelty' (known: basicPosition, appliedPosition, gapToLeader, trend, globalMomentum, basicNotApplied, investment, attention, emergence)")]
    [InlineData("criteria:\n  emergence: 1\n  trend: -0.5\n", "w.yaml: line 3: criterion 'trend': weight -0.5 is negative")]
    [InlineData("criteria:\n  emergence: high\n", "w.yaml: line 2: criterion 'emergence': weight 'high' is not a number")]
    [InlineData("criteria:\n  gapToLeader: { weight: 1, direction: down }\n", "w.yaml: line 2: criterion 'gapToLeader': direction 'down' is not benefit or cost")]
    [InlineData("criteria:\n  emergence: 0\n", "w.yaml: the weights sum to zero: give at least one criterion a positive weight")]
    [InlineData("weights:\n  emergence: 1\n", "w.yaml: line 1: unknown key 'weights' (expected criteria)")]
    [InlineData("criteria: [1, 2]\n", "w.yaml: line 1: 'criteria' must be a mapping of criterion: weight")]
    public void BadWeights_AreRefusedWithOneLine(string yaml, string message)
    {
        var e = Assert.Throws<WeightsException>(() => WeightsLoader.Parse(yaml, "w.yaml"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void MissingCriteria_WeighZero_AndDirectionsCanBeFlipped()
    {
        var w = WeightsLoader.Parse("criteria:\n  trend: 2\n  gapToLeader: { weight: 2, direction: benefit }\n", "w.yaml");
        var n = w.Normalized.ToDictionary(x => x.Criterion);
        Assert.Equal(0.5, n["trend"].Weight);
        Assert.Equal(0.5, n["gapToLeader"].Weight);
        Assert.Equal(CriterionDirection.Benefit, n["gapToLeader"].Direction);
        Assert.Equal(0, n["emergence"].Weight);
    }

    [Fact]
    public async Task Cli_RefusesBadWeightsWithExitOne()
    {
        using var dir = new TempDir();
        var path = dir.Write("my-weights.yaml", "criteria:\n  emergence: 1\n  popularity: 1\n");
        var r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "rank", "--weights", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"fukan: {path}: line 3: unknown criterion 'popularity' (known: basicPosition, appliedPosition, gapToLeader, trend, globalMomentum, basicNotApplied, investment, attention, emergence)\n", r.Err.ReplaceLineEndings("\n"));

        path = dir.Write("negative.yaml", "criteria:\n  emergence: -1\n");
        r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "rank", "--weights", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"fukan: {path}: line 2: criterion 'emergence': weight -1 is negative\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Cli_UnknownMethod_IsAUsageError()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "rank", "--method", "ahp");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--method ahp: use wsum or topsis", r.Err);
    }
}
