using System.Globalization;
using System.Text.RegularExpressions;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>The four seeds ingested by the CLI into SQLite and into PostgreSQL, once for the class.</summary>
public sealed class BothEnginesFixture : IAsyncLifetime
{
    public TestStoreLocation? Sqlite { get; private set; }
    public TestStoreLocation? Postgres { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (TestPostgres.ConnectionString is null) return;   // each test skips (or fails on CI) through TestPostgres.Require
        Sqlite = await TestStoreLocation.CreateAsync("sqlite");
        Postgres = await TestStoreLocation.CreateAsync("postgres");
        foreach (var location in new[] { Sqlite, Postgres })
        {
            var result = await Support.Cli.RunAsync("--db", location.Location, "ingest", Seeds.Directory);
            if (result.ExitCode != 0) throw new InvalidOperationException($"{location.Engine}: {result}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Sqlite is not null) await Sqlite.DisposeAsync();
        if (Postgres is not null) await Postgres.DisposeAsync();
    }
}

/// <summary>
/// Identical answers: on the seeds, every listing's <c>--json</c> from the PostgreSQL store is the one from the
/// SQLite store, document ids, order and provenance included. Search scores are compared to 9 significant digits
/// (FTS5 sums BM25 in C in another order, so the last bits differ); hits and their order are compared exactly.
/// </summary>
public sealed class IdenticalAnswersTests(BothEnginesFixture fixture) : IClassFixture<BothEnginesFixture>
{
    public static TheoryData<string> Commands => new(
        "docs --json",
        "show 001 --json",
        "show 001 --outline --json",
        "show 002 --outline --json",
        "source 002 --json",
        "source 000 --lines 10-40 --json",
        "landscape --json",
        "gaps --json",
        "area 2.1.1 --json",
        "facts --kind quantity --json",
        "facts --kind date --json",
        "facts --kind event --json",
        "facts --kind mention --json --limit 500",
        "facts --kind statement --json",
        "facts --kind signal --json",
        "facts --kind comparison --json",
        "facts --kind area --json",
        "facts --kind division --json",
        "facts --kind priority-theme --json",
        "facts --kind minutes --json",
        "facts --kind quantity --doc 000 --json",
        "facts --kind event --doc 001 --limit 50 --json",
        "facts --kind quantity --unit jpy --min 1e8 --json",
        "facts --kind quantity --max 100 --subject 電池 --json",
        "facts --kind quantity --after 2025 --before 2030-06 --json",
        "facts --kind quantity --entity NSF --json",
        "facts --kind event --status planned --domain semiconductors --after 2025 --json",
        "facts --kind comparison --country cn --rating ◎ --json",
        "facts --kind comparison --phase basic --trend up --area 2.1 --json",
        "facts --kind date --offset 40 --limit 25 --json",
        "facts --kind signal --domain batteries --json",
        "money --json",
        "money --by country --json",
        "money --by year --currency JPY --after 2023 --json",
        "entities NSF --json",
        "timeline --json",
        "entities --json",
        "minutes 002 --json",
        "signals --json",
        "rank --json",
        "search 全固体電池 --json",
        "search 半導体 --json",
        "search AI --json",
        "search 熱 --json",
        "search 蓄電デバイス 中国 --json",
        "search \"バックサイド 電源\" --json",
        "search 量子 OR スピン --json",
        "search 材料 -電池 --json",
        "search 材料 kind:report area:2.1 --json",
        "search 研究 section:国際比較 --json",
        "search 半導体 after:2025 --json",
        "search 半導体 doc:000 --json",
        "search energy storage --json");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryListing_IsTheSameFromBothStores(string command)
    {
        TestPostgres.Require();
        var args = Split(command);
        var sqlite = await Support.Cli.RunAsync(["--db", fixture.Sqlite!.Location, .. args]);
        var postgres = await Support.Cli.RunAsync(["--db", fixture.Postgres!.Location, .. args]);
        Assert.True(sqlite.ExitCode == 0 && sqlite.Out.Trim() is not ("" or "[]" or "{}"), $"{command}: no answer on SQLite\n{sqlite}");
        Assert.Equal(sqlite.ExitCode, postgres.ExitCode);
        Assert.Equal(Normalize(sqlite.Out), Normalize(postgres.Out));
        Assert.Equal(sqlite.Err.Replace(fixture.Sqlite.Location, "DB"), postgres.Err.Replace(fixture.Postgres.Location, "DB"));
    }

    [Fact]
    public async Task RelatedPassages_AreTheSameFromBothStores()
    {
        TestPostgres.Require();
        foreach (var query in new[] { "全固体電池", "議事", "スピントロニクス" })
        {
            var hit = Regex.Match((await Support.Cli.RunAsync("--db", fixture.Sqlite!.Location, "search", query, "--json")).Out, "\"passageId\": \"([^\"]+)\"");
            Assert.True(hit.Success, query);
            var sqlite = await Support.Cli.RunAsync("--db", fixture.Sqlite.Location, "related", hit.Groups[1].Value, "--json");
            var postgres = await Support.Cli.RunAsync("--db", fixture.Postgres!.Location, "related", hit.Groups[1].Value, "--json");
            Assert.Equal(0, sqlite.ExitCode);
            Assert.Contains("passageId", sqlite.Out);
            Assert.Equal(Normalize(sqlite.Out), Normalize(postgres.Out));
        }
    }

    [Fact]
    public async Task Copy_EitherWay_GivesTheSameAnswers_AndResumes()
    {
        TestPostgres.Require();
        await using var toPostgres = await TestStoreLocation.CreateAsync("postgres");
        await using var back = await TestStoreLocation.CreateAsync("sqlite");

        var first = await Support.Cli.RunAsync("--db", fixture.Sqlite!.Location, "copy", "--to", toPostgres.Location);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("4 copied, 0 already there", first.Out);
        Assert.Contains("verified", first.Out);
        var again = await Support.Cli.RunAsync("copy", "--from", fixture.Sqlite.Location, "--to", toPostgres.Location);
        Assert.Contains("0 copied, 4 already there", again.Out);
        var home = await Support.Cli.RunAsync("copy", "--from", toPostgres.Location, "--to", back.Location);
        Assert.True(home.ExitCode == 0, home.ToString());

        foreach (var command in new[] { "docs --json", "facts --kind event --json", "facts --kind quantity --json", "facts --kind mention --json --limit 300",
                     "entities --json", "landscape --json", "timeline --json", "show 001 --outline --json", "source 002 --json", "search 全固体電池 --json" })
        {
            var expected = Normalize((await Support.Cli.RunAsync(["--db", fixture.Sqlite.Location, .. Split(command)])).Out);
            Assert.Equal(expected, Normalize((await Support.Cli.RunAsync(["--db", toPostgres.Location, .. Split(command)])).Out));
            Assert.Equal(expected, Normalize((await Support.Cli.RunAsync(["--db", back.Location, .. Split(command)])).Out));
        }
    }

    [Fact]
    public async Task Copy_FromAServerThatIsDown_IsOneLine_AndTheTargetUntouched()
    {
        using var dir = new TempDir();
        var result = await Support.Cli.RunAsync("copy", "--from", "postgresql://fukan:pw@127.0.0.1:1/none", "--to", dir.File("kb.db"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("127.0.0.1:1", result.Err);
        Assert.False(File.Exists(dir.File("kb.db")));
    }

    private static string[] Split(string command) =>
        Regex.Matches(command, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();

    /// <summary>Scores to 9 significant digits; the ingest time, which differs between two ingests, left out.</summary>
    private static string Normalize(string json) =>
        Regex.Replace(Regex.Replace(json, "\"ingestedAt\": \"[^\"]*\"", "\"ingestedAt\": \"…\""), "(\"score\": )(-?[0-9.eE+-]+)", m =>
            m.Groups[1].Value + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture).ToString("G9", CultureInfo.InvariantCulture));
}
