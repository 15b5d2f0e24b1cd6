using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>
/// As-of views over a knowledge base with seed 001 (dated 2023-03), its derived 2025-03 edition and the sample report:
/// an as-of answer reproduces what the older edition said, cell by cell, and `--changes-since` names what changed.
/// </summary>
public class AsOfCliTests(LandscapeStoreFixture kb) : IClassFixture<LandscapeStoreFixture>
{
    private Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", kb.DbPath, .. args]);

    private static async Task<string> Ok(Task<Support.Cli.Result> run)
    {
        var r = await run;
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Out;
    }

    [Fact]
    public async Task Landscape_AsOf_ReproducesTheEditionPublishedByThen()
    {
        var older = await Ok(Run("landscape", "--doc", "001", "--json"));
        var newer = await Ok(Run("landscape", "--doc", "edition2025", "--json"));
        Assert.NotEqual(older, newer);
        // Between the editions (and before the sample report of 2024-06) the landscape is the 2023 one; after the second, the 2025 one; by default, the newest.
        Assert.Equal(older, await Ok(Run("landscape", "--as-of", "2023-12", "--json")));
        Assert.Equal(newer, await Ok(Run("landscape", "--as-of", "2025-06", "--json")));
        Assert.Equal(newer, await Ok(Run("landscape", "--json")));
        // The same for one area and for the gaps.
        Assert.Equal(await Ok(Run("area", "2.1.1", "--doc", "001", "--json")), await Ok(Run("area", "2.1.1", "--as-of", "2023-12", "--json")));
        Assert.Equal(await Ok(Run("gaps", "--country", "JP", "--doc", "001", "--json")), await Ok(Run("gaps", "--country", "JP", "--as-of", "2023-12", "--json")));
    }

    [Fact]
    public async Task AsOf_LeavesOutLaterAndUndatedDocuments_AndSaysSo()
    {
        var all = await Run("docs", "--json");
        var then = await Run("docs", "--as-of", "2024", "--json");
        Assert.Equal(0, then.ExitCode);
        using var allJson = JsonDocument.Parse(all.Out);
        using var thenJson = JsonDocument.Parse(then.Out);
        var kept = thenJson.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(kept);
        Assert.True(kept.Count < allJson.RootElement.GetArrayLength());
        foreach (var d in kept)
            Assert.True(string.CompareOrdinal(d.GetProperty("date").GetString(), "2024-12-31") <= 0, d.ToString());
        Assert.Contains("as of 2024-12-31", then.Err);
        Assert.Contains("left out", then.Err);

        // Facts and search answer from the same documents only.
        var ids = kept.Select(d => d.GetProperty("id").GetString()).ToHashSet();
        using var facts = JsonDocument.Parse(await Ok(Run("facts", "--kind", "comparison", "--as-of", "2024", "--json", "--limit", "1000")));
        var factDocs = facts.RootElement.EnumerateArray().Select(f => f.GetProperty("provenance").GetProperty("documentId").GetString()).ToHashSet();
        Assert.NotEmpty(factDocs);
        Assert.Subset(ids, factDocs);
        using var hits = JsonDocument.Parse(await Ok(Run("search", "全固体電池", "--as-of", "2024", "--json", "--limit", "50")));
        Assert.NotEmpty(hits.RootElement.EnumerateArray());
        foreach (var h in hits.RootElement.EnumerateArray()) Assert.Contains(h.GetProperty("documentId").GetString(), ids);
    }

    [Fact]
    public async Task AsOf_BeforeAnyReport_IsOneLine_AndABadDateIsAUsageError()
    {
        var none = await Run("landscape", "--as-of", "2001");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("as of 2001-12-31: no report published by then has an international comparison", none.Err);
        Assert.DoesNotContain("   at ", none.Err);
        var bad = await Run("landscape", "--as-of", "2024-13");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--as-of 2024-13: not a date", bad.Err);
        var badKnown = await Run("docs", "--known-at", "yesterday");
        Assert.Equal(2, badKnown.ExitCode);
        Assert.Contains("--known-at yesterday: not a date", badKnown.Err);
        var explicitLater = await Run("landscape", "--doc", "edition2025", "--as-of", "2024");
        Assert.Equal(1, explicitLater.ExitCode);
        Assert.Contains("not part of the knowledge base as of 2024-12-31", explicitLater.Err);
    }

    [Fact]
    public async Task KnownAt_LeavesOutWhatWasIngestedLater()
    {
        using var dir = new TempDir();
        var db = dir.File("k.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", LandscapeTestDocs.SamplePath)).ExitCode);
        var between = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(20);
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Path("001"))).ExitCode);
        using var now = JsonDocument.Parse((await Support.Cli.RunAsync("--db", db, "docs", "--as-of", "2030", "--json")).Out);
        Assert.Equal(2, now.RootElement.GetArrayLength());
        var known = await Support.Cli.RunAsync("--db", db, "docs", "--as-of", "2030", "--known-at", between, "--json");
        Assert.Equal(0, known.ExitCode);
        using var then = JsonDocument.Parse(known.Out);
        var only = Assert.Single(then.RootElement.EnumerateArray().ToList());
        Assert.EndsWith("report_sample.txt", only.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Landscape_ChangesSince_NamesTheChangedCells()
    {
        using var changes = JsonDocument.Parse(await Ok(Run("landscape", "--changes-since", "2023-12", "--json")));
        var c = changes.RootElement;
        Assert.Equal("2023-12-31", c.GetProperty("since").GetString());
        Assert.Equal("2023-03", c.GetProperty("then").GetProperty("date").GetString());
        Assert.Equal("2025-03", c.GetProperty("now").GetProperty("date").GetString());
        var cells = c.GetProperty("diff").GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal([("2.1.1", "JP"), ("2.5.4", "US")], cells.Select(x => (x.GetProperty("areaId").GetString(), x.GetProperty("country").GetString())).ToArray());

        using var nothing = JsonDocument.Parse(await Ok(Run("landscape", "--changes-since", "2025-06", "--json")));
        Assert.Equal(JsonValueKind.Null, nothing.RootElement.GetProperty("diff").ValueKind);
        var human = await Ok(Run("landscape", "--changes-since", "2025-06"));
        Assert.Contains("no report published since 2025-06-30 changes the landscape", human);
    }
}
