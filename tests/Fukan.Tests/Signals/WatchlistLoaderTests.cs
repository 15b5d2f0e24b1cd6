using Fukan.Analysis.Signals;
using Fukan.Extraction.Signals;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Signals;

public class WatchlistLoaderTests
{
    private const string Valid = """
        signals:
          - id: rate-50
            domain: AI agents
            description: a rate reaches half
            metric: resolution rate
            comparator: ">="
            threshold: 50
            unit: "%"
            aliases: [SWE-bench]
            patterns: [解決率]
            fires: agents substitute for work
        """;

    [Fact]
    public void DefaultWatchlist_CoversTheRoadmapSignals()
    {
        var w = WatchlistLoader.LoadDefault();
        Assert.Equal(["swe-bench-50", "inference-cost", "n2-volume-production", "bspdn-yield", "solid-state-a-samples", "low-stack-pressure"], w.Signals.Select(s => s.Id));
        Assert.Equal(["AI agents", "semiconductors", "batteries"], w.Domains);
        var swe = w.Signals[0];
        Assert.Equal(SignalComparator.AtLeast, swe.Comparator);
        Assert.Equal(50m, swe.Threshold);
        Assert.Equal("%", swe.Unit);
        var n2 = w.Signals.Single(s => s.Id == "n2-volume-production");
        Assert.True(n2.IsQualitative);
        Assert.Equal(["volume production", "major customers commit"], n2.Conditions.Select(c => c.Name));
        Assert.Equal("MPa", w.Signals.Single(s => s.Id == "low-stack-pressure").Unit);
        Assert.All(w.Signals, s => Assert.False(string.IsNullOrWhiteSpace(s.Fires)));
    }

    [Fact]
    public void ValidFile_Loads()
    {
        var w = WatchlistLoader.Parse(Valid, "mine.yaml");
        var s = Assert.Single(w.Signals);
        Assert.Equal("rate-50", s.Id);
        Assert.Equal(0.5, w.ActShare);
        Assert.Equal(1, s.Weight);
    }

    [Theory]
    [InlineData("threshold: 50", "threshold: fifty", "mine.yaml: line 7: signal 'rate-50': threshold 'fifty' is not a number (write the unit under 'unit')")]
    [InlineData("threshold: 50", "threshold: 50%", "mine.yaml: line 7: signal 'rate-50': threshold '50%' is not a number (write the unit under 'unit')")]
    [InlineData("threshold: 50", "threshold: [50]", "mine.yaml: line 7: signal 'rate-50': threshold 'sequence' is not a number (write the unit under 'unit')")]
    [InlineData("    threshold: 50\n", "", "mine.yaml: line 2: signal 'rate-50': comparator '>=' needs a numeric threshold")]
    [InlineData("comparator: \">=\"", "comparator: about", "mine.yaml: line 6: signal 'rate-50': comparator 'about' is not one of >, >=, <, <=, =, occurs")]
    [InlineData("comparator: \">=\"", "comparator: occurs", "mine.yaml: line 7: signal 'rate-50': a signal with comparator 'occurs' has no threshold")]
    [InlineData("unit: \"%\"", "treshold_unit: \"%\"", "mine.yaml: line 8: signal 'rate-50': unknown key 'treshold_unit' (expected id, domain, description, metric, comparator, threshold, unit, aliases, patterns, against, conditions, fires, weight)")]
    [InlineData("    unit: \"%\"\n", "", "mine.yaml: line 2: signal 'rate-50': a numeric signal needs a 'unit' (%, USD, MPa …)")]
    [InlineData("patterns: [解決率]", "patterns: ['解決率(']", "mine.yaml: line 2: signal 'rate-50': pattern '解決率(' is not a valid regular expression: Invalid pattern '解決率(' at offset 4. Not enough )'s.")]
    [InlineData("fires: agents substitute for work", "weight: -1\n    fires: x", "mine.yaml: line 11: signal 'rate-50': weight -1 is negative")]
    [InlineData("aliases: [SWE-bench]", "aliases: []", "mine.yaml: line 2: signal 'rate-50': 'aliases' must list at least one name")]
    [InlineData("    fires: agents substitute for work", "", "mine.yaml: line 2: signal 'rate-50': 'fires' is required")]
    [InlineData("signals:", "signal:", "mine.yaml: line 1: unknown key 'signal' (expected signals, actShare, version)")]
    [InlineData("metric: resolution rate", "metric: resolution rate\n    metric: again", "mine.yaml: line 6: malformed YAML: Duplicate key metric")]
    [InlineData("aliases: [SWE-bench]", "aliases: [SWE-bench", "mine.yaml: line 9: malformed YAML: unclosed bracket, brace or quote")]
    public void MalformedWatchlist_IsRefusedWithOneLineNamingTheFile(string replace, string with, string message)
    {
        var yaml = Valid.Replace(replace, with);
        var e = Assert.Throws<WatchlistException>(() => WatchlistLoader.Parse(yaml, "mine.yaml"));
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void DuplicateIds_AreRefused()
    {
        var yaml = Valid + "\n" + Valid["signals:\n".Length..];
        var e = Assert.Throws<WatchlistException>(() => WatchlistLoader.Parse(yaml, "mine.yaml"));
        Assert.Equal("mine.yaml: line 12: signal 'rate-50': duplicate id", e.Message);
    }

    [Fact]
    public async Task Cli_MalformedThreshold_ExitsOneWithOneLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad-watchlist.yaml", Valid.Replace("threshold: 50", "threshold: half"));
        var r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "signals", "--watchlist", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"fukan: {path}: line 7: signal 'rate-50': threshold 'half' is not a number (write the unit under 'unit')\n", r.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task Cli_MissingWatchlistFile_ExitsOne()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "signals", "--watchlist", dir.File("nope.yaml"));
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"fukan: {dir.File("nope.yaml")}: cannot read the watchlist", r.Err);
    }
}
