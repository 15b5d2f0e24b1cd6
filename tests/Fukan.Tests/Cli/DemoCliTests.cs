using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>The README's first command: `fukan demo` runs the main job on the bundled sample corpus.</summary>
public class DemoCliTests
{
    [Fact]
    public async Task Demo_IngestsTheSamples_AndTourEveryCapability()
    {
        using var dir = new TempDir();
        var db = dir.File("demo.db");

        var r = await Support.Cli.RunAsync("--db", db, "demo");

        Assert.True(r.ExitCode == 0, r.ToString());
        string[] steps = ["docs", "show report_sample --outline", "source report_sample", "landscape", "gaps", "search", "facts", "timeline", "minutes", "signals", "rank"];
        foreach (var step in steps) Assert.Contains("== fukan " + step, r.Out);
        // The samples and their watchlist are written to a fresh folder of the demo's own, named in the output
        var written = System.Text.RegularExpressions.Regex.Match(r.Out, @"== Bundled samples: 4 file\(s\) in (?<folder>\S+); a watchlist for them in (?<watchlist>\S+)");
        Assert.True(written.Success, r.Out);
        var watchlist = written.Groups["watchlist"].Value;
        Assert.True(File.Exists(watchlist));
        Assert.Equal(4, Directory.GetFiles(written.Groups["folder"].Value).Length);

        // The knowledge base it leaves behind holds the four samples, one of each kind
        var docs = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        using var json = JsonDocument.Parse(docs.Out);
        Assert.Equal(["article", "article", "minutes", "report"], json.RootElement.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).Order());

        // And the sample watchlist finds evidence both ways in the samples
        var signals = await Support.Cli.RunAsync("--db", db, "signals", "--watchlist", watchlist, "--json");
        using var s = JsonDocument.Parse(signals.Out);
        var status = s.RootElement.GetProperty("signals").EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("status").GetString());
        Assert.Equal("notMet", status["hydrogen-release-100c"]);
        Assert.Equal("notMet", status["tim-10-wmk"]);
        Assert.Equal("met", status["thermal-storage-funding"]);

        // Running it again changes nothing: the samples are unchanged, so the ingest is a no-op
        var again = await Support.Cli.RunAsync("--db", db, "demo");
        Assert.True(again.ExitCode == 0, again.ToString());
        var docsAgain = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        Assert.Equal(docs.Out, docsAgain.Out);
    }
}
