using Fukan.Analysis.Conflicts;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Storage;
using Xunit;

namespace Fukan.Tests.Conflicts;

/// <summary>The signal rule on facts built in memory (the written corpus plants no signal statements).</summary>
public sealed class SignalConflictTests
{
    private static DocumentInfo Doc(string id, string title, DateOnly date) =>
        new(new DocumentId(id), $"/docs/{id}.md", title, DocumentKind.Article, date, "ja", 100, "markdown", "utf-8",
            new Dictionary<string, IReadOnlyList<string>>(), 1, 1, DateTimeOffset.UnixEpoch) { DateText = date.ToString("yyyy-MM-dd") };

    private static StoredFact Signal(DocumentInfo doc, decimal current, string unit)
    {
        var at = new Provenance(doc.Id, 3, 3, new CharSpan(10, 20));
        var fact = new SignalFact("SWE-benchの解決率", ">=", 50m, "%", new SignalValue($"{current}{unit}", current, null, unit, false, at),
            "これが50%を超えた時", null, "AI", null, [], at);
        return new StoredFact(doc.Id, SignalFact.FactKind, at, FactSerializer.Serialize(fact));
    }

    private static IReadOnlyList<ConflictGroup> Find(params (DocumentInfo Doc, decimal Value)[] sides)
    {
        var input = new ConflictInput(sides.Select(s => s.Doc).Distinct().ToList(),
            new Dictionary<string, IReadOnlyList<StoredFact>> { [ConflictKinds.Signal] = sides.Select(s => Signal(s.Doc, s.Value, "%")).ToList() });
        return ConflictFinder.Find(input, ConflictKinds.Signal);
    }

    [Fact]
    public void CurrentValues_StatedInTheSameMonth_ThatDiffer_AreAConflict()
    {
        var a = Doc("aaaa", "AI週報", new DateOnly(2025, 6, 2));
        var b = Doc("bbbb", "開発者ブログ", new DateOnly(2025, 6, 20));
        var group = Assert.Single(Find((a, 38m), (b, 55m)));
        Assert.Equal(ConflictKinds.Signal, group.Kind);
        Assert.Equal(["38%", "55%"], group.Facts.Select(f => f.Value).ToArray());
    }

    [Fact]
    public void CurrentValues_OfDifferentMonths_OrWithinTolerance_AreNot()
    {
        var a = Doc("aaaa", "AI週報", new DateOnly(2025, 6, 2));
        Assert.Empty(Find((a, 38m), (Doc("cccc", "開発者ブログ", new DateOnly(2025, 9, 1)), 55m)));
        Assert.Empty(Find((a, 50m), (Doc("dddd", "開発者ブログ", new DateOnly(2025, 6, 9)), 51m)));
    }
}
