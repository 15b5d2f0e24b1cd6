using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>report, landscape --svg, the timeline SVG, init and completion.</summary>
public class ExportCliTests(SampleStoreFixture samples) : IClassFixture<SampleStoreFixture>
{
    private Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", samples.DbPath, .. args]);

    [Fact]
    public async Task Report_Markdown_HasEverySection_AndEveryStatementItsLines()
    {
        var r = await Run("report", "--doc", "report_sample");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var heading in new[] { "# Briefing: ", "## International comparison", "## Gaps: JP", "## Top-ranked areas", "## Watchlist verdicts", "## Milestones" })
            Assert.Contains(heading, r.Out);
        // Every bullet names its document and lines.
        var bullets = r.Out.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bullets);
        Assert.All(bullets.Where(b => !b.Contains("no evidence", StringComparison.Ordinal)), b => Assert.Matches(@"\([^()]*\.(txt|md):\d+(–\d+)?\)$", b));
        // Every heatmap and milestone row too (the last cell).
        var rows = r.Out.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| area", StringComparison.Ordinal) && !l.StartsWith("| when", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Matches(@"\.(txt|md):\d+(–\d+)? \|$", row));
    }

    [Fact]
    public async Task Report_Html_IsOneSelfContainedFile_WithTheHeatmapColoured()
    {
        using var dir = new TempDir();
        var path = dir.File("briefing.html");
        var r = await Run("report", "--doc", "report_sample", "--format", "html", "-o", path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Out);
        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<td class=\"cell\" style=\"background:#", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task Report_EscapesDocumentText_InHtmlAndMarkdown()
    {
        using var dir = new TempDir();
        var report = File.ReadAllLines(Path.Combine(GoldenCliTests.RepoRoot, "samples", "report_sample.txt"));
        report[0] = "<script>alert(1)</script> & | *bold* [x](javascript:y) <img src=x onerror=alert(2)> 報告書";
        var file = Path.Combine(dir.Path, "docs", "hostile_report.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllLinesAsync(file, report, TestContext.Current.CancellationToken);
        var db = dir.File("kb.db");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", file)).ExitCode);

        var html = (await Support.Cli.RunAsync("--db", db, "report", "--format", "html")).Out;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        var md = (await Support.Cli.RunAsync("--db", db, "report")).Out;
        Assert.Contains(@"&lt;script&gt;alert(1)&lt;/script&gt; &amp; \| \*bold\* \[x\](javascript:y) &lt;img", md);
        Assert.DoesNotContain("<img", md);
    }

    [Fact]
    public async Task LandscapeSvg_IsWellFormed_AndHasACellPerRating()
    {
        using var dir = new TempDir();
        var path = dir.File("heatmap.svg");
        var r = await Run("landscape", "--svg", path, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rows = System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetArrayLength();
        var cells = svg.Descendants(ns + "rect").Count(e => e.Parent?.Element(ns + "title") is not null);
        Assert.True(cells > 0 && cells <= rows, $"{cells} cells for {rows} rows");

        var bad = await Run("landscape", "--svg", Path.Combine(dir.Path, "no", "such", "dir", "x.svg"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.Err.TrimEnd('\n').Split('\n'));
        Assert.Contains("cannot write the SVG", bad.Err);
    }

    [Fact]
    public async Task TimelineSvg_KeepsEveryLabelInsideTheCanvas_AndMarksBarsThatBeginEarlier()
    {
        using var dir = new TempDir();
        var path = dir.File("timeline.svg");
        // Every milestone (--all): the top view leaves out periods begun before the range, whose bars this checks.
        var r = await Run("timeline", "--from", "2026", "--to", "2028", "--all", "--svg", path);
        Assert.True(r.ExitCode == 0, r.ToString());
        var svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        double width = double.Parse(svg.Root!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var labels = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "small" && t.Parent?.Name == ns + "g").ToList();
        Assert.NotEmpty(labels);
        foreach (var t in labels)
        {
            double x = double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            double w = t.Value.Sum(c => c < 0x2E80 ? 6.2 : 11);
            bool end = (string?)t.Attribute("text-anchor") == "end";
            Assert.True(end ? x - w >= 0 : x + w <= width, $"label '{t.Value}' at x={x} ({w} px, {(end ? "right-aligned" : "left-aligned")}) leaves the {width}px canvas");
        }
        Assert.Contains(svg.Descendants(ns + "path"), p => (string?)p.Attribute("class") == "earlier");
    }

    [Fact]
    public async Task Init_WritesTheDefaults_ThatLoad_AndRefusesToOverwrite()
    {
        using var dir = new TempDir();
        var folder = dir.File("config");
        var r = await Support.Cli.RunAsync("init", folder);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(3, r.Out.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(WatchlistLoader.LoadDefault().Signals.Count, WatchlistLoader.Load(Path.Combine(folder, "watchlist.yaml")).Signals.Count);
        WeightsLoader.Load(Path.Combine(folder, "weights.yaml"));
        var problems = new List<Fukan.Model.Diagnostic>();
        var gazetteer = Fukan.Extraction.Entities.Gazetteer.Load([Path.Combine(folder, "gazetteer.yaml")], problems);
        Assert.Empty(problems);
        Assert.Equal(Fukan.Extraction.Entities.Gazetteer.Default.Count, gazetteer.Count);
        Assert.All(Directory.GetFiles(folder), f => Assert.StartsWith("#", File.ReadAllText(f)));

        File.WriteAllText(Path.Combine(folder, "weights.yaml"), "criteria: { emergence: 1 }\n");
        var again = await Support.Cli.RunAsync("init", folder);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Contains("watchlist.yaml: already there", again.Err);
        Assert.Equal("criteria: { emergence: 1 }\n", File.ReadAllText(Path.Combine(folder, "weights.yaml")));
        Assert.Equal(0, (await Support.Cli.RunAsync("init", folder, "--force")).ExitCode);
        Assert.StartsWith("#", File.ReadAllText(Path.Combine(folder, "weights.yaml")));
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task Completion_ListsEveryVerb_AndTheValuesOfFixedOptions(string shell)
    {
        var r = await Support.Cli.RunAsync("completion", shell);
        Assert.True(r.ExitCode == 0, r.ToString());
        var root = Fukan.Cli.FukanCli.CreateRoot(new Fukan.Cli.CliContext(TextWriter.Null, TextWriter.Null));
        foreach (var verb in root.Subcommands) Assert.Contains(verb.Name, r.Out);
        Assert.Contains("priority-theme", r.Out);   // facts --kind values
        Assert.Contains(shell == "fish" ? "-l svg" : "--svg", r.Out);
        Assert.Contains(shell == "fish" ? "-l gazetteer" : "--gazetteer", r.Out);
    }

    [Fact]
    public async Task Completion_Bash_IsValidBash_AndCompletesVerbsAndOptions()
    {
        if (!File.Exists("/bin/bash")) Assert.Skip("no bash on this machine");
        using var dir = new TempDir();
        var script = dir.Write("fukan.bash", (await Support.Cli.RunAsync("completion", "bash")).Out);
        var probe = dir.Write("probe.sh", $$"""
            source '{{script}}'
            COMP_WORDS=(fukan lan); COMP_CWORD=1; _fukan; echo "${COMPREPLY[*]}"
            COMP_WORDS=(fukan facts --ki); COMP_CWORD=2; _fukan; echo "${COMPREPLY[*]}"
            COMP_WORDS=(fukan facts --kind qu); COMP_CWORD=3; _fukan; echo "${COMPREPLY[*]}"
            """);
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/bash", [probe]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(p.ExitCode == 0 && error.Length == 0, error);
        Assert.Equal(["landscape", "--kind", "quantity"], output.TrimEnd('\n').Split('\n'));
    }
}
