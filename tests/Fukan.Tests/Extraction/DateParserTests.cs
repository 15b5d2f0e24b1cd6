using System.Globalization;
using Fukan.Extraction.Dates;
using Xunit;

namespace Fukan.Tests.Extraction;

public class DateParserTests
{
    private static readonly DateParser Parser = new();

    private static DateOnly? D(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateMatch Single(string text)
    {
        var matches = Parser.Parse(text);
        Assert.True(matches.Count == 1, $"expected one date in 「{text}」, got {matches.Count}: {string.Join(" | ", matches.Select(m => m.Text))}");
        Assert.Equal(text.Substring(matches[0].Span.Start, matches[0].Span.Length), matches[0].Text);
        return matches[0];
    }

    [Theory]
    [InlineData("date: 2026-01-20", "2026-01-20", "2026-01-20", "2026-01-20", DatePrecision.Day)]
    [InlineData("date: 2026-01-20 00:18:29", "2026-01-20 00:18:29", "2026-01-20", "2026-01-20", DatePrecision.Day)]
    [InlineData("date: 2025-12-21 02:31:31 +0000", "2025-12-21 02:31:31 +0000", "2025-12-21", "2025-12-21", DatePrecision.Day)]
    [InlineData("2021年11月に成立", "2021年11月", "2021-11-01", "2021-11-30", DatePrecision.Month)]
    [InlineData("2024年2月に開始", "2024年2月", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2022年4月11日に公表", "2022年4月11日", "2022-04-11", "2022-04-11", DatePrecision.Day)]
    [InlineData("2025年のロードマップ", "2025年", "2025-01-01", "2025-12-31", DatePrecision.Year)]
    [InlineData("２０２３年の計画", "２０２３年", "2023-01-01", "2023-12-31", DatePrecision.Year)]
    [InlineData("二〇二三年の計画", "二〇二三年", "2023-01-01", "2023-12-31", DatePrecision.Year)]
    [InlineData("2023 年予算教書", "2023 年", "2023-01-01", "2023-12-31", DatePrecision.Year)]
    [InlineData("2025年後半に予定", "2025年後半", "2025-07-01", "2025-12-31", DatePrecision.Half)]
    [InlineData("2025年前半", "2025年前半", "2025-01-01", "2025-06-30", DatePrecision.Half)]
    [InlineData("2025年上期の決算", "2025年上期", "2025-01-01", "2025-06-30", DatePrecision.Half)]
    [InlineData("2025年下期の決算", "2025年下期", "2025-07-01", "2025-12-31", DatePrecision.Half)]
    [InlineData("2025年度上期", "2025年度上期", "2025-04-01", "2025-09-30", DatePrecision.Half)]
    [InlineData("2025年第3四半期", "2025年第3四半期", "2025-07-01", "2025-09-30", DatePrecision.Quarter)]
    [InlineData("2025年度第1四半期", "2025年度第1四半期", "2025-04-01", "2025-06-30", DatePrecision.Quarter)]
    [InlineData("revenue in Q3 2025 rose", "Q3 2025", "2025-07-01", "2025-09-30", DatePrecision.Quarter)]
    [InlineData("shipments in H2 2025", "H2 2025", "2025-07-01", "2025-12-31", DatePrecision.Half)]
    [InlineData("2022年度の予算", "2022年度", "2022-04-01", "2023-03-31", DatePrecision.FiscalYear)]
    [InlineData("平成23年度補正予算", "平成23年度", "2011-04-01", "2012-03-31", DatePrecision.FiscalYear)]
    [InlineData("令和元年度", "令和元年度", "2019-04-01", "2020-03-31", DatePrecision.FiscalYear)]
    [InlineData("2022年会計年度は", "2022年会計年度", "2022-04-01", "2023-03-31", DatePrecision.FiscalYear)]
    [InlineData("budget for FY2025", "FY2025", "2025-04-01", "2026-03-31", DatePrecision.FiscalYear)]
    [InlineData("2025年3月期決算", "2025年3月期", "2024-04-01", "2025-03-31", DatePrecision.FiscalYear)]
    [InlineData("between 2020 and 2025", "2020 and 2025", "2020-01-01", "2025-12-31", DatePrecision.Period)]
    [InlineData("日時：令和8年2月12日（木）16時30分～18時30分", "令和8年2月12日", "2026-02-12", "2026-02-12", DatePrecision.Day)]
    [InlineData("in March 2024 the", "March 2024", "2024-03-01", "2024-03-31", DatePrecision.Month)]
    [InlineData("on March 5, 2024 the", "March 5, 2024", "2024-03-05", "2024-03-05", DatePrecision.Day)]
    [InlineData("on 5 March 2024 the", "5 March 2024", "2024-03-05", "2024-03-05", DatePrecision.Day)]
    [InlineData("expected in 2025.", "2025", "2025-01-01", "2025-12-31", DatePrecision.Year)]
    [InlineData("1990年代に入り", "1990年代", "1990-01-01", "1999-12-31", DatePrecision.Period)]
    [InlineData("19世紀に発見", "19世紀", "1801-01-01", "1900-12-31", DatePrecision.Period)]
    [InlineData("3月上旬", null, null, null, DatePrecision.Period)]
    public void Parse_AbsoluteDate_HasFirstAndLastDay(string text, string? surface, string? start, string? end, DatePrecision precision)
    {
        if (surface is null)
        {
            Assert.Empty(Parser.Parse(text)); // no year: nothing to anchor it
            return;
        }
        var m = Single(text);
        Assert.Equal(surface, m.Text);
        Assert.Equal(D(start), m.Start);
        Assert.Equal(D(end), m.End);
        Assert.Equal(precision, m.Precision);
    }

    [Theory]
    [InlineData("2020年1月～2023年6月の期間", "2020年1月～2023年6月", "2020-01-01", "2023-06-30")]
    [InlineData("計画（2021–2035年）", "2021–2035年", "2021-01-01", "2035-12-31")]
    [InlineData("（2013～2022）", "2013～2022", "2013-01-01", "2022-12-31")]
    [InlineData("2021年から2025年にかけて", "2021年から2025年にかけて", "2021-01-01", "2025-12-31")]
    [InlineData("2016～2027年度", "2016～2027年度", "2016-04-01", "2028-03-31")]
    [InlineData("（2021～25年度）", "2021～25年度", "2021-04-01", "2026-03-31")]
    [InlineData("2020年1月～6月", "2020年1月～6月", "2020-01-01", "2020-06-30")]
    [InlineData("from 2020 to 2025", "from 2020 to 2025", "2020-01-01", "2025-12-31")]
    public void Parse_Period_SpansBothEnds(string text, string surface, string start, string end)
    {
        var m = Single(text);
        Assert.Equal(surface, m.Text);
        Assert.Equal(D(start), m.Start);
        Assert.Equal(D(end), m.End);
        Assert.Equal(DatePrecision.Period, m.Precision);
    }

    [Theory]
    [InlineData("2030年以降へ後ろ倒し", "2030年以降", "2030-01-01", null)]
    [InlineData("2030年過ぎには", "2030年過ぎ", "2031-01-01", null)]
    [InlineData("（2021～）", "2021～", "2021-01-01", null)]
    [InlineData("2024年から月産", "2024年から", "2024-01-01", null)]
    [InlineData("since 2020 the", "since 2020", "2020-01-01", null)]
    [InlineData("after 2025 the", "after 2025", "2026-01-01", null)]
    [InlineData("2025年まで", "2025年まで", null, "2025-12-31")]
    [InlineData("2050年までに", "2050年までに", null, "2050-12-31")]
    [InlineData("令和元年度まで", "令和元年度まで", null, "2020-03-31")]
    [InlineData("（～2023年）", "～2023年", null, "2023-12-31")]
    [InlineData("by 2027 the", "by 2027", null, "2027-12-31")]
    [InlineData("before 2030", "before 2030", null, "2029-12-31")]
    [InlineData("2012年以前", "2012年以前", null, "2012-12-31")]
    [InlineData("2035年ごろまでは", "2035年ごろまで", null, "2035-12-31")]
    public void Parse_OpenEnded_HasOneEnd(string text, string surface, string? start, string? end)
    {
        var m = Single(text);
        Assert.Equal(surface, m.Text);
        Assert.Equal(D(start), m.Start);
        Assert.Equal(D(end), m.End);
        Assert.Equal(DatePrecision.Open, m.Precision);
    }

    [Fact]
    public void Parse_SameYear_TakesTheYearLastNamed()
    {
        var m = Parser.Parse("2022年2月に開始し、同8月には拡大した。");
        Assert.Equal(2, m.Count);
        Assert.Equal(new DateOnly(2022, 8, 1), m[1].Start);
        Assert.Equal(DatePrecision.Month, m[1].Precision);
    }

    [Theory]
    [InlineData("2023年13月")]          // no such month
    [InlineData("2023年2月30日")]       // no such day
    [InlineData("2月30日")]
    [InlineData("令和1年4月1日")]       // before 令和 began
    [InlineData("2025-02-29")]
    [InlineData("第3四半期")]           // no year to anchor it
    [InlineData("テクノロジーロードマップ 2025")] // a title, not a date
    [InlineData("Battery 2030+の目標")]
    [InlineData("Horizon 2020の枠組み")]
    [InlineData("CRDS–FY2022–FR–03")]
    [InlineData("RIE2025では")]
    [InlineData("90年代")]
    [InlineData("10〜15%の性能向上、3,860 mAh/g")]
    [InlineData("2.1.1 蓄電デバイス")]
    [InlineData("16時30分～18時30分")]
    public void Parse_NotADate_YieldsNothing(string text) => Assert.Empty(Parser.Parse(text));

    [Fact]
    public void Spotter_GivesPrecisionNames()
    {
        const string text = "2025年にLi–S電池の、2027年度に全固体電池の実用化を目指す";
        var id = Fukan.Model.DocumentId.FromContent(System.Text.Encoding.UTF8.GetBytes(text));
        var source = new Fukan.Model.SourceText(text);
        var passage = new Fukan.Model.Passage(id, 0, Fukan.Model.PassageKind.Paragraph, text, null, "",
            Fukan.Model.Provenance.Of(id, source, new Fukan.Model.CharSpan(0, text.Length)), Fukan.Model.OffsetMap.Identity(0, text.Length));
        var info = new Fukan.Model.DocumentInfo(id, "t.txt", "t", Fukan.Model.DocumentKind.Other, null, "ja", text.Length, "text", "utf-8",
            new Dictionary<string, IReadOnlyList<string>>(), 0, 1, DateTimeOffset.UtcNow);
        var context = new Fukan.Extraction.ExtractionContext(info, source, [], [passage]);
        var spotted = new DateSpotter().Find(context, passage);
        Assert.Equal(2, spotted.Count);
        Assert.Equal("year", spotted[0].Precision);
        Assert.Equal("fiscalYear", spotted[1].Precision);
        Assert.Equal(new DateOnly(2027, 4, 1), spotted[1].From);
    }
}
