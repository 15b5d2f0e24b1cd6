using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>fukan landscape / area / gaps / diff over a knowledge base with two editions of the report and the sample.</summary>
public class LandscapeCliTests(LandscapeStoreFixture kb) : IClassFixture<LandscapeStoreFixture>
{
    private Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", kb.DbPath, .. args]);

    private static readonly string[] RowKeys =
        ["documentId", "areaId", "area", "division", "country", "countryLabel", "phase", "phaseLabel", "rating", "score", "trend", "evidence", "provenance"];

    [Fact]
    public async Task LandscapeJson_FollowsTheContract()
    {
        var r = await Run("landscape", "--doc", "001", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(302, rows.Count);
        Assert.Equal(RowKeys, rows[0].EnumerateObject().Select(p => p.Name).ToArray());
        var first = rows[0];
        Assert.Equal(("2.1.1", "蓄電デバイス", "環境・エネルギー応用"), (first.GetProperty("areaId").GetString(), first.GetProperty("area").GetString(), first.GetProperty("division").GetString()));
        Assert.Equal(("JP", "日本", "basic", "基礎研究", "◎", 3, "flat"), (first.GetProperty("country").GetString(), first.GetProperty("countryLabel").GetString(),
            first.GetProperty("phase").GetString(), first.GetProperty("phaseLabel").GetString(), first.GetProperty("rating").GetString(),
            first.GetProperty("score").GetInt32(), first.GetProperty("trend").GetString()));
        var prov = first.GetProperty("provenance");
        Assert.Equal(5360, prov.GetProperty("line").GetInt32());
        Assert.Equal(5367, prov.GetProperty("endLine").GetInt32());
        Assert.Equal(first.GetProperty("documentId").GetString(), prov.GetProperty("documentId").GetString());
        Assert.Equal(3, first.GetProperty("evidence").GetArrayLength());
        var empty = rows.Single(x => x.GetProperty("country").GetString() == "TW" && x.GetProperty("areaId").GetString() == "2.3.1" && x.GetProperty("phase").GetString() == "basic");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("rating").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("trend").ValueKind);
    }

    [Fact]
    public async Task Landscape_DefaultsToTheNewestReport_AndSaysSo()
    {
        var r = await Run("landscape", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(292, json.RootElement.GetArrayLength()); // the 2025 edition: 2.1.2 dropped
        Assert.Equal("蓄電池デバイス", json.RootElement[0].GetProperty("area").GetString());

        var human = await Run("landscape");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("edition2025.txt", human.Out.Split('\n')[0]);
        Assert.Contains("2025-03", human.Out.Split('\n')[0]);
        Assert.Contains("the newest of 3 reports with a comparison", human.Out);
    }

    [Fact]
    public async Task Heatmap_Compact_FitsIn80Columns_OneLinePerArea()
    {
        var r = await Support.Cli.RunAtWidthAsync(80, "--db", kb.DbPath, "landscape", "--doc", "001");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(Fukan.Cli.TerminalText.Width(l) <= 80, $"{Fukan.Cli.TerminalText.Width(l)} columns: {l}"));
        Assert.Contains(lines, l => l.TrimEnd().EndsWith("OTHER", StringComparison.Ordinal));
        var battery = lines.Single(l => l.Contains("2.1.1 蓄電デバイス", StringComparison.Ordinal));
        Assert.EndsWith("◎→○→ ◎→◎→ ○→◎↗ ○↗◎↗ ○→△→", battery);
        Assert.Equal(29, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+2\.\d\.\d ")));
    }

    [Fact]
    public async Task Heatmap_FitsIn120Columns_WithAreasAsRows()
    {
        var r = await Run("landscape", "--doc", "001", "--wide");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(TerminalWidth(l) <= 120, $"{TerminalWidth(l)} columns: {l}"));
        Assert.Contains(lines, l => l.Contains("OTHER", StringComparison.Ordinal)); // column headers are not cut
        var battery = lines.Single(l => l.Contains("2.1.1 蓄電デバイス", StringComparison.Ordinal));
        Assert.Contains("◎→   ○→   ◎→   ◎→   ○→   ◎↗   ○↗   ◎↗   ○→   △→", battery);
        var semis = lines.Single(l => l.Contains("2.3.1 革新半導体デバイス", StringComparison.Ordinal));
        Assert.Contains(" ?  ", semis); // the empty cell
        Assert.Contains(lines, l => l.Contains("2.7.1 rates 取り組み水準 / 実効性", StringComparison.Ordinal));
        Assert.Equal(29, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+2\.\d\.\d ")));
    }

    [Fact]
    public async Task LandscapeCsv_FiltersByCountryAndPhase()
    {
        var r = await Run("landscape", "--doc", "001", "--country", "jp", "--phase", "applied", "--csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("documentId,areaId,area,division,country,countryLabel,phase,phaseLabel,rating,score,trend,line,endLine,evidence", lines[0]);
        Assert.Equal(28, lines.Length - 1); // 2.7.1 rates other dimensions
        Assert.All(lines.Skip(1), l => Assert.Contains(",JP,日本,applied,応用研究・開発,", l));
        Assert.All(lines, l => Assert.Equal(14, CsvFields(l).Count));
        Assert.Equal("5369", CsvFields(lines[1])[11]); // 2.1.1 日本 応用研究・開発, line of its phase label
        var names = await Run("landscape", "--doc", "001", "--country", "日本,米国", "--json");
        using var json = JsonDocument.Parse(names.Out);
        Assert.Equal(116, json.RootElement.GetArrayLength());
    }

    /// <summary>Terminal columns: East Asian wide and full-width characters take two, the rest (◎ → ─ …) one.</summary>
    private static int TerminalWidth(string s)
    {
        int w = 0;
        foreach (char c in s)
            w += c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
                or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1;
        return w;
    }

    /// <summary>RFC 4180 fields of one record.</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    [Fact]
    public async Task Landscape_BadOptions_AreUsageErrors()
    {
        Assert.Equal(2, (await Run("landscape", "--phase", "later")).ExitCode);
        Assert.Equal(1, (await Run("landscape", "--country", "Atlantis")).ExitCode);
        Assert.Equal(2, (await Run("landscape", "--json", "--csv")).ExitCode);
        var missing = await Run("landscape", "--doc", "zzzz");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no document matches", missing.Err);
    }

    [Fact]
    public async Task AreaJson_FollowsTheContract()
    {
        var r = await Run("area", "2.1.1", "--doc", "001", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var a = json.RootElement;
        foreach (var key in new[] { "areaId", "title", "division", "definition", "keywords", "overview", "trends", "challenges", "related", "comparison" })
            Assert.True(a.TryGetProperty(key, out _), $"no {key}");
        Assert.Equal("蓄電デバイス", a.GetProperty("title").GetString());
        Assert.Equal(15, a.GetProperty("keywords").GetArrayLength());
        Assert.Equal(10, a.GetProperty("comparison").GetArrayLength());
        Assert.Equal(RowKeys, a.GetProperty("comparison")[0].EnumerateObject().Select(p => p.Name).ToArray());
        var related = a.GetProperty("related")[0];
        Assert.Equal(("蓄エネルギー技術", JsonValueKind.Null), (related.GetProperty("text").GetString(), related.GetProperty("areaId").ValueKind));
    }

    [Fact]
    public async Task Area_ByTitle_AndUnknownArea()
    {
        var r = await Run("area", "スピントロ", "--doc", "001");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2.3.6 スピントロニクス", r.Out);
        Assert.Contains("その他の国・地域", r.Out);
        var none = await Run("area", "9.9.9", "--doc", "001");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no area '9.9.9'", none.Err);
    }

    [Fact]
    public async Task GapsJson_ListsWeakSpotsOfJapan()
    {
        var r = await Run("gaps", "--doc", "001", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal("JP", json.RootElement.GetProperty("country").GetString());
        var gaps = json.RootElement.GetProperty("gaps").EnumerateArray().ToList();
        string Kind(JsonElement g) => g.GetProperty("kind").GetString()!;
        // 2.1.1: 基礎研究 ◎, 応用研究・開発 ○ (read off the file).
        Assert.Contains(gaps, g => Kind(g) == "applied-lags-basic" && g.GetProperty("areaId").GetString() == "2.1.1");
        var falling = gaps.Where(g => Kind(g) == "falling").Select(g => g.GetProperty("areaId").GetString()).ToArray();
        Assert.Equal(["2.5.6", "2.6.1"], falling); // the only ↘ of Japan in the report
        foreach (var g in gaps.Where(g => Kind(g) == "trails-leader"))
        {
            Assert.True(g.GetProperty("leaderScore").GetInt32() > g.GetProperty("score").GetInt32());
            Assert.NotEqual(0, g.GetProperty("leaders").GetArrayLength());
            Assert.True(g.GetProperty("provenance").GetProperty("line").GetInt32() > 0);
        }
        Assert.Equal(gaps.Count, json.RootElement.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32()));

        var us = await Run("gaps", "--doc", "001", "--country", "US", "--kind", "falling", "--json");
        using var usJson = JsonDocument.Parse(us.Out);
        Assert.Equal("2.5.4", Assert.Single(usJson.RootElement.GetProperty("gaps").EnumerateArray()).GetProperty("areaId").GetString());
        // An unknown country is bad input naming the countries the report rates (as rank does), not a usage error.
        var unknown = await Run("gaps", "--country", "XX1");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("countries rated: CN, EU", unknown.Err);
    }

    [Fact]
    public async Task DiffJson_FindsTheEditedCells_AreasAndKeywords()
    {
        var r = await Run("diff", "001", "edition2025", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var d = json.RootElement;
        var cells = d.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(("2.1.1", "JP", "basic"), (cells[0].GetProperty("areaId").GetString(), cells[0].GetProperty("country").GetString(), cells[0].GetProperty("phase").GetString()));
        Assert.Equal(("◎", "flat"), (cells[0].GetProperty("before").GetProperty("rating").GetString(), cells[0].GetProperty("before").GetProperty("trend").GetString()));
        Assert.Equal(("○", "down"), (cells[0].GetProperty("after").GetProperty("rating").GetString(), cells[0].GetProperty("after").GetProperty("trend").GetString()));
        Assert.Equal(("2.5.4", "US", "down", "flat"), (cells[1].GetProperty("areaId").GetString(), cells[1].GetProperty("country").GetString(),
            cells[1].GetProperty("before").GetProperty("trend").GetString(), cells[1].GetProperty("after").GetProperty("trend").GetString()));

        var removed = Assert.Single(d.GetProperty("areasRemoved").EnumerateArray());
        Assert.Equal(("2.1.2", "分離技術"), (removed.GetProperty("areaId").GetString(), removed.GetProperty("title").GetString()));
        Assert.Equal(0, d.GetProperty("areasAdded").GetArrayLength());
        var renamed = Assert.Single(d.GetProperty("areasRenamed").EnumerateArray());
        Assert.Equal(("2.1.1", "蓄電デバイス", "蓄電池デバイス"), (renamed.GetProperty("areaId").GetString(), renamed.GetProperty("from").GetString(), renamed.GetProperty("to").GetString()));
        var renumbered = d.GetProperty("areasRenumbered").EnumerateArray().Select(x => (x.GetProperty("from").GetString(), x.GetProperty("to").GetString())).ToArray();
        Assert.Equal([("2.1.3", "2.1.2"), ("2.1.4", "2.1.3")], renumbered);
        var keywords = Assert.Single(d.GetProperty("keywordsChanged").EnumerateArray());
        Assert.Equal("2.1.1", keywords.GetProperty("areaId").GetString());
        Assert.Equal(["資源循環"], keywords.GetProperty("added").EnumerateArray().Select(x => x.GetString()).ToArray());
        Assert.Equal(["寿命"], keywords.GetProperty("removed").EnumerateArray().Select(x => x.GetString()).ToArray());
        Assert.Equal(28, d.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Diff_Human_AndAgainstItself()
    {
        var r = await Run("diff", "001", "edition2025");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("renamed 2.1.1 蓄電デバイス → 2.1.1 蓄電池デバイス", r.Out);
        Assert.Contains("removed 2.1.2 分離技術", r.Out);
        // The same document twice is a usage error; newer first is compared in date order, with a warning.
        var same = await Run("diff", "001", "001", "--json");
        Assert.Equal(2, same.ExitCode);
        Assert.Equal("", same.Out);
        Assert.Contains("both name 001_", same.Err);
        var reversed = await Run("diff", "edition2025", "001");
        Assert.Equal(0, reversed.ExitCode);
        Assert.Equal(r.Out, reversed.Out);
        Assert.StartsWith("fukan: warning: ", reversed.Err);
        Assert.Contains("showing the changes from the older to the newer", reversed.Err);
    }
}
