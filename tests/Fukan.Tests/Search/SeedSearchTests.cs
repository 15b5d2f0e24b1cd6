using Fukan.Pipeline;
using Fukan.Search;
using Fukan.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Search;

/// <summary>The seeds through the real pipeline into the index: hits point at the right original text.</summary>
public sealed class SeedSearchTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteSearchIndex _index;
    private readonly Dictionary<string, ProcessedDocument> _docs = new();

    public SeedSearchTests()
    {
        _connection.Open();
        _index = new SqliteSearchIndex(_connection);
        var pipeline = new FukanPipelineBuilder().UseDefaults().Build();
        foreach (var prefix in new[] { "000", "001", "002", "003" })
        {
            var path = Seeds.Path(prefix);
            var doc = pipeline.Process(path, File.ReadAllBytes(path)).Document!;
            _docs[prefix] = doc;
            _index.Add(doc.Info, doc.Passages);
        }
    }

    public void Dispose() => _connection.Dispose();

    private (string Id, double Score)[] Ranked(string query, SqliteSearchIndex.RankingChoice ranking)
    {
        _index.Ranking = ranking;
        try
        {
            var hits = _index.Search(SearchQueryParser.Parse(query), new SearchOptions(10)).Select(h => (h.PassageId, h.Score)).ToArray();
            Assert.Equal(ranking, _index.LastRanking);
            return hits;
        }
        finally { _index.Ranking = SqliteSearchIndex.RankingChoice.Auto; }
    }

    [Theory]
    [InlineData("量子 中国")]             // one bigram per clause: the document frequencies are exact
    [InlineData("Rapidus")]
    [InlineData("電池 米国 OR 欧州")]
    [InlineData("歩留 -TSMC")]
    public void SmallSetRanking_GivesFts5sBm25_WhenEveryPhraseIsOneTerm(string query)
    {
        var fts5 = Ranked(query, SqliteSearchIndex.RankingChoice.Bm25);
        var ours = Ranked(query, SqliteSearchIndex.RankingChoice.SmallSet);
        Assert.NotEmpty(fts5);
        Assert.Equal(fts5.Length, ours.Length);
        for (int i = 0; i < fts5.Length; i++)
        {
            Assert.Equal(fts5[i].Score, ours[i].Score, 9);
            // Equal scores may come in another order; the set of each score is the same.
            if (i + 1 < fts5.Length && Math.Abs(fts5[i].Score - fts5[i + 1].Score) > 1e-9 && (i == 0 || Math.Abs(fts5[i].Score - fts5[i - 1].Score) > 1e-9))
                Assert.Equal(fts5[i].Id, ours[i].Id);
        }
    }

    [Theory]
    [InlineData("量子 国際比較 中国")]
    [InlineData("ペロブスカイト太陽電池")]
    [InlineData("全固体電池 加圧")]
    public void SmallSetRanking_OfPhrases_FindsTheSamePassagesFirst(string query)
    {
        var fts5 = Ranked(query, SqliteSearchIndex.RankingChoice.Bm25);
        var ours = Ranked(query, SqliteSearchIndex.RankingChoice.SmallSet);
        Assert.NotEmpty(fts5);
        // A phrase's document frequency is its rarest term's (an upper bound), so scores differ slightly; the best hits do not.
        Assert.Equal(fts5.Take(3).Select(h => h.Id), ours.Take(3).Select(h => h.Id));
        Assert.Equal(fts5.Select(h => h.Id).Order(), ours.Select(h => h.Id).Order());
    }

    [Fact]
    public void HighlightSourceSpans_AreTheMatchedOriginalCharacters()
    {
        var hits = _index.Search(SearchQueryParser.Parse("全固体電池 加圧"), new SearchOptions(10));
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var doc = _docs.Values.Single(d => d.Info.Id == hit.DocumentId);
            foreach (var h in hit.Highlights)
            {
                var original = doc.Source.Text[h.SourceStart..h.SourceEnd].Replace("\r", "").Replace("\n", "");
                var snippet = hit.Snippet[h.SnippetStart..h.SnippetEnd];
                Assert.Equal(snippet.Replace(" ", ""), original.Replace(" ", ""));
                int line = doc.Source.LineOf(h.SourceStart);
                Assert.InRange(line, hit.Provenance.Line, hit.Provenance.EndLine);
            }
        }
        // The KPI passage of the roadmap article names both terms.
        var top = hits[0];
        Assert.Equal(_docs["000"].Info.Id, top.DocumentId);
        Assert.Contains(top.Highlights, h => top.Snippet[h.SnippetStart..h.SnippetEnd] == "加圧");
    }

    [Fact]
    public void AreaAndSectionFilters_KeepToTheNamedSection()
    {
        var hits = _index.Search(SearchQueryParser.Parse("量子 area:2.3.5 section:国際比較"), new SearchOptions(20));
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Contains("2.3.5 ", h.SectionPath);
            Assert.Contains("国際比較", h.SectionPath);
        });
    }

    [Fact]
    public void KindAndDateFilters_UseDocumentMetadata()
    {
        var hits = _index.Search(SearchQueryParser.Parse("バックサイド電源 kind:article after:2025"), SearchOptions.Default);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(_docs["000"].Info.Id, h.DocumentId));
        Assert.Empty(_index.Search(SearchQueryParser.Parse("バックサイド電源 kind:minutes"), SearchOptions.Default));
    }
}
