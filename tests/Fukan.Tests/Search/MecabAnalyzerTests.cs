using Fukan.Model;
using Fukan.Search;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Search;

/// <summary>
/// Runs where libmecab and a dictionary are installed. Elsewhere it is reported as skipped with the reason — except
/// when FUKAN_REQUIRE_MECAB=1 (./test.sh sets it after installing MeCab, as CI does): then a missing MeCab fails.
/// </summary>
public sealed class MecabAnalyzerTests
{
    private static MecabAnalyzer Mecab()
    {
        var mecab = MecabAnalyzer.TryCreate(out var reason);
        if (mecab is null && Environment.GetEnvironmentVariable("FUKAN_REQUIRE_MECAB") == "1")
            Assert.Fail($"MeCab is required here (FUKAN_REQUIRE_MECAB=1) but unavailable: {reason}");
        if (mecab is null) Assert.Skip(reason ?? "mecab unavailable");
        return mecab;
    }

    [Fact]
    public void Morphemes_KeepOriginalOffsets_AndLatinStaysWords()
    {
        using var mecab = Mecab();
        var buffer = new TokenBuffer();
        var text = "ＡＩが歩留まりを改善した";
        mecab.Analyze(text, buffer);
        var terms = Enumerable.Range(0, buffer.Count).Select(buffer.TermString).ToList();
        Assert.Equal("ai", terms[0]);
        Assert.Contains("歩留まり", terms);
        for (int i = 0; i < buffer.Count; i++)
        {
            var t = buffer[i];
            Assert.Equal(buffer.TermString(i), text[t.SourceStart..t.SourceEnd].Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant());
            Assert.Equal(i, t.Position);
        }
    }

    [Fact]
    public void MecabIndex_FindsWordsAndHighlightsThem()
    {
        using var mecab = Mecab();
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        var index = new SqliteSearchIndex(c, mecab);
        var doc = SearchTestCorpus.Document("m.txt", DocumentKind.Report, null, "t", ("1", "1 概要", "半導体の歩留まりが課題になる。"), ("1", "1 概要", "電池の寿命。"));
        index.Add(doc.Info, doc.Passages);
        var hit = index.Search(SearchQueryParser.Parse("歩留まり 課題"), SearchOptions.Default).Single();
        Assert.Equal(["歩留まり", "課題"], hit.Highlights.Select(h => hit.Snippet[h.SnippetStart..h.SnippetEnd]));
    }
}
