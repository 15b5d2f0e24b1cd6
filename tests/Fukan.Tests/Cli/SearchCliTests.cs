using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

public class SearchCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task Search_Json_FollowsTheContract_AndPointsAtOriginalLines()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "search", "全固体電池", "加圧", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var first = json.RootElement[0];
        foreach (var name in new[] { "passageId", "documentId", "score", "sectionPath", "provenance", "snippet", "snippetHtml", "highlights" })
            Assert.True(first.TryGetProperty(name, out _), $"hit lacks {name}");
        Assert.Contains("<mark>加圧</mark>", first.GetProperty("snippetHtml").GetString());
        // The highlight's source offsets point at the matched text in the original file.
        var h = first.GetProperty("highlights")[0];
        var source = File.ReadAllText(Seeds.Path("000"));
        var matched = source[h.GetProperty("sourceStart").GetInt32()..h.GetProperty("sourceEnd").GetInt32()];
        Assert.True(matched is "加圧" or "全固体電池", matched);
        int line = first.GetProperty("provenance").GetProperty("line").GetInt32();
        Assert.Contains("加圧", File.ReadAllLines(Seeds.Path("000"))[line - 1]);
    }

    [Fact]
    public async Task Search_Filters_NarrowToTheArea()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "search", "量子", "area:2.3.5", "section:国際比較", "--limit", "20", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.NotEqual(0, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), hit => Assert.Contains("2.3.5 量子コンピューティング・通信 › (7) 国際比較", hit.GetProperty("sectionPath").GetString()));
    }

    [Fact]
    public void Search_QuotedPhraseFromTheShell_StaysAPhrase_AWholeQuotedQueryIsTerms()
    {
        Assert.Equal("\"バックサイド 電源\" kind:article", Fukan.Cli.Commands.SearchCommand.JoinQuery(["バックサイド 電源", "kind:article"]));
        Assert.Equal("中国 蓄電デバイス", Fukan.Cli.Commands.SearchCommand.JoinQuery(["中国 蓄電デバイス"]));
    }

    [Fact]
    public async Task Search_ACountryInAComparisonTable_FindsTheEvidenceWrittenUnderIt()
    {
        // The bullets under 中国 in 2.1.1's 国際比較 do not say 中国; the row label they sit under does.
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "search", "中国 蓄電デバイス 基礎研究", "--limit", "5", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var hits = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        var lines = File.ReadAllLines(Seeds.Path("001"));
        foreach (var hit in hits)
        {
            Assert.Contains("2.1.1 蓄電デバイス › (7) 国際比較", hit.GetProperty("sectionPath").GetString());
            // Walk up from the hit to the nearest country label: it is 中国.
            int line = hit.GetProperty("provenance").GetProperty("line").GetInt32();
            string? label = null;
            for (int l = line - 1; l >= 1 && label is null; l--)
                if (lines[l - 1].Trim() is "日本" or "米国" or "欧州" or "中国" or "韓国") label = lines[l - 1].Trim();
            Assert.Equal("中国", label);
        }
    }

    [Fact]
    public async Task ANonNumericOptionValue_SaysWhichOptionAndWhy()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "timeline", "--from", "abc");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("fukan: --from abc: not a whole number", r.Err);
        Assert.DoesNotContain("System.", r.Err);
    }

    [Fact]
    public async Task Search_BadQuery_IsOneLineAndExitsOne()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "search", "\"unclosed");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.StartsWith("fukan: query", r.Err);
    }

    [Fact]
    public async Task Related_KnownPassage_ListsOthers_UnknownIsAnError()
    {
        var search = await Support.Cli.RunAsync("--db", seeds.DbPath, "search", "Rapidus", "--json");
        using var json = JsonDocument.Parse(search.Out);
        var id = json.RootElement[0].GetProperty("passageId").GetString()!;
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "related", id, "--json");
        Assert.Equal(0, r.ExitCode);
        using var related = JsonDocument.Parse(r.Out);
        Assert.DoesNotContain(related.RootElement.EnumerateArray(), h => h.GetProperty("passageId").GetString() == id);
        r = await Support.Cli.RunAsync("--db", seeds.DbPath, "related", "ffffffffffff-1");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public async Task Reindex_RebuildsAnIndexThatStillAnswers()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        File.Copy(seeds.DbPath, db);
        var r = await Support.Cli.RunAsync("--db", db, "reindex");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("reindexed 4 document(s)", r.Out);
        var s = await Support.Cli.RunAsync("--db", db, "search", "SWE-bench", "--json");
        using var json = JsonDocument.Parse(s.Out);
        Assert.NotEqual(0, json.RootElement.GetArrayLength());
    }
}
