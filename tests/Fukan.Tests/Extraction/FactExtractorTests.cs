using System.Text.Json;
using Fukan.Extraction;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

public class FactExtractorTests
{
    private const string Source = "# 見出し\n予算は18.5億ユーロ。2025年後半に量産を開始し、25〜30%の消費電力削減を狙う。\n";

    /// <summary>A passage over line 2 of <see cref="Source"/> with an identity map, as the structure stage would build it.</summary>
    private static ExtractionContext Context(out SourceText source)
    {
        source = new SourceText(Source);
        var id = DocumentId.FromContent("x"u8);
        int start = source.LineStart(2), end = source.LineEnd(2);
        var passage = new Passage(id, 0, PassageKind.Paragraph, Source[start..end], null, "", Provenance.Of(id, source, new CharSpan(start, end)),
            OffsetMap.Identity(start, end - start));
        var info = new DocumentInfo(id, "doc.md", "doc", DocumentKind.Article, null, "ja", Source.Length, "markdown", "utf-8",
            new Dictionary<string, IReadOnlyList<string>>(), 1, 1, DateTimeOffset.UnixEpoch);
        return new ExtractionContext(info, source, [], [passage]);
    }

    [Fact]
    public void QuantityExtractor_FactsPointAtTheirSourceCharacters()
    {
        var context = Context(out var source);
        var facts = new List<Fact>();
        new QuantityExtractor().Extract(context, facts);

        Assert.Equal(2, facts.Count);
        var money = Assert.IsType<QuantityFact>(facts[0]);
        Assert.Equal("quantity", money.Kind);
        Assert.Equal(1850000000m, money.Value);
        Assert.Equal("EUR", money.Unit);
        Assert.Equal("予算", money.Subject);
        Assert.Equal(2, money.Source.Line);
        Assert.Equal("18.5億ユーロ", source.Text[money.Source.Span.Start..money.Source.Span.End]);

        var range = Assert.IsType<QuantityFact>(facts[1]);
        Assert.Equal(25m, range.Value);
        Assert.Equal(30m, range.ValueMax);
        Assert.Equal("消費電力削減", range.Subject);
        Assert.Equal("25〜30%", source.Text[range.Source.Span.Start..range.Source.Span.End]);
    }

    [Fact]
    public void DateExtractor_FactsPointAtTheirSourceCharacters()
    {
        var context = Context(out var source);
        var facts = new List<Fact>();
        new DateExtractor().Extract(context, facts);

        var date = Assert.IsType<DateFact>(Assert.Single(facts));
        Assert.Equal("date", date.Kind);
        Assert.Equal(new DateOnly(2025, 7, 1), date.Start);
        Assert.Equal(new DateOnly(2025, 12, 31), date.End);
        Assert.Equal(DatePrecision.Half, date.Precision);
        Assert.Equal("2025年後半", source.Text[date.Source.Span.Start..date.Source.Span.End]);
    }

    [Fact]
    public void Facts_SerialiseToTheContract()
    {
        var context = Context(out _);
        var facts = new List<Fact>();
        new QuantityExtractor().Extract(context, facts);
        new DateExtractor().Extract(context, facts);

        using var q = JsonDocument.Parse(JsonSerializer.Serialize(facts[0], facts[0].GetType(), FukanJson.Options));
        var qr = q.RootElement;
        Assert.Equal("kind", qr.EnumerateObject().First().Name);
        Assert.Equal("quantity", qr.GetProperty("kind").GetString());
        Assert.Equal("18.5億ユーロ", qr.GetProperty("text").GetString());
        Assert.Equal(1850000000m, qr.GetProperty("value").GetDecimal());
        Assert.Equal("1850000000", qr.GetProperty("value").GetRawText());
        Assert.Equal(JsonValueKind.Null, qr.GetProperty("valueMax").ValueKind);
        Assert.Equal("EUR", qr.GetProperty("unit").GetString());
        Assert.False(qr.GetProperty("approximate").GetBoolean());
        Assert.Equal(JsonValueKind.Null, qr.GetProperty("bound").ValueKind);
        Assert.Equal("予算", qr.GetProperty("subject").GetString());
        Assert.Equal(2, qr.GetProperty("provenance").GetProperty("line").GetInt32());

        var bounded = QuantityFact.From(new QuantityParser().Parse("75%以上")[0], facts[0].Source);
        using var b = JsonDocument.Parse(JsonSerializer.Serialize(bounded, FukanJson.Options));
        Assert.Equal("min", b.RootElement.GetProperty("bound").GetString());

        using var d = JsonDocument.Parse(JsonSerializer.Serialize(facts[2], facts[2].GetType(), FukanJson.Options));
        var dr = d.RootElement;
        Assert.Equal("date", dr.GetProperty("kind").GetString());
        Assert.Equal("2025-07-01", dr.GetProperty("start").GetString());
        Assert.Equal("2025-12-31", dr.GetProperty("end").GetString());
        Assert.Equal("half", dr.GetProperty("precision").GetString());

        var fiscal = DateFact.From(new DateParser().Parse("2030年以降の2022年度")[1], facts[2].Source);
        Assert.Equal("fiscalYear", JsonDocument.Parse(JsonSerializer.Serialize(fiscal, FukanJson.Options)).RootElement.GetProperty("precision").GetString());
        var open = DateFact.From(new DateParser().Parse("2030年以降")[0], facts[2].Source);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(JsonSerializer.Serialize(open, FukanJson.Options)).RootElement.GetProperty("end").ValueKind);
    }
}
