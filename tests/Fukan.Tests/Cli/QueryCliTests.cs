using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

public class QueryCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task Source_LineRange_PrintsTheOriginalLinesExactly()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "source", "001", "--lines", "5354-5370");
        Assert.Equal(0, r.ExitCode);
        var expected = File.ReadAllLines(Seeds.Path("001"))[5353..5370];
        Assert.Equal(expected, r.Out.Split('\n')[..^1]);
    }

    [Fact]
    public async Task Source_BadRange_IsAUsageError()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "source", "001", "--lines", "x-9");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--lines x-9: expected A-B", r.Err);
        r = await Support.Cli.RunAsync("--db", seeds.DbPath, "source", "001", "--lines", "999999-1000000");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the document has 20266 lines", r.Err);
    }

    [Fact]
    public async Task ShowOutlineJson_FollowsTheContract()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "show", "001", "--outline", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(64, json.RootElement.GetProperty("id").GetString()!.Length);
        var areas = new List<JsonElement>();
        void Walk(JsonElement nodes)
        {
            foreach (var n in nodes.EnumerateArray())
            {
                foreach (var name in new[] { "id", "title", "kind", "level", "startLine", "endLine", "children" })
                    Assert.True(n.TryGetProperty(name, out _), $"outline node lacks {name}");
                if (n.GetProperty("kind").GetString() == "area") areas.Add(n.Clone());
                Walk(n.GetProperty("children"));
            }
        }
        Walk(json.RootElement.GetProperty("sections"));
        Assert.Equal(29, areas.Count);
        var first = areas[0];
        Assert.Equal("2.1.1", first.GetProperty("id").GetString());
        Assert.Equal("蓄電デバイス", first.GetProperty("title").GetString());
        Assert.Equal(7, first.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Show_UnknownOrAmbiguousDocument_ExitsOne()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "show", "zzzz");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no document matches 'zzzz'", r.Err);
        r = await Support.Cli.RunAsync("--db", seeds.DbPath, "show", "00");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("'00' matches 4 documents", r.Err);
    }

    [Fact]
    public async Task Docs_Human_IsATable()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "docs");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("report", r.Out);
        Assert.Contains("minutes", r.Out);
        Assert.Contains("2026-02-12", r.Out);
    }
}
