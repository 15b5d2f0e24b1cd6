using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>
/// The one error rule: a usage error is one line on stderr, exit 2, nothing on stdout; an unknown document or
/// country is exit 1 naming the known ones; a valid filter that matches nothing is exit 0 with an empty answer.
/// </summary>
public class ErrorRuleTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    private Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", seeds.DbPath, .. args]);

    private static void AssertOneLine(Support.Cli.Result r, int exit, string contains)
    {
        Assert.True(r.ExitCode == exit, r.ToString());
        Assert.Equal("", r.Out);
        var lines = r.Err.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, r.ToString());
        Assert.StartsWith("fukan: ", lines[0]);
        Assert.Contains(contains, lines[0]);
    }

    [Theory]
    [InlineData("--kind is required", "facts")]
    [InlineData("frob: not a fukan command", "frob")]
    [InlineData("no command given")]
    [InlineData("--limit -1: must be 1 or more", "facts", "--kind", "date", "--limit", "-1")]
    [InlineData("--limit 0: must be 1 or more", "facts", "--kind", "date", "--limit", "0")]
    [InlineData("--offset -3: must be 0 or more", "facts", "--kind", "date", "--offset", "-3")]
    [InlineData("--limit 0: must be 1 or more", "entities", "--limit", "0")]
    [InlineData("--limit x: not a whole number", "rank", "--limit", "x")]
    [InlineData("--limit 0: must be 1 or more", "money", "--limit", "0")]
    [InlineData("--offset -1: must be 0 or more", "entities", "--offset", "-1")]
    [InlineData("--limit 0: must be between 1 and 1000", "search", "蓄電", "--limit", "0")]
    [InlineData("--draws 0: must be between 1 and 100000", "rank", "--sensitivity", "--draws", "0")]
    [InlineData("the range runs backwards", "timeline", "--from", "2030", "--to", "2024")]
    [InlineData("--from 0: a year between 1 and 9998", "timeline", "--from", "0")]
    [InlineData("--json and --csv: choose one", "facts", "--kind", "date", "--json", "--csv")]
    [InlineData("--json and --csv: choose one", "landscape", "--json", "--csv")]
    [InlineData("the document has 20266 lines", "source", "001", "--lines", "1-99999999")]
    [InlineData("the document has 20266 lines", "source", "001", "--lines", "999999-1000000")]
    [InlineData("both name 001_", "diff", "001", "001")]
    [InlineData("show: the DOC argument is missing", "show")]
    [InlineData("tcsh: use one of bash, zsh, fish", "completion", "tcsh")]
    [InlineData("--format pdf: use md or html", "report", "--format", "pdf")]
    [InlineData("--kind nope: unknown kind", "facts", "--kind", "nope")]
    public async Task UsageErrors_AreOneLine_Exit2_NothingOnStdout(string message, params string[] args)
    {
        AssertOneLine(await Run(args), 2, message);
    }

    [Theory]
    [InlineData("does not rate ZZ; countries rated: CN, EU, IN, JP, KR, OTHER, TW, US", "landscape", "--doc", "001", "--country", "ZZ")]
    [InlineData("--country Narnia: not a country code or name; countries rated: CN, EU", "landscape", "--doc", "001", "--country", "Narnia")]
    [InlineData("does not rate ZZ; countries rated: CN, EU", "gaps", "--doc", "001", "--country", "ZZ")]
    [InlineData("countries in the knowledge base: CN, EU", "rank", "--country", "XX")]
    [InlineData("no document matches 'zzz'; there are: 000_", "show", "zzz")]
    [InlineData("no document matches 'zzz'; there are: 000_", "facts", "--kind", "date", "--doc", "zzz")]
    [InlineData("no document matches 'zzz'; there are: 000_", "landscape", "--doc", "zzz")]
    [InlineData("no document matches 'zzz'; there are: 000_", "report", "--doc", "zzz")]
    [InlineData("no area 'zzzz' in 001_972bf78de6d42bb8.txt; its areas: 2.1.1 蓄電デバイス, 2.1.2", "area", "zzzz", "--doc", "001")]
    [InlineData("--area 9.9.9: no ranked area has that id or title; ranked: ", "rank", "--area", "9.9.9")]
    [InlineData("no entity 'Zyxwvu Corp'; known: ", "entities", "Zyxwvu Corp")]
    public async Task UnknownValues_AreExit1_WithTheKnownOnesListed(string message, params string[] args)
    {
        AssertOneLine(await Run(args), 1, message);
    }

    [Fact]
    public async Task SearchDocFilter_AndDocOption_BehaveTheSame()
    {
        var inQuery = await Run("search", "蓄電", "doc:zzz");
        var option = await Run("search", "蓄電", "--doc", "zzz");
        AssertOneLine(inQuery, 1, "doc:zzz: no document matches 'zzz'; there are: 000_");
        Assert.Equal(inQuery.Err, option.Err);

        var known = await Run("search", "蓄電", "doc:001", "--json");
        var knownOption = await Run("search", "蓄電", "--doc", "001", "--json");
        Assert.Equal(0, known.ExitCode);
        Assert.Equal(known.Out, knownOption.Out);
        Assert.True(JsonDocument.Parse(known.Out).RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public async Task AValidFilterThatMatchesNothing_IsExit0_WithAnEmptyAnswer()
    {
        // The minutes exist and are a known document, they just have no comparison rows / events in that range.
        var facts = await Run("facts", "--kind", "comparison", "--doc", "002", "--json");
        Assert.True(facts.ExitCode == 0, facts.ToString());
        Assert.Equal("[]", facts.Out.Trim());
        var human = await Run("facts", "--kind", "comparison", "--doc", "002");
        Assert.Equal(0, human.ExitCode);
        Assert.Equal("", human.Err);
        var search = await Run("search", "蓄電デバイス", "doc:002", "--json");
        Assert.Equal(0, search.ExitCode);
        Assert.Equal("[]", search.Out.Trim());
        var timeline = await Run("timeline", "--from", "1901", "--to", "1902", "--json");
        Assert.Equal(0, timeline.ExitCode);
        Assert.Equal("[]", timeline.Out.Trim());
        var paged = await Run("facts", "--kind", "date", "--offset", "100000", "--json");
        Assert.Equal(0, paged.ExitCode);
        Assert.Equal("[]", paged.Out.Trim());
    }

    [Fact]
    public async Task Offset_PagesThroughTheSameList()
    {
        var all = JsonDocument.Parse((await Run("facts", "--kind", "date", "--doc", "000", "--json")).Out).RootElement;
        var page = JsonDocument.Parse((await Run("facts", "--kind", "date", "--doc", "000", "--json", "--offset", "3", "--limit", "2")).Out).RootElement;
        Assert.Equal(2, page.GetArrayLength());
        Assert.Equal(all[3].GetRawText(), page[0].GetRawText());
        Assert.Equal(all[4].GetRawText(), page[1].GetRawText());
    }

    [Theory]
    [InlineData("nothere")]
    [InlineData("notes.xyz")]
    public async Task IngestOfNothing_IsOneLine_Exit1_AndCreatesNoKnowledgeBase(string input)
    {
        using var dir = new TempDir();
        if (input.EndsWith(".xyz", StringComparison.Ordinal)) dir.Write(input, "not a document type fukan reads");
        var db = dir.File("kb.db");
        var r = await Support.Cli.RunAsync("--db", db, "ingest", dir.File(input));
        AssertOneLine(r, 1, input);
        Assert.False(File.Exists(db), "an ingest that stored nothing left a knowledge base behind");
        Assert.Empty(Directory.GetFiles(dir.Path, "kb.db*"));
    }

    [Fact]
    public async Task IngestOfNothing_LeavesAnExistingKnowledgeBaseAsItWas()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var doc = dir.Write("a.md", "# 見出し\n\n2030年までに実用化する。\n");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", doc)).ExitCode);
        var r = await Support.Cli.RunAsync("--db", db, "ingest", dir.File("missing"));
        AssertOneLine(r, 1, "missing: no such file or folder");
        var docs = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        Assert.Equal(1, JsonDocument.Parse(docs.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task PipedOutput_TakesItsWidthFromCOLUMNS_Else120()
    {
        // The only test that leaves the width to the environment (every other run passes one), so setting it here is safe.
        var saved = Environment.GetEnvironmentVariable("COLUMNS");
        try
        {
            foreach (var (columns, width) in new[] { ("72", 72), ("junk", 120), ("", 120) })
            {
                Environment.SetEnvironmentVariable("COLUMNS", columns.Length == 0 ? null : columns);
                var output = new StringWriter();
                var error = new StringWriter();
                int code = await Fukan.Cli.FukanCli.RunAsync(["--db", seeds.DbPath, "docs"], output, error);
                Assert.Equal(0, code);
                var lines = output.ToString().TrimEnd('\n').Split('\n');
                int widest = lines.Max(l => Fukan.Cli.TerminalText.Width(l));
                Assert.True(widest <= width && widest > width - 10, $"COLUMNS={columns}: {widest} columns");
                Assert.Equal(width >= 110, lines[1].Contains("passages", StringComparison.Ordinal));   // narrow tables drop the counts
            }
        }
        finally { Environment.SetEnvironmentVariable("COLUMNS", saved); }
    }

    [Fact]
    public async Task Ingest_WhenPiped_ShowsNoProgress()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("kb.db"), "ingest", Path.Combine(GoldenCliTests.RepoRoot, "samples"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Err);
        Assert.Single(r.Out.TrimEnd('\n').Split('\n'));
    }
}
