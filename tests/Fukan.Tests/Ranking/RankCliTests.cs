using System.Text.Json;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Ranking;

/// <summary>
/// <c>fukan rank</c> on a real knowledge base: a small report written by the test, processed by the default pipeline,
/// with its comparison-table rows added as facts (as the landscape extractor would), and an article naming one area.
/// The tables are headed （7）各国の状況 rather than 国際比較 so that the landscape extractor, when it runs, leaves
/// them to the rows the test adds: the hand calculation needs exactly these.
/// </summary>
public sealed class RankCliTests : IAsyncLifetime
{
    private const string Report = """
        テスト分野の俯瞰報告書（2023年）

        1 俯瞰対象分野の全体像
        この章は全体像を述べる。

        2 俯瞰区分と研究開発領域

        2.1 テスト区分

        2.1.1 全固体電池材料

        （1）研究開発領域の定義
        固体電解質を用いる電池の材料を扱う。

        （7）各国の状況
        日本 基礎研究 ◎ ↗
        日本 応用研究・開発 ○ →
        米国 基礎研究 ◎ →
        米国 応用研究・開発 ◎ ↗
        中国 基礎研究 ○ ↗
        中国 応用研究・開発 ○ ↗

        2.1.2 量子センシング

        （1）研究開発領域の定義
        量子状態を用いる計測を扱う。

        （7）各国の状況
        日本 基礎研究 ○ →
        日本 応用研究・開発 △ ↘
        米国 基礎研究 ◎ ↗
        米国 応用研究・開発 ◎ ↗
        中国 基礎研究 ◎ ↗
        中国 応用研究・開発 ○ →

        2.1.3 パワー半導体デバイス

        （1）研究開発領域の定義
        電力変換用の半導体を扱う。2022年度に予算100億円の事業が始まった。

        （7）各国の状況
        日本 基礎研究 △ ↗
        日本 応用研究・開発 △ ↗
        米国 基礎研究 ○ →
        米国 応用研究・開発 ○ →
        中国 基礎研究 △ →
        中国 応用研究・開発 × ↘
        """;

    private readonly TempDir _dir = new();

    private string Db => _dir.File("kb.db");

    public async ValueTask InitializeAsync()
    {
        var path = _dir.Write("report.txt", Report);
        var processed = FukanDefaults.CreatePipeline().Process(path, File.ReadAllBytes(path)).Document!;
        var facts = new List<Fact>(processed.Facts);
        facts.AddRange(Rows(processed));
        await using (var store = await FukanDefaults.OpenStoreAsync(Db))
            await store.SaveAsync(processed with { Facts = facts });
        var article = _dir.Write("article.md", "---\ntitle: 計測の話題\ndate: 2024-05-01\n---\n\n# 計測の話題\n\n量子センシングの実証が進んだ。\n");
        var r = await Support.Cli.RunAsync("--db", Db, "ingest", article);
        Assert.Equal(0, r.ExitCode);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The rows of the three tables, each pointing at its line, as the landscape extractor would write them.</summary>
    private static IEnumerable<ComparisonRow> Rows(ProcessedDocument doc)
    {
        var source = doc.Source;
        string? areaId = null, area = null;
        for (int line = 1; line <= source.LineCount; line++)
        {
            var text = source.LineString(line).Trim();
            if (text.StartsWith("2.1.", StringComparison.Ordinal)) { areaId = text[..5]; area = text[6..]; continue; }
            var cells = text.Split(' ');
            if (cells.Length != 4 || areaId is null) continue;
            var (country, label) = cells[0] switch { "日本" => ("JP", "日本"), "米国" => ("US", "米国"), "中国" => ("CN", "中国"), _ => ("", "") };
            if (country.Length == 0) continue;
            var phase = cells[1] == "基礎研究" ? "basic" : "applied";
            int score = cells[2] switch { "◎" => 3, "○" => 2, "△" => 1, _ => 0 };
            var trend = cells[3] switch { "↗" => "up", "↘" => "down", _ => "flat" };
            var span = new CharSpan(source.LineStart(line), source.LineEnd(line));
            yield return new ComparisonRow(Provenance.Of(doc.Info.Id, source, span), areaId, area!, "テスト区分", country, label, phase, cells[1], cells[2], score, trend, []);
        }
    }

    private async Task<JsonDocument> RankJson(params string[] extra)
    {
        var weights = _dir.Write("hand.yaml", RankingFixtures.HandWeightsYaml);
        var r = await Support.Cli.RunAsync(["--db", Db, "rank", "--weights", weights, "--json", .. extra]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return JsonDocument.Parse(r.Out);
    }

    [Fact]
    public async Task Doc_RanksOneReportsAreas_AndRefusesADocumentWithoutAreas()
    {
        // A second edition of the report in the same knowledge base: six areas in all.
        var path = _dir.Write("report2025.txt", Report.Replace("（2023年）", "（2025年）", StringComparison.Ordinal));
        var processed = FukanDefaults.CreatePipeline().Process(path, File.ReadAllBytes(path)).Document!;
        await using (var store = await FukanDefaults.OpenStoreAsync(Db))
            await store.SaveAsync(processed with { Facts = [.. processed.Facts, .. Rows(processed)] });
        using (var all = await RankJson())
            Assert.Equal(6, all.RootElement.GetProperty("areas").GetArrayLength());
        using (var one = await RankJson("--doc", "report2025"))
        {
            var areas = one.RootElement.GetProperty("areas").EnumerateArray().ToList();
            Assert.Equal(["2.1.1", "2.1.3", "2.1.2"], areas.Select(a => a.GetProperty("areaId").GetString()));
            Assert.All(areas, a => Assert.Contains("2025", a.GetProperty("documentTitle").GetString()));
        }
        var r = await Support.Cli.RunAsync("--db", Db, "rank", "--doc", "article");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no research areas", r.Err);
    }

    [Fact]
    public async Task WeightedSum_OnTheStore_MatchesTheHandCalculation()
    {
        using var json = await RankJson();
        var areas = json.RootElement.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(["2.1.1", "2.1.3", "2.1.2"], areas.Select(a => a.GetProperty("areaId").GetString()));
        Assert.Equal(0.50, areas[0].GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.40, areas[1].GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.35, areas[2].GetProperty("score").GetDouble(), 9);
        // The money behind C's investment is the quantity the pipeline found in C's lines.
        var investment = areas[1].GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "investment");
        var evidence = Assert.Single(investment.GetProperty("evidence").EnumerateArray());
        Assert.Equal("100億円", evidence.GetProperty("text").GetString());
        Assert.Contains("100億円", File.ReadAllLines(_dir.File("report.txt"))[evidence.GetProperty("line").GetInt32() - 1]);
        Assert.Equal("wsum", json.RootElement.GetProperty("method").GetString());
        Assert.Equal("JP", json.RootElement.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Topsis_OnTheStore_MatchesTheHandCalculation()
    {
        using var json = await RankJson("--method", "topsis");
        var areas = json.RootElement.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(["2.1.3", "2.1.2", "2.1.1"], areas.Select(a => a.GetProperty("areaId").GetString()));
        Assert.Equal(0.5378, areas[0].GetProperty("score").GetDouble(), 4);
    }

    [Fact]
    public async Task SameInput_SameOutput()
    {
        var weights = _dir.Write("hand.yaml", RankingFixtures.HandWeightsYaml);
        var one = await Support.Cli.RunAsync("--db", Db, "rank", "--weights", weights, "--method", "topsis", "--sensitivity", "--json");
        var two = await Support.Cli.RunAsync("--db", Db, "rank", "--weights", weights, "--method", "topsis", "--sensitivity", "--json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Out, two.Out);
        using var json = JsonDocument.Parse(one.Out);
        Assert.Equal(1000, json.RootElement.GetProperty("sensitivity").GetProperty("draws").GetInt32());
        Assert.All(json.RootElement.GetProperty("areas").EnumerateArray(), a => Assert.InRange(a.GetProperty("stability").GetProperty("stability").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task DefaultWeights_Human_ExplainAnArea()
    {
        var r = await Support.Cli.RunAsync("--db", Db, "rank");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("量子センシング", r.Out);
        var explain = await Support.Cli.RunAsync("--db", Db, "rank", "--area", "2.1.2");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("attention", explain.Out);
        Assert.Contains("量子センシングの実証が進んだ", explain.Out);
        Assert.Contains("日本 基礎研究 ○ →", explain.Out);
    }

    [Fact]
    public async Task UnknownCountry_ExitsOneNamingTheCountries()
    {
        var r = await Support.Cli.RunAsync("--db", Db, "rank", "--country", "FR");
        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith("no comparison rows for country 'FR' (countries in the knowledge base: CN, JP, US)\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task KnowledgeBaseWithoutTables_SaysWhatIsMissing()
    {
        using var dir = new TempDir();
        var db = dir.File("plain.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Path("000"))).ExitCode);
        var r = await Support.Cli.RunAsync("--db", db, "rank");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no research areas to rank", r.Err);
    }
}
