using System.Text;
using Fukan.Analysis.Signals;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Reading;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 1 and 10: YAML aliases (a recursive alias overflowed the stack; an anchor bomb took 19 GB),
/// deep nesting and unclosed brackets, in front matter and in the YAML files users hand Fukan. Each input is a
/// few hundred bytes: before the guard each ran for minutes or killed the process.
/// </summary>
public class HostileYamlTests
{
    private const string RecursiveAlias = "a: &a\n  b: *a\n";

    /// <summary>Billion laughs: nine levels of nine aliases each (9⁹ strings once expanded).</summary>
    private static readonly string AnchorBomb = BuildAnchorBomb();

    private static string BuildAnchorBomb()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++)
        {
            char name = (char)('a' + i), previous = (char)('a' + i - 1);
            sb.Append(name).Append(": &").Append(name).Append(" [").AppendJoin(',', Enumerable.Repeat("*" + previous, 9)).Append("]\n");
        }
        return sb.ToString();
    }

    private static ReadResult ReadMarkdown(string text) =>
        TextDocumentReader.Markdown(new TextDecoder()).Read("r.md", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void FrontMatter_RecursiveAlias_IsAWarningAndTheBodyIsKept()
    {
        var r = ReadMarkdown("---\n" + RecursiveAlias + "---\n本文は残る。\n");

        var doc = Assert.IsType<RawDocument>(r.Document);
        Assert.Empty(doc.Metadata);
        Assert.Equal("本文は残る。", doc.Source.LineString(doc.BodyStartLine));
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal("r.md: malformed front matter at line 3: YAML aliases (*a) are not accepted; front matter ignored, body kept", warning.ToString());
    }

    [Fact]
    public void FrontMatter_AnchorBomb_IsRefusedAtTheFirstAlias()
    {
        var r = ReadMarkdown("---\n" + AnchorBomb + "---\nbody\n");

        Assert.NotNull(r.Document);
        Assert.Contains("YAML aliases (*a) are not accepted", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void FrontMatter_UnclosedBracket_WarnsWithItsLineAndKeepsTheBody()
    {
        var r = ReadMarkdown("---\ntitle: ok\ntags: [AI, 投資\nauthor: x\n---\n本文\n");

        var doc = Assert.IsType<RawDocument>(r.Document);
        Assert.Equal("本文", doc.Source.LineString(doc.BodyStartLine));
        var warning = Assert.Single(r.Diagnostics);
        Assert.StartsWith("malformed front matter at line ", warning.Message);
        Assert.DoesNotContain("current state of the object", warning.Message);
    }

    [Fact]
    public void Yaml_NestedDeeperThanTheLimit_IsRefusedWithoutRecursingIntoIt()
    {
        int depth = 100_000;
        var yaml = "a: " + new string('[', depth) + new string(']', depth) + "\n";

        var e = Assert.Throws<WatchlistException>(() => WatchlistLoader.Parse(yaml, "deep.yaml"));

        Assert.Equal($"deep.yaml: line 1: malformed YAML: nesting deeper than {GuardedYamlParser.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void Watchlist_AnchorBomb_IsOneLineNamingTheFile()
    {
        var e = Assert.Throws<WatchlistException>(() => WatchlistLoader.Parse(AnchorBomb, "mine.yaml"));

        Assert.Equal("mine.yaml: line 2: malformed YAML: YAML aliases (*a) are not accepted", e.Message);
    }

    [Fact]
    public void Gazetteer_RecursiveAlias_IsAnErrorDiagnostic()
    {
        var builder = new GazetteerBuilder();
        builder.AddYaml("entities:\n  - " + RecursiveAlias.Replace("\n", "\n    ", StringComparison.Ordinal), "g.yaml");

        var d = Assert.Single(builder.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Contains("YAML aliases (*a) are not accepted", d.Message);
    }

    [Fact]
    public void FrontMatter_InvalidDate_IsAWarningNotASilentDrop()
    {
        var pipeline = Fukan.Pipeline.FukanDefaults.CreatePipeline();

        var r = pipeline.Process("d.md", Encoding.UTF8.GetBytes("---\ntitle: 計画\ndate: 9999-99-99\n---\n\n# 計画\n\n本文です。\n"));

        Assert.NotNull(r.Document);
        Assert.Null(r.Document!.Info.Date);
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Warning && d.Message == "metadata date '9999-99-99' is not a valid date; ignored");
    }
}

/// <summary>A watchlist, weights or gazetteer file that is a device is refused without reading it.</summary>
public class HostileYamlFileTests
{
    [Fact]
    public void Watchlist_FromADevice_IsOneLine_NotAnEndlessRead()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero is a Linux fixture");

        var e = Assert.Throws<WatchlistException>(() => WatchlistLoader.Load("/dev/zero"));

        Assert.Equal("/dev/zero: cannot read the watchlist: a device, not a regular file; not read", e.Message);
    }

    [Fact]
    public void Gazetteer_FromADevice_IsAnErrorDiagnostic()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero is a Linux fixture");
        var builder = new GazetteerBuilder();

        builder.AddFile("/dev/zero");

        Assert.Equal("/dev/zero: cannot read gazetteer: a device, not a regular file; not read", Assert.Single(builder.Diagnostics).ToString());
    }
}
