using System.Text.Json;
using Fukan.Analysis.Conflicts;
using Fukan.Analysis.Timeline;
using Fukan.Storage;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Conflicts;

/// <summary>
/// The written conflict test set (Corpus/, labelled in Corpus/expected.tsv) plus derived editions of the 001 seed
/// made in a temp folder, ingested once.
/// </summary>
public sealed class ConflictCorpusFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string DbPath => _dir.File("conflicts.db");

    public List<ConflictCase> Cases { get; } = [];

    public static string CorpusDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Fukan.Tests", "Conflicts", "Corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("tests/Fukan.Tests/Conflicts/Corpus not found above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var docs = Directory.CreateDirectory(_dir.File("docs")).FullName;
        foreach (var f in Directory.GetFiles(CorpusDirectory)) if (!f.EndsWith(".tsv", StringComparison.Ordinal)) File.Copy(f, Path.Combine(docs, Path.GetFileName(f)));
        Cases.AddRange(ConflictEvaluation.ReadCases(Path.Combine(CorpusDirectory, "expected.tsv")));
        Cases.AddRange(ConflictEvaluation.DeriveEditions(Seeds.Path("001"), docs));
        var result = await Support.Cli.RunAsync("--db", DbPath, "ingest", docs);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.ToString());
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class ConflictTests(ConflictCorpusFixture corpus) : IClassFixture<ConflictCorpusFixture>
{
    private async Task<(IReadOnlyList<ConflictGroup> Groups, Dictionary<string, string> Files)> FindAsync(string? kind = null)
    {
        await using var store = await KnowledgeBase.OpenAsync(corpus.DbPath, StoreAccess.Read);
        var files = (await store.ListDocumentsAsync()).ToDictionary(d => d.Id.Value, d => Path.GetFileName(d.Path));
        return (await ConflictFinder.FindAsync(store, kind), files);
    }

    [Fact]
    public async Task TestSet_HasTheSizeTheIssueAsksFor_AndMeetsThePrecisionAndRecallTargets()
    {
        Assert.True(corpus.Cases.Count(c => c.IsConflict) >= 20);
        Assert.True(corpus.Cases.Count(c => !c.IsConflict) >= 20);
        var (groups, files) = await FindAsync();
        var score = ConflictEvaluation.Score(groups, corpus.Cases, files);
        Assert.True(score.Precision >= 0.9, $"precision {score.Precision:F3}; false alarms: {string.Join("; ", score.FalseAlarms)}");
        Assert.True(score.Recall >= 0.8, $"recall {score.Recall:F3}; missed: {string.Join("; ", score.Missed)}");
        Assert.Equal(0, score.LookAlikesFlagged);
    }

    [Fact]
    public async Task EveryKindOfPlantedContradiction_IsFound_WithBothSidesDocumentsAndLines()
    {
        var (groups, files) = await FindAsync();
        foreach (var kind in new[] { ConflictKinds.Comparison, ConflictKinds.Quantity, ConflictKinds.Event })
            Assert.Contains(groups, g => g.Kind == kind);
        var revenue = groups.Single(g => g.Kind == ConflictKinds.Quantity && g.Key.Contains("営業利益", StringComparison.Ordinal));
        Assert.Equal(["320億円", "410億円"], revenue.Facts.Select(f => f.Value).ToArray());
        Assert.Equal(["alpha.md", "beta.md"], revenue.Facts.Select(f => files[f.DocumentId]).ToArray());
        Assert.All(revenue.Facts, f => Assert.Contains("東和電機の2024年の営業利益", f.Text, StringComparison.Ordinal));
        Assert.Equal(["2025-04-10", "2025-05-02"], revenue.Facts.Select(f => f.Published).ToArray());
        Assert.Null(revenue.Resolution);
    }

    [Fact]
    public async Task KindFilter_KeepsOnlyThatKind()
    {
        var (groups, _) = await FindAsync(ConflictKinds.Event);
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Equal(ConflictKinds.Event, g.Kind));
    }

    [Fact]
    public async Task ConflictsJson_HasTheIssuesShape()
    {
        var result = await Support.Cli.RunAsync("--db", corpus.DbPath, "conflicts", "--kind", "quantity", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var first = json.RootElement.EnumerateArray().First();
        Assert.Equal(["id", "kind", "key", "rule", "facts", "resolution"], first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("resolution").ValueKind);
        var side = first.GetProperty("facts")[0];
        Assert.Equal(["documentId", "documentTitle", "published", "value", "text", "provenance"], side.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task UnknownKind_IsOneLine_AndUsageExit()
    {
        var result = await Support.Cli.RunAsync("--db", corpus.DbPath, "conflicts", "--kind", "ratings");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind ratings", result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task TimelineChanges_ListsSlipsAndAdvances_InOrderOfPublication()
    {
        await using var store = await KnowledgeBase.OpenAsync(corpus.DbPath, StoreAccess.Read);
        var changes = await MilestoneChanges.FindAsync(store);
        var sodium = changes.Single(c => c.Milestone.Contains("ナトリウムイオン電池", StringComparison.Ordinal));
        Assert.Equal("slipped", sodium.Direction);
        Assert.Equal(["2023-07-01", "2025-07-01"], sodium.Announcements.Select(a => a.Published).ToArray());
        Assert.Equal(["2026年", "2027年"], sodium.Announcements.Select(a => a.Value).ToArray());
        Assert.Equal("advanced", changes.Single(c => c.Milestone.Contains("リチウム空気電池", StringComparison.Ordinal)).Direction);
        var quantum = changes.Single(c => c.Milestone.Contains("量子コンピュータの国産初号機", StringComparison.Ordinal));
        Assert.Equal("slipped", quantum.Direction);
        Assert.Equal(3, quantum.Announcements.Count);
        // Announced at about the same time: a conflict, not a change.
        Assert.DoesNotContain(changes, c => c.Milestone.Contains("第二次公募", StringComparison.Ordinal));

        var cli = await Support.Cli.RunAsync("--db", corpus.DbPath, "timeline", "--changes", "--json");
        Assert.Equal(0, cli.ExitCode);
        using var json = JsonDocument.Parse(cli.Out);
        Assert.Equal(changes.Count, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(1250, false, 980, false, true)]     // plainly different
    [InlineData(1200, true, 1234, false, false)]    // 約1,200 is 1,234 rounded
    [InlineData(100, true, 130, false, true)]       // 約100 does not stretch to 130
    [InlineData(120, false, 123, false, false)]     // within 5 %
    public void Figures_DisagreeBeyondToleranceOnly(int a, bool approxA, int b, bool approxB, bool disagree) =>
        Assert.Equal(disagree, FigureAgreement.Disagree(Figure.Point(a, approxA), Figure.Point(b, approxB)));

    [Fact]
    public void RangesAndBounds_ThatOverlap_Agree()
    {
        Assert.False(FigureAgreement.Disagree(Figure.Of(1.0m, 1.5m, null, false), Figure.Point(1.2m)));
        Assert.False(FigureAgreement.Disagree(Figure.Of(5m, null, "min", false), Figure.Point(6.2m)));
        Assert.True(FigureAgreement.Disagree(Figure.Of(5m, null, "max", false), Figure.Point(6.2m)));
    }
}
