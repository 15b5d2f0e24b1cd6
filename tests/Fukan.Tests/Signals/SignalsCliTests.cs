using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Signals;

/// <summary><c>fukan signals</c> on a knowledge base holding the roadmap seed, before and after a later article.</summary>
public class SignalsCliTests
{
    private static JsonElement SignalById(JsonElement root, string id) =>
        root.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static JsonElement Domain(JsonElement root, string name) =>
        root.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetString() == name);

    [Fact]
    public async Task NewEvidence_ChangesTheStatusOnTheNextRun()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Path("000"))).ExitCode);

        // Given the roadmap alone: the benchmark is at 20–30 %, short of 50 %, so AI agents wait.
        var before = await Support.Cli.RunAsync("--db", db, "signals", "--json");
        Assert.Equal(0, before.ExitCode);
        using (var json = JsonDocument.Parse(before.Out))
        {
            var swe = SignalById(json.RootElement, "swe-bench-50");
            Assert.Equal("notMet", swe.GetProperty("status").GetString());
            var latest = swe.GetProperty("latest");
            Assert.Equal(20, latest.GetProperty("value").GetDecimal());
            Assert.Equal(30, latest.GetProperty("valueMax").GetDecimal());
            Assert.Equal("2026-01-20", latest.GetProperty("date").GetString());
            Assert.Equal(92, latest.GetProperty("line").GetInt32());
            Assert.Equal(92, latest.GetProperty("provenance").GetProperty("line").GetInt32());
            Assert.Equal("wait", Domain(json.RootElement, "AI agents").GetProperty("verdict").GetString());
            Assert.Equal("noEvidence", SignalById(json.RootElement, "inference-cost").GetProperty("status").GetString());
            // The roadmap only asks whether customers commit and A-samples ship: not met yet.
            Assert.Equal("notMet", SignalById(json.RootElement, "n2-volume-production").GetProperty("status").GetString());
            Assert.Equal("notMet", SignalById(json.RootElement, "solid-state-a-samples").GetProperty("status").GetString());
        }

        // When a later article reports 55 %
        var article = dir.Write("agents-2026-06.md", """
            ---
            title: Coding agents at mid-year
            date: 2026-06-01
            ---

            # Coding agents at mid-year

            On SWE-bench Verified the best agent now resolves 55% of the issues, up from about a third a year ago.
            """);
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", article)).ExitCode);

        // Then the next run says met, citing the article, and AI agents act.
        var after = await Support.Cli.RunAsync("--db", db, "signals", "--json");
        Assert.Equal(0, after.ExitCode);
        using (var json = JsonDocument.Parse(after.Out))
        {
            var swe = SignalById(json.RootElement, "swe-bench-50");
            Assert.Equal("met", swe.GetProperty("status").GetString());
            var latest = swe.GetProperty("latest");
            Assert.Equal(55, latest.GetProperty("value").GetDecimal());
            Assert.Equal("2026-06-01", latest.GetProperty("date").GetString());
            Assert.Equal("Coding agents at mid-year", latest.GetProperty("documentTitle").GetString());
            Assert.Equal(8, latest.GetProperty("line").GetInt32());
            Assert.Equal(2, swe.GetProperty("evidence").GetArrayLength());
            var agents = Domain(json.RootElement, "AI agents");
            Assert.Equal("act", agents.GetProperty("verdict").GetString());
            Assert.True(agents.GetProperty("reasons").GetArrayLength() >= 3);
        }

        var human = await Support.Cli.RunAsync("--db", db, "signals");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("ACT", human.Out);
        Assert.Contains("WAIT", human.Out);
        Assert.Contains("55% meets >= 50 %", human.Out);
    }

    [Fact]
    public async Task Json_IsDeterministic_AndFollowsTheContract()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Path("000"), Seeds.Path("002"))).ExitCode);
        var one = await Support.Cli.RunAsync("--db", db, "signals", "--json");
        var two = await Support.Cli.RunAsync("--db", db, "signals", "--json");
        Assert.Equal(one.Out, two.Out);
        Assert.Equal("", one.Err);
        using var json = JsonDocument.Parse(one.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        foreach (var s in root.GetProperty("signals").EnumerateArray())
            foreach (var name in new[] { "id", "domain", "description", "metric", "comparator", "threshold", "unit", "fires", "status", "reason", "latest", "conditions", "evidence" })
                Assert.True(s.TryGetProperty(name, out _), $"signal lacks {name}");
        foreach (var e in root.GetProperty("signals").EnumerateArray().SelectMany(s => s.GetProperty("evidence").EnumerateArray()))
            foreach (var name in new[] { "condition", "outcome", "reason", "value", "text", "sentence", "date", "documentId", "documentTitle", "line", "provenance" })
                Assert.True(e.TryGetProperty(name, out _), $"evidence lacks {name}");
        foreach (var d in root.GetProperty("domains").EnumerateArray())
            Assert.Contains(d.GetProperty("verdict").GetString(), new[] { "act", "wait", "watch" });
    }

    [Fact]
    public async Task EvidenceOption_CapsTheList_AndANegativeCountIsAUsageError()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Path("000"))).ExitCode);
        var capped = await Support.Cli.RunAsync("--db", db, "signals", "--json", "--evidence", "1");
        Assert.Equal(0, capped.ExitCode);
        using (var json = JsonDocument.Parse(capped.Out))
        {
            var n2 = SignalById(json.RootElement, "n2-volume-production");
            Assert.Equal(1, n2.GetProperty("evidence").GetArrayLength());
            // The conditions still count every piece of evidence.
            Assert.True(n2.GetProperty("conditions").EnumerateArray().Sum(c => c.GetProperty("evidenceCount").GetInt32()) > 1);
        }

        var bad = await Support.Cli.RunAsync("--db", db, "signals", "--evidence", "-1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--evidence -1", bad.Err);
        Assert.Single(bad.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task MissingKnowledgeBase_ExitsOne()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("absent.db"), "signals");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no knowledge base here", r.Err);
    }
}
