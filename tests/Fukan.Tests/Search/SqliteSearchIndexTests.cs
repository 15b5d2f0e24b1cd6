using Fukan.Model;
using Fukan.Normalizing;
using Fukan.Search;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Search;

public sealed class SqliteSearchIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"fukan-search-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;
    private readonly SqliteSearchIndex _index;

    private readonly (DocumentInfo Info, SourceText Source, List<Passage> Passages) _report = SearchTestCorpus.Document(
        "report.txt", DocumentKind.Report, new DateOnly(2023, 3, 1), "材料分野の俯瞰報告書",
        ("2.1.1", "2.1.1 蓄電デバイス", "全固体電池の研究開発が進展している。"),
        ("2.1.1(7)", "2.1.1 蓄電デバイス › (7) 国際比較", "中国では自動車向けの固体電池がターゲット。"),
        ("2.1.1(7)", "2.1.1 蓄電デバイス › (7) 国際比較", "米国ではBattery500が進行中。"),
        ("2.3.5(7)", "2.3.5 量子コンピューティング › (7) 国際比較", "量子鍵配送ネットワークを中国が構築した。"),
        ("2.3.5", "2.3.5 量子コンピューティング", "熱処理の温度を下げる。"));

    private readonly (DocumentInfo Info, SourceText Source, List<Passage> Passages) _article = SearchTestCorpus.Document(
        "article.md", DocumentKind.Article, new DateOnly(2026, 1, 20), "テクノロジーロードマップ",
        ("3", "3. 半導体", "バックサイド電源供給（BSPDN）の実装が課題です。"),
        ("3", "3. 半導体", "フィジカル AI とロボット制御。"),
        ("4", "4. 全固体電池", "無加圧での動作が注目すべきKPIです。"));

    public SqliteSearchIndexTests()
    {
        _connection = new SqliteConnection($"Data Source={_path}");
        _connection.Open();
        _index = new SqliteSearchIndex(_connection);
        _index.Add(_report.Info, _report.Passages);
        _index.Add(_article.Info, _article.Passages);
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private IReadOnlyList<SearchHit> Search(string query, int limit = 10) => _index.Search(SearchQueryParser.Parse(query), new SearchOptions(limit));

    private static string[] Texts(IEnumerable<SearchHit> hits) => hits.Select(h => h.Snippet).ToArray();

    [Fact]
    public void TwoCharacterTerm_MatchesInsideCompounds()
    {
        var hits = Search("電池");
        Assert.Equal(3, hits.Count); // 全固体電池, 固体電池, and the KPI passage under the heading 4. 全固体電池
        Assert.Contains(hits, h => h.Snippet.Contains("全固体電池の研究"));
    }

    [Fact]
    public void LongCompound_MatchesOnlyWhereAllItsCharactersAreConsecutive()
    {
        var hits = Search("固体電池");
        Assert.Equal(3, hits.Count);
        Assert.Single(Search("全固体電池の研究開発"));
        Assert.Empty(Search("固体電池の研究開発が停滞"));
    }

    [Fact]
    public void MixedJapaneseEnglish_IgnoresSpacesBetweenScripts()
    {
        Assert.Single(Search("フィジカルAI"));
        Assert.Single(Search("battery500"));
        Assert.Single(Search("ＢＳＰＤＮ"));
    }

    [Fact]
    public void QuotedPhrase_RequiresAdjacency_AndAllTermsAreRequired()
    {
        // A space between Japanese words in a phrase matches text written with or without it.
        Assert.Single(Search("\"バックサイド 電源\""));
        Assert.Single(Search("\"フィジカル ＡＩ\""));
        Assert.Empty(Search("\"電源 バックサイド\""));
        Assert.Single(Search("中国 固体電池"));
    }

    [Fact]
    public void Or_WidensAndExclusion_Narrows()
    {
        Assert.Equal(2, Search("battery500 OR 量子鍵配送").Count);
        var hits = Search("国際比較 -中国");
        Assert.Single(hits);
        Assert.Contains("Battery500", hits[0].Snippet);
    }

    [Fact]
    public void HeadingMatch_SatisfiesATerm_AndRanksAboveBodyOnly()
    {
        // 国際比較 is only in section paths.
        var hits = Search("国際比較 中国");
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains("国際比較", h.SectionPath));
    }

    [Fact]
    public void Filters_NarrowByKindDateAreaSectionAndDocument()
    {
        Assert.Equal(["article"], Search("電池 kind:article").Select(h => h.DocumentKind.ToName()).Distinct());
        Assert.All(Search("電池 after:2025"), h => Assert.Equal(_article.Info.Id, h.DocumentId));
        Assert.All(Search("電池 before:2023"), h => Assert.Equal(_report.Info.Id, h.DocumentId));
        Assert.Empty(Search("電池 before:2022"));
        var area = Search("中国 area:2.3.5");
        Assert.Single(area);
        Assert.Contains("量子鍵配送", area[0].Snippet);
        Assert.Contains("固体電池", Search("中国 area:2.1.1").Single().Snippet);
        Assert.Contains("量子鍵配送", Search("中国 area:2.3").Single().Snippet);
        Assert.Empty(Search("中国 area:2.1.10"));
        Assert.Single(Search("中国 section:国際比較 area:2.1"));
        Assert.Equal(2, Search("電池 doc:" + _report.Info.Id.Value[..8]).Count);
        Assert.Equal(2, Search("電池 doc:report").Count);
        Assert.Single(Search("電池 doc:ロードマップ"));
    }

    [Fact]
    public void Hit_CarriesSectionPathOriginalLinesAndScore()
    {
        var hit = Search("量子鍵配送").Single();
        Assert.Equal("2.3.5 量子コンピューティング › (7) 国際比較", hit.SectionPath);
        Assert.Equal(4, hit.Provenance.Line);
        Assert.Equal(4, hit.Provenance.EndLine);
        Assert.True(hit.Score > 0);
        Assert.Equal($"{_report.Info.Id.Short}-3", hit.PassageId);
    }

    [Fact]
    public void Highlights_PointAtTheMatchedTextInPassageSnippetAndSource()
    {
        var hit = Search("加圧 ＫＰＩ").Single();
        Assert.Equal(2, hit.Highlights.Count);
        var passage = _article.Passages[2];
        foreach (var h in hit.Highlights)
        {
            var inPassage = passage.Text[h.Start..h.End];
            Assert.Equal(inPassage, hit.Snippet[h.SnippetStart..h.SnippetEnd]);
            Assert.Equal(inPassage, _article.Source.Text[h.SourceStart..h.SourceEnd]);
        }
        Assert.Equal(["加圧", "KPI"], hit.Highlights.Select(h => passage.Text[h.Start..h.End]));
        Assert.Equal("無<mark>加圧</mark>での動作が注目すべき<mark>KPI</mark>です。", hit.SnippetHtml);
    }

    [Fact]
    public void Highlights_MapThroughRepairedText_ToOriginalLines()
    {
        // A PDF-style wrap: the passage joins two source lines without the newline.
        var text = "前文\n全固体電池の加圧条\n件が重要である。\n";
        var source = new SourceText(text);
        var id = DocumentId.FromContent("wrapped"u8);
        var b = new MappedTextBuilder();
        b.Append(text.AsSpan(3, 9), 3).Append(text.AsSpan(13, 8), 13);
        var (ptext, map) = b.Build();
        var passage = new Passage(id, 0, PassageKind.Paragraph, ptext, null, "", Provenance.Of(id, source, map.ToSource(0, ptext.Length)), map);
        var info = SearchTestCorpus.Document("wrapped.txt", DocumentKind.Report, null, "x", ("1", "1", "x")).Info with { Id = id };
        _index.Add(info, [passage]);

        var hit = Search("加圧条件").Single();
        var h = hit.Highlights.Single();
        Assert.Equal("加圧条件", ptext[h.Start..h.End]);
        Assert.Equal("加圧条\n件", text[h.SourceStart..h.SourceEnd]);
        Assert.Equal((2, 3), (source.LineOf(h.SourceStart), source.LineOf(h.SourceEnd - 1)));
        Assert.Equal((2, 3), (hit.Provenance.Line, hit.Provenance.EndLine));
    }

    [Fact]
    public void Snippet_IsAWindowAroundTheMatches_WithEllipses()
    {
        var filler = string.Concat(Enumerable.Repeat("これは関係のない文章です。", 30));
        var doc = SearchTestCorpus.Document("long.txt", DocumentKind.Other, null, "長文",
            ("1", "1 長文", filler + "ここで歩留まりが課題になる。" + filler));
        _index.Add(doc.Info, doc.Passages);
        var hit = Search("歩留まり").Single();
        Assert.StartsWith("…", hit.Snippet);
        Assert.EndsWith("…", hit.Snippet);
        Assert.InRange(hit.Snippet.Length, 100, 130);
        var h = hit.Highlights.Single();
        Assert.Equal("歩留まり", hit.Snippet[h.SnippetStart..h.SnippetEnd]);
    }

    [Fact]
    public void ReIngest_ReplacesEntries_AndRemoveLeavesNothing()
    {
        Assert.Single(Search("バックサイド"));
        var v2 = SearchTestCorpus.Document("article.md", DocumentKind.Article, new DateOnly(2026, 1, 20), "改訂版",
            ("3", "3. 半導体", "裏面電源の実装が課題です。"));
        // Same document id, new content: nothing of the old passages may remain.
        _index.Add(_article.Info, v2.Passages.Select(p => p with { Document = _article.Info.Id, Source = p.Source with { Document = _article.Info.Id } }).ToList());
        Assert.Empty(Search("バックサイド"));
        Assert.Empty(Search("フィジカルAI"));
        Assert.Single(Search("裏面電源"));
        _index.Remove(_article.Info.Id);
        Assert.Empty(Search("裏面電源"));
        Assert.Empty(Search("電池 kind:article"));
        Assert.Equal(_report.Passages.Count, _index.PassageCount());
    }

    [Fact]
    public void AddInCallersTransaction_RollsBackWithIt()
    {
        var doc = SearchTestCorpus.Document("rolled.txt", DocumentKind.Other, null, "x", ("1", "1", "ロールバックされる段落。"));
        using (var tx = _connection.BeginTransaction())
        {
            _index.Add(doc.Info, doc.Passages, tx);
            Assert.Single(_index.Search(SearchQueryParser.Parse("ロールバック"), SearchOptions.Default, tx));
            tx.Rollback();
        }
        Assert.Empty(Search("ロールバック"));
    }

    [Fact]
    public void LoneCharacter_MatchesAtTheStartOfLongerRuns()
    {
        var hit = Search("熱").Single();
        Assert.Equal("熱", hit.Snippet[hit.Highlights[0].SnippetStart..hit.Highlights[0].SnippetEnd]);
    }

    [Fact]
    public void Related_FindsPassagesSharingDistinctiveTerms_NotItself()
    {
        var self = _report.Passages[1];
        var related = _index.Related(self.Id, 5);
        Assert.NotEmpty(related);
        Assert.DoesNotContain(related, h => h.PassageId == self.Id);
        Assert.Contains(related, h => h.Snippet.Contains("全固体電池"));
        Assert.Empty(_index.Related("nope-1", 5));
    }

    [Fact]
    public void IndexBuiltWithAnotherAnalyzer_AsksForReindex()
    {
        var other = new SqliteSearchIndex(_connection, new RenamedAnalyzer());
        var e = Assert.Throws<InvalidOperationException>(() => other.Search(SearchQueryParser.Parse("電池"), SearchOptions.Default));
        Assert.Contains("reindex", e.Message);
        other.Clear();
        Assert.Empty(other.Search(SearchQueryParser.Parse("電池"), SearchOptions.Default));
    }

    private sealed class RenamedAnalyzer : ISearchAnalyzer
    {
        private readonly BigramAnalyzer _inner = new();
        public string Name => "renamed";
        public void Analyze(ReadOnlySpan<char> text, TokenBuffer output) => _inner.Analyze(text, output);
    }
}
