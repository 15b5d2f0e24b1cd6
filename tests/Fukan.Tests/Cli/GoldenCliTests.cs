using Fukan.Cli.Commands;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>A knowledge base of the bundled samples (the repository's own text, so its output may be checked in).</summary>
public sealed class SampleStoreFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string DbPath => _dir.File("samples.db");

    public string Watchlist => _dir.File("watchlist.yaml");

    public async ValueTask InitializeAsync()
    {
        var folder = _dir.File("samples");
        DemoCommand.WriteSamples(folder);
        File.Copy(Path.Combine(GoldenCliTests.RepoRoot, "data", "watchlist_sample.yaml"), Watchlist);
        var result = await Support.Cli.RunAsync("--db", DbPath, "ingest", folder);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The human output of the main verbs, at 80 and 120 columns, against checked-in files in Expectations/cli, so a
/// layout change is reviewed rather than accidental. FUKAN_UPDATE_GOLDEN=1 rewrites them (then read the diff).
/// </summary>
public class GoldenCliTests(SampleStoreFixture samples) : IClassFixture<SampleStoreFixture>
{
    public static string RepoRoot { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fukan.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Fukan.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ExpectationDir => Path.Combine(RepoRoot, "tests", "Fukan.Tests", "Expectations", "cli");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Verbs.Keys)
            foreach (var width in new[] { 80, 120 })
                data.Add(name, width);
        return data;
    }

    /// <summary>The verbs, as the README's tour runs them on the samples.</summary>
    private static readonly Dictionary<string, string[]> Verbs = new(StringComparer.Ordinal)
    {
        ["docs"] = ["docs"],
        ["outline"] = ["show", "report_sample", "--outline"],
        ["landscape"] = ["landscape"],
        ["landscape-wide"] = ["landscape", "--wide"],
        ["area"] = ["area", "2.1.1"],
        ["gaps"] = ["gaps", "--country", "JP"],
        ["search"] = ["search", "放出温度", "--limit", "3"],
        ["facts"] = ["facts", "--kind", "quantity", "--doc", "analysis_sample", "--limit", "6"],
        ["timeline"] = ["timeline", "--from", "2023", "--to", "2030"],
        ["minutes"] = ["minutes", "minutes_sample"],
        ["signals"] = ["signals", "--watchlist", "WATCHLIST"],
        ["rank"] = ["rank", "--country", "JP", "--sensitivity", "--draws", "200"],
        ["entities"] = ["entities", "--limit", "12"],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HumanOutput_MatchesItsGoldenFile(string name, int width)
    {
        var args = Verbs[name].Select(a => a == "WATCHLIST" ? samples.Watchlist : a).ToArray();
        var r = await Support.Cli.RunAtWidthAsync(width, ["--db", samples.DbPath, .. args]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var actual = r.Out.Replace(samples.Watchlist, "WATCHLIST", StringComparison.Ordinal);
        foreach (var line in actual.Split('\n'))
            Assert.True(Fukan.Cli.TerminalText.Width(line) <= width, $"{name} at {width}: a line of {Fukan.Cli.TerminalText.Width(line)} columns: {line}");
        var path = Path.Combine(ExpectationDir, $"{name}.{width}.txt");
        if (Environment.GetEnvironmentVariable("FUKAN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(ExpectationDir);
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with FUKAN_UPDATE_GOLDEN=1 and review it");
        var expected = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
