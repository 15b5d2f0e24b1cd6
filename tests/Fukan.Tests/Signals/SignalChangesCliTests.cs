using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Signals;

/// <summary>`signals --as-of` and `signals --changes-since` on the four seeds (one report of 2023-03, three texts of 2025-12 to 2026-02).</summary>
public class SignalChangesCliTests(SeedStoreFixture kb) : IClassFixture<SeedStoreFixture>
{
    private Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", kb.DbPath, .. args]);

    [Fact]
    public async Task ChangesSince_ListsTheFlippedSignals_WithOnlyEvidencePublishedSince()
    {
        var r = await Run("signals", "--changes-since", "2025-06", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.Equal("2025-06-30", root.GetProperty("since").GetString());
        Assert.True(root.GetProperty("documentsThen").GetInt32() < root.GetProperty("documentsNow").GetInt32());
        var changed = root.GetProperty("signals").EnumerateArray().ToList();
        Assert.NotEmpty(changed);

        // Each change is what the two evaluations say: the as-of view then, the whole knowledge base now.
        using var then = JsonDocument.Parse((await Run("signals", "--as-of", "2025-06", "--json")).Out);
        using var now = JsonDocument.Parse((await Run("signals", "--json")).Out);
        string StatusOf(JsonDocument report, string id) =>
            report.RootElement.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;
        foreach (var c in changed)
        {
            var id = c.GetProperty("id").GetString()!;
            Assert.Equal(StatusOf(then, id), c.GetProperty("then").GetString());
            Assert.Equal(StatusOf(now, id), c.GetProperty("now").GetString());
            Assert.NotEqual(c.GetProperty("then").GetString(), c.GetProperty("now").GetString());
            foreach (var e in c.GetProperty("newEvidence").EnumerateArray())
                Assert.True(string.CompareOrdinal(e.GetProperty("date").GetString(), "2025-06-30") > 0, e.ToString());
        }
        // Signals that did not change are not listed.
        var unchanged = now.RootElement.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("id").GetString())
            .Where(id => StatusOf(then, id!) == StatusOf(now, id!)).ToHashSet();
        Assert.DoesNotContain(changed, c => unchanged.Contains(c.GetProperty("id").GetString()));

        var human = await Run("signals", "--changes-since", "2025-06");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("changes since 2025-06-30", human.Out);
        var bad = await Run("signals", "--changes-since", "soon");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--changes-since soon: not a date", bad.Err);
    }

    [Fact]
    public async Task ChangesSince_Today_ChangesNothing()
    {
        var r = await Run("signals", "--changes-since", "2099");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("no signal and no domain verdict changed", r.Out);
    }
}
