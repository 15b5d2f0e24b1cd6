using Fukan.Model;
using Fukan.Search;
using Xunit;

namespace Fukan.Tests.Search;

public sealed class SearchQueryParserTests
{
    [Fact]
    public void Terms_AreAllRequired()
    {
        var q = SearchQueryParser.Parse("全固体電池　加圧");
        Assert.Equal(["全固体電池", "加圧"], q.Clauses.Select(c => c.Alternatives.Single().Text));
    }

    [Fact]
    public void QuotedPhrase_OrAndExclusion()
    {
        var q = SearchQueryParser.Parse("\"バックサイド 電源\" 量子 OR 蓄電 -中国 -\"韓国 基礎\"");
        Assert.Equal(2, q.Clauses.Count);
        Assert.True(q.Clauses[0].Alternatives[0].Quoted);
        Assert.Equal("バックサイド 電源", q.Clauses[0].Alternatives[0].Text);
        Assert.Equal(["量子", "蓄電"], q.Clauses[1].Alternatives.Select(a => a.Text));
        Assert.Equal(["中国", "韓国 基礎"], q.Excluded.Select(e => e.Text));
    }

    [Fact]
    public void Filters_AreParsed()
    {
        var q = SearchQueryParser.Parse("量子 area:2.3.5 section:国際比較 kind:report doc:001 after:2023 before:2025-06");
        Assert.Equal(["2.3.5"], q.Filters.Areas);
        Assert.Equal(["国際比較"], q.Filters.Sections);
        Assert.Equal([DocumentKind.Report], q.Filters.Kinds);
        Assert.Equal(["001"], q.Filters.Documents);
        Assert.Equal(new DateOnly(2023, 1, 1), q.Filters.After);
        Assert.Equal(new DateOnly(2025, 6, 30), q.Filters.Before);
    }

    [Fact]
    public void QuotedFilterValue_AndFullWidthColon()
    {
        var q = SearchQueryParser.Parse("電池 section：\"(7) 国際比較\"");
        Assert.Equal(["(7) 国際比較"], q.Filters.Sections);
    }

    [Theory]
    [InlineData("", "empty query")]
    [InlineData("\"全固体", "unclosed quote")]
    [InlineData("OR 電池", "OR must follow a search term")]
    [InlineData("電池 OR", "ends with OR")]
    [InlineData("電池 OR OR 量子", "OR follows OR")]
    [InlineData("電池 color:red", "unknown filter 'color:'")]
    [InlineData("電池 kind:novel", "kind: must be report, minutes, article or other")]
    [InlineData("電池 after:yesterday", "after: expects a date")]
    [InlineData("電池 after:2025 before:2024", "is later than before:")]
    [InlineData("kind:report", "no search terms")]
    [InlineData("-電池", "no search terms")]
    [InlineData("電池 - 量子", "'-' must be followed")]
    [InlineData("電池 section:", "section: needs a value")]
    public void BadQuery_ThrowsOneLineMessage(string query, string expected)
    {
        var e = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(query));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
