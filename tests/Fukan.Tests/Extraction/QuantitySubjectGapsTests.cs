using Fukan.Extraction;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Subjects and shapes the realistic documents (Expectations/documents) exposed: change figures in brackets after an
/// amount, subjects behind empty words, per-unit phrases and time phrases, table row labels, English counts without a
/// unit, and "from … to …" changes.
/// </summary>
public class QuantitySubjectGapsTests
{
    private static readonly QuantityParser Parser = new();

    private static QuantityMatch Find(string text, string expected)
    {
        var all = Parser.Parse(text);
        var m = all.FirstOrDefault(q => q.Text == expected);
        Assert.True(m is not null, $"「{expected}」 not found in 「{text}」: {string.Join(" | ", all.Select(q => q.Text))}");
        return m!;
    }

    [Theory]
    [InlineData("営業利益は96億5千万円（同8.1%減）となった。", "8.1%", "営業利益", "decrease")]
    [InlineData("売上高は1,284億円（前年同期比12.4%増）でした。", "12.4%", "売上高", "increase")]
    [InlineData("経常利益は40億円（前期比3億円増）となる見込み。", "3億円", "経常利益", "increase")]
    [InlineData("概算要求額は1兆2,345億円（対前年度1,102億円増）である。", "1,102億円", "概算要求額", "increase")]
    [InlineData("研究開発費は前年度比15～20%増の約380億円とする。", "15～20%", "研究開発費", "increase")]
    [InlineData("利益率は前年から1.6ポイント低下した。", "1.6ポイント", null, "decrease")]
    public void ChangeFigures_TakeTheChangedAmountsSubject(string text, string expected, string? subject, string change)
    {
        var m = Find(text, expected);
        if (subject is not null) Assert.Equal(subject, m.Subject);
        Assert.Equal(change, m.Change);
    }

    [Theory]
    [InlineData("売上高は1,284億円（前年同期比12.4%増）でした。", "1,284億円")]
    [InlineData("減価償却費は120億円である。", "120億円")]
    [InlineData("100億円減価償却の対象", "100億円")]
    public void Amounts_WithoutAChangeWord_HaveNoChange(string text, string expected) => Assert.Null(Find(text, expected).Change);

    [Fact]
    public void BracketedAside_IsNotAChange()
    {
        // 約30億円 in brackets after a noun (not after an amount) keeps its own reading.
        var m = Find("原材料価格の上昇（約30億円の影響）が響いた。", "約30億円");
        Assert.Equal("影響", m.Subject);
        Assert.Null(m.Change);
    }

    [Theory]
    [InlineData("3年間で総額約850億円を投資する計画です。", "約850億円", "投資")]
    [InlineData("年間配当は1株当たり62円を予定しています。", "62円", "配当")]
    [InlineData("配当1株あたり40円", "40円", "配当")]
    [InlineData("従業員数は2025年9月末時点で12,480名です。", "12,480名", "従業員数")]
    [InlineData("保有台数は2030年に5万台となる。", "5万台", "保有台数")]
    public void Subjects_FoundBehindEmptyWordsAndTimePhrases(string text, string expected, string subject) =>
        Assert.Equal(subject, Find(text, expected).Subject);

    [Fact]
    public void VerbAfterWo_IsNoSubjectWithoutATotal()
    {
        var m = Find("2025年に4000ビット以上を実現する", "4000ビット以上");
        Assert.NotEqual("実現", m.Subject);
    }

    [Fact]
    public void PerUnitPhrase_GivesPer()
    {
        var m = Find("年間配当は1株当たり62円を予定", "62円");
        Assert.Equal("株", m.Per);
        Assert.Single(Parser.Parse("年間配当は1株当たり62円を予定"));
    }

    [Fact]
    public void BracketedRange_AfterADuration_IsNotAChange()
    {
        var m = Find("充電時間は10分未満（残量10%から80%まで）を実現", "10%から80%まで");
        Assert.Equal("残量", m.Subject);
    }

    [Fact]
    public void ClauseTopic_NeedsWa()
    {
        var m = Find("現在中国が市場の87%を占めている", "87%");
        Assert.NotEqual("現在中国", m.Subject);
    }

    [Theory]
    [InlineData("当社は、来期に売上高を伸ばす。3つの工場で生産する。")]
    public void ClauseTopic_StopsAtPunctuation(string text)
    {
        foreach (var q in Parser.Parse(text)) Assert.NotEqual("当社", q.Subject);
    }

    [Theory]
    [InlineData("Since 2021 the firm has filed over 320 patents.", "over 320 patents", "320", "patent", "Min", null)]
    [InlineData("plans to ship more than 1,500 drones by 2027", "more than 1,500 drones", "1500", "drone", "Min", null)]
    [InlineData("capacity of up to 20,000 robots a year", "up to 20,000 robots a year", "20000", "robot", "Max", "year")]
    [InlineData("it produces 4,000 batteries per year", "4,000 batteries per year", "4000", "battery", null, "year")]
    [InlineData("about 12 factories annually", "about 12 factories annually", "12", "factory", null, "year")]
    [InlineData("between 10 to 20 patents", "10 to 20 patents", "10", "patent", null, null)]
    public void EnglishCounts_ThePluralNounIsTheUnit(string text, string expected, string value, string unit, string? bound, string? per)
    {
        var m = Find(text, expected);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), m.Value);
        Assert.Equal(unit, m.Unit);
        Assert.Equal(bound, m.Bound?.ToString());
        Assert.Equal(per, m.Per);
    }

    [Theory]
    [InlineData("In 2024 robots were sold in record numbers.")]
    [InlineData("Only 3 of the 5 sites reported.")]
    [InlineData("Tesla's Model 3 sales rose.")]
    [InlineData("On March 3 officials met.")]
    [InlineData("the plan spans 5 years of work")]
    [InlineData("1. Introductions are in order")]
    [InlineData("1 https://example.org/report")]
    [InlineData("a key rate of 143 kbps")]
    public void EnglishCounts_AreConservative(string text) =>
        Assert.DoesNotContain(Parser.Parse(text), q => q.Unit is { Length: > 2 } u && u.All(char.IsAsciiLetterLower));

    [Fact]
    public void ChangeFromTo_KeepsBothValues()
    {
        var all = Parser.Parse("The headcount will grow from 640 to roughly 900 researchers by 2028.");
        Assert.Equal(2, all.Count);
        Assert.Equal(640m, all[0].Value);
        Assert.Equal("人", all[0].Unit);
        Assert.Null(all[0].ValueMax);
        Assert.Equal(900m, all[1].Value);
        Assert.True(all[1].Approximate);
        Assert.Equal("人", all[1].Unit);
    }

    [Fact]
    public void ChangeFromTo_ToPluralNoun_KeepsBothValues()
    {
        var all = Parser.Parse("Output rose from 200 to 350 turbines.");
        Assert.Equal([200m, 350m], all.Select(q => q.Value));
        Assert.All(all, q => Assert.Equal("turbine", q.Unit));
    }

    [Fact]
    public void RangeWithApproximateEnd_IsOneApproximateRange()
    {
        var m = Find("a team of 40 to about 60 researchers", "40 to about 60 researchers");
        Assert.Equal(40m, m.Value);
        Assert.Equal(60m, m.ValueMax);
        Assert.True(m.Approximate);
    }

    [Theory]
    [InlineData("| 水電解装置コスト | 20万円/kW | 5.2万円/kW |", "水電解装置コスト", 2)]
    [InlineData("| **燃料電池耐久性** | 6万時間 | 9万時間 |", "燃料電池耐久性", 2)]
    [InlineData("| Electrolyser cost | $700/kW | $300/kW |", "Electrolyser cost", 2)]
    public void TableRows_TheRowLabelIsTheSubject(string row, string label, int count)
    {
        var facts = Extract(row, PassageKind.TableRow);
        Assert.Equal(count, facts.Count);
        Assert.All(facts, q => Assert.Equal(label, q.Subject));
    }

    [Fact]
    public void TableRows_WithAFigureFirst_KeepTheirOwnSubjects()
    {
        var facts = Extract("| 2030年度 | 予算18.5億円 |", PassageKind.TableRow);
        Assert.Equal("予算", Assert.Single(facts).Subject);
    }

    [Fact]
    public void Paragraphs_ThatLookLikeRows_AreNotRelabelled()
    {
        var facts = Extract("| 水電解装置コスト | 20万円/kW |", PassageKind.Paragraph);
        Assert.NotEqual("水電解装置コスト", Assert.Single(facts).Subject);
    }

    [Fact]
    public void Change_IsSerialised()
    {
        var fact = Extract("営業利益は96億円（同8.1%減）。", PassageKind.Paragraph)[1];
        using var doc = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(fact, FukanJson.Options));
        Assert.Equal("decrease", doc.RootElement.GetProperty("change").GetString());
        Assert.Equal("営業利益", doc.RootElement.GetProperty("subject").GetString());
        var plain = Extract("予算は18.5億ユーロ。", PassageKind.Paragraph)[0];
        using var p = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(plain, FukanJson.Options));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, p.RootElement.GetProperty("change").ValueKind);
    }

    private static List<QuantityFact> Extract(string line, PassageKind kind)
    {
        string text = line + "\n";
        var source = new SourceText(text);
        var id = DocumentId.FromContent("t"u8);
        var passage = new Passage(id, 0, kind, line, null, "", Provenance.Of(id, source, new CharSpan(0, line.Length)),
            OffsetMap.Identity(0, line.Length));
        var info = new DocumentInfo(id, "t.md", "t", DocumentKind.Article, null, "ja", text.Length, "markdown", "utf-8",
            new Dictionary<string, IReadOnlyList<string>>(), 1, 1, DateTimeOffset.UnixEpoch);
        var facts = new List<Fact>();
        new QuantityExtractor().Extract(new ExtractionContext(info, source, [], [passage]), facts);
        return facts.Cast<QuantityFact>().ToList();
    }
}
