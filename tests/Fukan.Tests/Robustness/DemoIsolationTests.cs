using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 8: fukan demo overwrote files beside the store, followed a link planted there, ingested
/// unrelated files, and with FUKAN_DB set wrote the samples into the user's knowledge base. It now writes only
/// to a fresh folder of its own, ignores FUKAN_DB, and refuses a knowledge base that holds anything else.
/// </summary>
public class DemoIsolationTests
{
    [Fact]
    public async Task Demo_RefusesAKnowledgeBaseHoldingOtherDocuments_AndLeavesItAlone()
    {
        using var dir = new TempDir();
        var db = dir.File("mine.db");
        dir.Write("own/notes.md", "# 私のメモ\n\n2030年に水素を導入する計画である。\n");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", dir.File("own"))).ExitCode);
        var before = (await Support.Cli.RunAsync("--db", db, "docs", "--json")).Out;

        var r = await Support.Cli.RunAsync("--db", db, "demo");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"fukan: {db}: holds 1 document(s) that are not the demo's; the demo does not add to it (pass --db NEW.db)\n", r.Err.ReplaceLineEndings("\n"));
        Assert.Equal(before, (await Support.Cli.RunAsync("--db", db, "docs", "--json")).Out);
    }

    [Fact]
    public async Task Demo_IgnoresFukanDb_AndPlantedFilesAndLinks_BesideItsKnowledgeBase()
    {
        using var dir = new TempDir();
        var user = dir.File("user.db");
        dir.Write("fukan-samples/unrelated.md", "# 関係ない文書\n\n本文。\n");
        var target = dir.Write("precious.txt", "keep me");
        File.CreateSymbolicLink(dir.File("fukan-demo-watchlist.yaml"), target);

        // A child process, so FUKAN_DB is set for it alone.
        var r = await ChildProcess.RunCliAsync(dir.Path, TimeSpan.FromSeconds(300), new Dictionary<string, string?> { ["FUKAN_DB"] = user }, "demo");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.False(File.Exists(user), "the demo wrote into $FUKAN_DB");
        Assert.Equal("keep me", File.ReadAllText(target));
        var docs = await Support.Cli.RunAsync("--db", dir.File("fukan-demo.db"), "docs", "--json");
        using var json = JsonDocument.Parse(docs.Out);
        Assert.Equal(4, json.RootElement.GetArrayLength());
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), d => d.GetProperty("title").GetString() == "関係ない文書");
    }
}
