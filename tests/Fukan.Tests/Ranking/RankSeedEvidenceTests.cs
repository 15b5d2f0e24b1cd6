using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Ranking;

/// <summary><c>fukan rank --area</c> on the seeds: every evidence item points at its own lines, and an amount restated in one report counts once.</summary>
public sealed class RankSeedEvidenceTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    private async Task<JsonElement> AreaAsync(string area)
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "rank", "--area", area, "--json");
        Assert.Equal(0, r.ExitCode);
        return JsonDocument.Parse(r.Out).RootElement.GetProperty("areas")[0];
    }

    private static JsonElement Criterion(JsonElement area, string id) =>
        area.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task EmergenceEvidence_FromTheTrends_PointsAtEachSentencesOwnLines()
    {
        var area = await AreaAsync("2.1.1");
        int areaStart = area.GetProperty("provenance").GetProperty("line").GetInt32();
        int areaEnd = area.GetProperty("provenance").GetProperty("endLine").GetInt32();
        var source = File.ReadAllLines(Seeds.Path("001"));
        var evidence = Criterion(area, "emergence").GetProperty("evidence").EnumerateArray().ToList();
        var sentences = evidence.Where(e => e.GetProperty("text").GetString()!.Length > 20).ToList();   // novelty sentences, not bare dates
        Assert.NotEmpty(sentences);
        foreach (var e in sentences)
        {
            var p = e.GetProperty("provenance");
            int line = p.GetProperty("line").GetInt32(), end = p.GetProperty("endLine").GetInt32();
            Assert.True(line > areaStart && line <= areaEnd, $"line {line} not inside the area {areaStart}–{areaEnd}");
            Assert.True(end - line < 30, $"evidence spans {line}–{end}: more than its sentence");
            // The sentence's first characters are on its first line (lines wrap, so compare a short prefix).
            var prefix = e.GetProperty("text").GetString()![..6];
            Assert.Contains(prefix, string.Concat(source[(line - 1)..end]).Replace(" ", ""), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvestmentEvidence_CountsARestatedAmountOnce()
    {
        var investment = Criterion(await AreaAsync("2.1.1"), "investment");
        var items = investment.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("text").GetString()!.Replace(" ", "")).ToList();
        var amounts = items.Select(t => new string(t.Where(c => char.IsDigit(c) || c is '.' or '万' or '億' or 'ド' or 'ユ' or '円').ToArray())).ToList();
        Assert.Equal(amounts.Count, amounts.Distinct().Count());
        Assert.Contains("restated", investment.GetProperty("detail").GetString());
        Assert.True(investment.GetProperty("evidenceCount").GetInt32() >= items.Count);
    }
}
