using System.Globalization;
using Fukan.Extraction.Quantities;
using Xunit;

namespace Fukan.Tests.Extraction;

public class QuantityParserTests
{
    private static readonly QuantityParser Parser = new();

    private static QuantityMatch Single(string text)
    {
        var matches = Parser.Parse(text);
        Assert.True(matches.Count == 1, $"expected one quantity in 「{text}」, got {matches.Count}: {string.Join(" | ", matches.Select(m => m.Text))}");
        Assert.Equal(text.Substring(matches[0].Span.Start, matches[0].Span.Length), matches[0].Text);
        return matches[0];
    }

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("予算として7500万ドルを計上", "7500万ドル", "75000000", "USD")]
    [InlineData("BATT4EUに18.5億ユーロ。", "18.5億ユーロ", "1850000000", "EUR")]
    [InlineData("総額三千億円の基金", "三千億円", "300000000000", "JPY")]
    [InlineData("1,000億円の投資", "1,000億円", "100000000000", "JPY")]
    [InlineData("１，０００億円の投資", "１，０００億円", "100000000000", "JPY")]
    [InlineData("予算規模は209百万ドル。", "209百万ドル", "209000000", "USD")]
    [InlineData("2021年度には7億9,300万ドルが計上", "7億9,300万ドル", "793000000", "USD")]
    [InlineData("研究費は19兆7,408億円である", "19兆7,408億円", "19740800000000", "JPY")]
    [InlineData("約4万8千人の研究者", "約4万8千人", "48000", "人")]
    [InlineData("313億元を支援", "313億元", "31300000000", "CNY")]
    [InlineData("58億ポンドを投資", "58億ポンド", "5800000000", "GBP")]
    [InlineData("250億SGDの投資", "250億SGD", "25000000000", "SGD")]
    [InlineData("総額$1.5 billionと想定", "$1.5 billion", "1500000000", "USD")]
    [InlineData("a grant of $75 million was", "$75 million", "75000000", "USD")]
    [InlineData("it pledged 1.5 billion euros to", "1.5 billion euros", "1500000000", "EUR")]
    [InlineData("a €20m fund", "€20m", "20000000", "EUR")]
    [InlineData("USD 5 billion", "USD 5 billion", "5000000000", "USD")]
    [InlineData("a $1.2T market", "$1.2T", "1200000000000", "USD")]
    [InlineData("invest 3 trillion yen", "3 trillion yen", "3000000000000", "JPY")]
    [InlineData("2 セント/kWh", "2 セント", "0.02", "USD")]
    public void Parse_Money_IsScaledToIso4217(string text, string surface, string value, string unit)
    {
        var m = Single(text);
        Assert.StartsWith(surface, m.Text);
        Assert.Equal(D(value), m.Value);
        Assert.Equal(unit, m.Unit);
    }

    [Theory]
    [InlineData("TSMCのN2（2nmプロセス）", "2", "nm")]
    [InlineData("1200GW以上にする", "1200", "GW")]
    [InlineData("500 Wh/kgを超える", "500", "Wh/kg")]
    [InlineData("3,860 mAh/gの理論容量", "3860", "mAh/g")]
    [InlineData("100 kWhの蓄電池", "100", "kWh")]
    [InlineData("60 °Cで動作", "60", "°C")]
    [InlineData("500℃以上の高温", "500", "°C")]
    [InlineData("6800 kmの水素パイプライン", "6800", "km")]
    [InlineData("200 mmウェハ", "200", "mm")]
    [InlineData("5 μmの薄膜", "5", "μm")]
    [InlineData("1.113 cm2のセル", "1.113", "cm2")]
    [InlineData("数気圧ではなく1気圧で", "1", "atm")]
    [InlineData("「10分充電」を繰り返す", "10", "min")]
    [InlineData("極低温（4 K程度）まで", "4", "K")]
    [InlineData("32量子ビットのコンピュータ", "32", "qubit")]
    [InlineData("30歳以上の研究者", "30", "歳")]
    [InlineData("1,200 employees", "1200", "人")]
    [InlineData("100兆倍に向上", "100000000000000", "x")]
    [InlineData("1 Pa（100万分の1気圧）", "1", "Pa")]
    [InlineData("10－3S/cm台のイオン伝導度", "0.001", "S/cm")]
    [InlineData("10−3 S/cm近いイオン伝導", "0.001", "S/cm")]
    public void Parse_PhysicalUnits_AreShortSymbols(string text, string value, string unit)
    {
        var m = Parser.Parse(text)[0];
        Assert.Equal(D(value), m.Value);
        Assert.Equal(unit, m.Unit);
    }

    [Fact]
    public void Parse_Fraction_IsTheQuotient()
    {
        var m = Parser.Parse("1 Pa（100万分の1気圧）以下")[1];
        Assert.Equal("100万分の1気圧", m.Text);
        Assert.Equal(0.000001m, m.Value);
        Assert.Equal(QuantityBound.Max, m.Bound); // the bound after the parenthesis covers both values
    }

    [Theory]
    [InlineData("同等の消費電力で10〜15%の性能向上", "10〜15%", "10", "15", false)]
    [InlineData("同等の性能で25–30%の消費電力削減", "25–30%", "25", "30", false)]
    [InlineData("SOTAは約20〜30%程度", "約20〜30%程度", "20", "30", true)]
    [InlineData("GDP が 0.2~1.3% 上昇", "0.2~1.3%", "0.2", "1.3", false)]
    [InlineData("50～70億ユーロの累積経済効果", "50～70億ユーロ", "5000000000", "7000000000", false)]
    [InlineData("100V～600Vでも", "100V～600V", "100", "600", false)]
    [InlineData("4.0～4.5 Vとなっている", "4.0～4.5 V", "4.0", "4.5", false)]
    [InlineData("600万ドルから1億ドル規模の研究機器", "600万ドルから1億ドル規模", "6000000", "100000000", true)]
    [InlineData("$15,000,000 ～ $25,000,000の予算", "$15,000,000 ～ $25,000,000", "15000000", "25000000", false)]
    [InlineData("過去10年で1.2～1.7倍に増加", "1.2～1.7倍", "1.2", "1.7", false)]
    [InlineData("1.5～4割程度", "1.5～4割程度", "15", "40", true)]
    public void Parse_Range_KeepsBothEndsAndApproximation(string text, string surface, string min, string max, bool approximate)
    {
        var m = Parser.Parse(text).Single(q => q.ValueMax is not null);
        Assert.Equal(surface, m.Text);
        Assert.Equal(D(min), m.Value);
        Assert.Equal(D(max), m.ValueMax);
        Assert.Equal(approximate, m.Approximate);
    }

    [Fact]
    public void Parse_ChangeFromTo_IsTwoValuesNotARange()
    {
        var m = Parser.Parse("現在の2.9億ドルから5.5億ドルへ引き上げる");
        Assert.Equal(2, m.Count);
        Assert.All(m, q => Assert.Null(q.ValueMax));
        Assert.Equal(290000000m, m[0].Value);
        Assert.Equal(550000000m, m[1].Value);
    }

    [Fact]
    public void Parse_UnitOnTheLeftOnly_IsNotARange()
    {
        var m = Parser.Parse("21カ国から165の機関が参加");
        Assert.Single(m);
        Assert.Equal(21m, m[0].Value);
        Assert.Null(m[0].ValueMax);
    }

    [Theory]
    [InlineData("75%以上の企業", QuantityBound.Min)]
    [InlineData("70億ドル超の投資", QuantityBound.Min)]
    [InlineData("65,000ヶ所を超える橋梁", QuantityBound.Min)]
    [InlineData("少なくとも120億米ドルを追加", QuantityBound.Min)]
    [InlineData("more than 50% of", QuantityBound.Min)]
    [InlineData("at least 3 GW", QuantityBound.Min)]
    [InlineData("低耐圧系（100V以下）", QuantityBound.Max)]
    [InlineData("5億ドル未満", QuantityBound.Max)]
    [InlineData("1,000億ドルまで拡大", QuantityBound.Max)]
    [InlineData("最大300万トン", QuantityBound.Max)]
    [InlineData("up to 10 GW", QuantityBound.Max)]
    [InlineData("less than 5 nm", QuantityBound.Max)]
    [InlineData("FinFET (〜3nm)", QuantityBound.Max)]
    [InlineData("GAA (2nm〜)", QuantityBound.Min)]
    [InlineData("これが**50%**を超えた時", QuantityBound.Min)]
    [InlineData("2割以上縮小", QuantityBound.Min)]
    public void Parse_OneSidedBound_IsMinOrMax(string text, QuantityBound bound) =>
        Assert.Equal(bound, Single(text).Bound);

    [Theory]
    [InlineData("約40兆ウォン投資予定", "40000000000000", "KRW")]
    [InlineData("およそ390億ドルは", "39000000000", "USD")]
    [InlineData("2万人程度の留学生", "20000", "人")]
    [InlineData("about 40 countries", "40", "カ国")]
    [InlineData("20年近く見てきた", "20", "yr")]
    [InlineData("2,000億ドル規模の工場建設計画", "200000000000", "USD")]
    public void Parse_Approximation_IsFlagged(string text, string value, string unit)
    {
        var m = Single(text);
        Assert.True(m.Approximate);
        Assert.Equal(D(value), m.Value);
        Assert.Equal(unit, m.Unit);
    }

    [Theory]
    [InlineData("年間予算2400万ドル。", "予算", "year")]
    [InlineData("予算規模は209百万ドル。", "予算規模", null)]
    [InlineData("同等の性能で25〜30%の消費電力削減が見込まれる", "消費電力削減", null)]
    [InlineData("エネルギー密度 500 Wh/kg", "エネルギー密度", null)]
    [InlineData("民間企業が約40兆ウォン投資予定", "投資予定", null)]
    [InlineData("GDP が 0.2~1.3% 上昇する", "GDP", null)]
    [InlineData("NSF予算1,600万ドル/年は", "NSF予算", "year")]
    [InlineData("年間20億ポンドの研究開発", "研究開発", "year")]
    [InlineData("月産2万枚のウエハ", "ウエハ", "month")]
    [InlineData("水素コスト30円/Nm3を目標", "水素コスト", "Nm3")]
    [InlineData("欧州では年間予算1.2億ユーロの実証計画が始まる", "実証計画", "year")]
    public void Parse_Subject_AndPeriod_AreFound(string text, string subject, string? per)
    {
        var m = Single(text);
        Assert.Equal(subject, m.Subject);
        Assert.Equal(per, m.Per);
    }

    [Theory]
    [InlineData("2023年に開始")]                 // a date, not a quantity
    [InlineData("２０２３年に開始")]
    [InlineData("二〇二三年に開始")]
    [InlineData("令和8年2月12日")]
    [InlineData("2.1.1 蓄電デバイス")]           // section number
    [InlineData("1.3.3に記載している")]
    [InlineData("（図1.2.4–11）")]
    [InlineData("1. 開会\n2. 事務局説明")]        // list markers
    [InlineData(" - (1) 小野田大臣挨拶")]
    [InlineData("CO2 分離回収技術")]              // chemical formulas
    [InlineData("LiPF6やLi2S–P2S5")]
    [InlineData("H2O 分子")]
    [InlineData("一つの方法、一方で、一部の企業")] // 一 inside words
    [InlineData("十数社が参画")]                   // vague
    [InlineData("数百気圧もの圧力、数気圧〜無加圧")]
    [InlineData("数秒〜数十秒を要する")]
    [InlineData("十分な性能")]
    [InlineData("1分子計測、4分野")]
    [InlineData("16時30分～18時30分")]             // a time of day
    [InlineData("第3回会合、第1期計画")]
    [InlineData("COVID–19パンデミック、COVID-19")]
    [InlineData("4K映像、5G通信")]
    [InlineData("3つの技術、12の研究開発")]      // no unit
    [InlineData("2026-01-20 00:18:29")]
    [InlineData("Battery500 Phase2、RIE2025")]
    [InlineData("$ 1, 200, 000 ～ $1,8000,000")] // broken grouping: no trustworthy value
    public void Parse_NotAQuantity_YieldsNothing(string text) => Assert.Empty(Parser.Parse(text));

    [Theory]
    [InlineData("99999999999999999999999999999兆円")]
    [InlineData("999999999999999999999999999999999999999999円")]
    [InlineData("79228162514264337593543950335億ドル")]
    [InlineData("九九九九九九九九九九九九九九九九九九億円")]
    public void Parse_Overflow_YieldsNoFactAndNoCrash(string text) => Assert.Empty(Parser.Parse(text));

    [Theory]
    [InlineData("10年以上にわたり", "10", QuantityBound.Min)]
    [InlineData("5年間で配分", "5", null)]
    [InlineData("今後10年は", "10", null)]
    [InlineData("実用化から20年、", "20", null)]
    public void Parse_YearsAsDuration_AreQuantities(string text, string value, QuantityBound? bound)
    {
        var m = Single(text);
        Assert.Equal("yr", m.Unit);
        Assert.Equal(D(value), m.Value);
        Assert.Equal(bound, m.Bound);
    }

    [Fact]
    public void Parse_LetterSpacedUnit_IsRead()
    {
        var m = Single("構 築 に20億 ユ ー ロの 助 成");
        Assert.Equal("20億 ユ ー ロ", m.Text);
        Assert.Equal("EUR", m.Unit);
    }

    [Fact]
    public void Parse_NumberCutAtTheEnd_HasNoTrustworthyValue() =>
        // A line break cut 2兆7,655億円 after its last digit: neither 2兆 nor 2兆7655 is right.
        Assert.Empty(Parser.Parse("「情報通信」は2兆7,655"));

    [Fact]
    public void Parse_MatchesAreOrderedAndInsideTheText()
    {
        const string text = "2030年までに400億ドル、年間200億ユーロ、10〜15%の性能向上、約40兆ウォン。";
        var matches = Parser.Parse(text);
        Assert.Equal(4, matches.Count);
        for (int i = 0; i < matches.Count; i++)
        {
            Assert.InRange(matches[i].Span.Start, 0, text.Length);
            Assert.InRange(matches[i].Span.End, matches[i].Span.Start + 1, text.Length);
            Assert.Equal(text[matches[i].Span.Start..matches[i].Span.End], matches[i].Text);
            if (i > 0) Assert.True(matches[i].Span.Start >= matches[i - 1].Span.End);
        }
    }
}
