using System.Text.Json;
using System.Xml.Linq;
using Fukan.Rendering;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, cases 6 and 7: ESC/OSC sequences in titles and text reached the terminal raw in docs, show,
/// search, timeline and facts; timeline --svg crashed when 𠮷 straddled the label cut and control characters
/// made the SVG invalid XML. Human output shows controls visibly; JSON keeps the stored text.
/// </summary>
public class OutputSafetyTests
{
    private const string Esc = "\u001b";

    private static async Task<(TempDir Dir, string Db)> StoreWithHostileTextAsync()
    {
        var dir = new TempDir();
        // 𠮷 sits where the SVG label (34 characters) is cut; ESC/OSC/BEL and other C0 controls in title and text.
        var sentence = "2030年に" + new string('あ', 25) + "𠮷野家\u0001\u0008が" + Esc + "[31m赤い店舗を開業する計画である。";
        dir.Write("d/hostile.md", "# 報告書" + Esc + "]0;pwned\u0007" + Esc + "[2J\n\n" + sentence + "\n\nトヨタ自動車は2031年に" + Esc + "]52;c;ZXZpbA==\u0007水素エンジンを量産する計画である。\n");
        var db = dir.File("k.db");
        var r = await Support.Cli.RunAsync("--db", db, "ingest", dir.File("d"));
        Assert.True(r.ExitCode == 0, r.ToString());
        return (dir, db);
    }

    [Fact]
    public async Task HumanOutput_NeverCarriesTerminalControls_JsonKeepsTheText()
    {
        var (dir, db) = await StoreWithHostileTextAsync();
        using var _ = dir;
        string[][] verbs = [["docs"], ["show", "hostile"], ["search", "水素"], ["search", "店舗"], ["timeline"], ["facts", "--kind", "event"], ["source", "hostile"]];

        foreach (var verb in verbs)
        {
            var r = await Support.Cli.RunAsync(["--db", db, .. verb]);
            Assert.True(r.ExitCode == 0, $"{string.Join(' ', verb)}: {r}");
            Assert.False(r.Out.Any(c => c < ' ' && c is not '\n' and not '\r' and not '\t' || c is >= '\u007f' and <= '\u009f'), $"{string.Join(' ', verb)} printed a control character:\n{r.Out}");
            Assert.False(r.Err.Contains(Esc, StringComparison.Ordinal), $"{string.Join(' ', verb)} printed ESC on stderr:\n{r.Err}");
        }
        var shown = await Support.Cli.RunAsync("--db", db, "source", "hostile");
        Assert.Contains("␛]0;pwned␇", shown.Out);

        var json = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Contains(Esc, Assert.Single(doc.RootElement.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task TimelineSvg_SurrogateAtTheCut_AndControlCharacters_GiveValidXml()
    {
        var (dir, db) = await StoreWithHostileTextAsync();
        using var _ = dir;
        var svg = dir.File("t.svg");

        var r = await Support.Cli.RunAsync("--db", db, "timeline", "--svg", svg);

        Assert.True(r.ExitCode == 0, r.ToString());
        var xml = XDocument.Parse(File.ReadAllText(svg));
        Assert.Contains(xml.Descendants().Select(e => e.Value), v => v.Contains("𠮷", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimelineSvg_EmptyFileName_IsAUsageError()
    {
        var (dir, db) = await StoreWithHostileTextAsync();
        using var _ = dir;

        var r = await Support.Cli.RunAsync("--db", db, "timeline", "--svg", "");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("fukan: --svg: needs a file name\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("a\u001b[31mb", "a␛[31mb")]
    [InlineData("t\u009b31m\u0007", "t\uFFFD31m␇")]
    [InlineData("x\u202Eevil\u2066y", "xevily")]
    [InlineData("ok\r\nline\rover", "ok\r\nline␍over")]
    [InlineData("plain 日本語\ttext\n", "plain 日本語\ttext\n")]
    public void TerminalSafety_Sanitize(string input, string expected)
    {
        Assert.Equal(expected, TerminalSafety.Sanitize(input));
    }

    [Fact]
    public void TerminalSafety_LoneSurrogate_IsShownAsReplacement()
    {
        Assert.Equal("lone \uFFFD and pair 𠮷", TerminalSafety.Sanitize("lone \uD842 and pair \uD842\uDFB7"));
    }

    [Fact]
    public void SvgLabel_CutNeverSplitsASurrogatePair()
    {
        var label = new string('あ', 32) + "𠮷野家";

        var cut = TimelineSvgRenderer.Truncate(label, 34);

        Assert.Equal(new string('あ', 32) + "…", cut);
        XDocument.Parse("<t>" + TimelineSvgRenderer.Escape("a\u0001\uD842b\uFFFF" + cut) + "</t>");
    }
}
