using System.Text;
using Fukan.Extraction.Dates;
using Fukan.Model;
using Fukan.Pipeline;
using Xunit;

namespace Fukan.Tests.Structure;

/// <summary>
/// Shapes of real public documents (white papers in their text version, policy memos, news items), in texts written
/// here: the classes of headings, kinds, titles and dates that failed on documents nobody here wrote.
/// </summary>
public class RealDocumentShapeTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    private static ProcessedDocument Process(string name, string text) =>
        Pipeline.Process(name, Encoding.UTF8.GetBytes(text)).Document!;

    // A white paper's text version: headings glued to the line before, footnotes, captions and sources.
    private const string WhitePaper =
        "第3章　海洋データの活用\n" +
        "海洋の観測データは年々増えている。本章ではその活用を概観する。第1節　観測網の高度化\n" +
        "1　沿岸の観測\n" +
        "沿岸では2015年に観測網の整備が始まった 1 。観測点は2020年に約1,200か所となった。\n" +
        "図表3-1-1-1　観測点の推移\n" +
        "（出典）海洋省作成資料\n" +
        "1　観測点の数は、2010年には300か所であった。\n" +
        "2　https://www.example.go.jp/ocean/stats2　外洋の観測\n" +
        "外洋ではブイによる観測が中心である。\n" +
        "【関連データ】ブイの設置数\n" +
        "URL：https://www.example.go.jp/data.html（データ集）（1）　ブイ観測\n" +
        "ブイは全国で80基が稼働している。\n" +
        "3　衛星観測の状況について詳しくは第2部第4章第2節「観測」を参照第2節　データの流通\n" +
        "ア　国内\n" +
        "国内では共有が進む。\n" +
        "イ　海外\n" +
        "海外では標準化が進む。\n";

    [Fact]
    public void WhitePaper_GluedAndStandaloneHeadings_AreSections_FootnotesAndCaptionsAreNot()
    {
        var doc = Process("wp.txt", WhitePaper);
        Assert.Equal(DocumentKind.Report, doc.Info.Kind);
        var byLine = doc.Sections.Select(s => (s.StartLine, s.Title)).ToList();
        Assert.Equal(
        [
            (1, "海洋データの活用"), (2, "観測網の高度化"), (3, "沿岸の観測"), (8, "外洋の観測"), (11, "ブイ観測"),
            (13, "データの流通"), (14, "国内"), (16, "海外"),
        ], byLine);
        Assert.Equal(SectionKind.Chapter, doc.Sections[0].Kind);
        Assert.Equal("3.1.2(1)", doc.Sections.Single(s => s.Title == "ブイ観測").Id);
        // A glued heading's line stays in the text: its quantities and dates are read.
        Assert.Contains(doc.Facts.OfType<Fukan.Extraction.Quantities.QuantityFact>(), q => q.Source.Line == 12 && q.Value == 80);
    }

    [Fact]
    public void FootnoteNumbers_AreNoQuantities()
    {
        var doc = Process("wp.txt", WhitePaper);
        Assert.DoesNotContain(doc.Facts.OfType<Fukan.Extraction.Quantities.QuantityFact>(), q => q.Source.Line == 4 && q.Value == 1);
    }

    private const string Memo =
        "---\nlayout: default\ntitle: Guidance on Ocean Data\n---\n" +
        "#### March 3, 2021\n\n### M-21-09\n\n### From: Jane Roe- Director\n\n### SUBJECT: Guidance on Ocean Data\n\n" +
        "## Memorandum M-21-09: Guidance on Ocean Data <a id=\"Memo\"></a>\n\n### Purpose\n" +
        "Agencies shall report their ocean data inventories no later than June 30, 2021, and again by the end of FY 2022.\n";

    [Fact]
    public void Memo_IsAReport_ItsHeaderIsNoSection_AnchorsLeaveTitles_AndFiscalYearsAreUsFederal()
    {
        var doc = Process("memo.md", Memo);
        Assert.Equal(DocumentKind.Report, doc.Info.Kind);
        Assert.Equal("Guidance on Ocean Data", doc.Info.Title);
        Assert.Equal(["Memorandum M-21-09: Guidance on Ocean Data", "Purpose"], doc.Sections.Select(s => s.Title).ToArray());
        var fy = doc.Facts.OfType<DateFact>().Single(d => d.Text.Contains("FY 2022", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2022, 9, 30), fy.End);
    }

    [Fact]
    public void FiscalYearConvention_FollowsLanguage_AndMetadataOverridesIt()
    {
        var parser = new DateParser();
        var us = parser.Parse("Funds for FY 2018 are pending.", DateContext.For(null, "en", null)).Single();
        Assert.Equal((new DateOnly(2017, 10, 1), new DateOnly(2018, 9, 30)), (us.Start!.Value, us.End!.Value));
        var jp = parser.Parse("Funds for FY 2018 are pending.", DateContext.For(null, "ja", null)).Single();
        Assert.Equal(new DateOnly(2018, 4, 1), jp.Start);
        var meta = new Dictionary<string, IReadOnlyList<string>> { ["fiscal-year"] = ["april"] };
        var overridden = parser.Parse("Funds for FY 2018 are pending.", DateContext.For(null, "en", meta)).Single();
        Assert.Equal(new DateOnly(2018, 4, 1), overridden.Start);
        // 年度 is always April to March.
        var nendo = parser.Parse("2018年度の予算", DateContext.For(null, "en", null)).Single();
        Assert.Equal(new DateOnly(2018, 4, 1), nendo.Start);
    }

    [Fact]
    public void DatesWithoutAYear_AndRelativeDates_ResolveFromTheDocumentDate_AndAreMarkedInferred()
    {
        var parser = new DateParser();
        var context = new DateContext(new DateOnly(2024, 1, 20));
        var dates = parser.Parse("昨年12月に始め、3月20日に終える。来年度も続ける。今年は拡大する。前年度比10%増。", context);
        Assert.All(dates, d => Assert.True(d.Inferred));
        Assert.Equal(new DateOnly(2023, 12, 1), dates.Single(d => d.Text == "昨年12月").Start);
        Assert.Equal(new DateOnly(2024, 3, 20), dates.Single(d => d.Text == "3月20日").Start);
        Assert.Equal(new DateOnly(2024, 4, 1), dates.Single(d => d.Text == "来年度").Start);
        Assert.Equal(new DateOnly(2024, 1, 1), dates.Single(d => d.Text == "今年").Start);
        Assert.DoesNotContain(dates, d => d.Text.StartsWith("前年度", StringComparison.Ordinal));
        // A December named in January is last December.
        Assert.Equal(2023, parser.Parse("12月に公表した。", context).Single().Start!.Value.Year);
        var english = parser.Parse("As of June 6, the logo changed; last year it did not.", new DateContext(new DateOnly(2017, 6, 13)));
        Assert.Equal(new DateOnly(2017, 6, 6), english.Single(d => d.Text == "June 6").Start);
        Assert.Equal(2016, english.Single(d => d.Text == "last year").Start!.Value.Year);
        // Without a document date nothing is guessed.
        Assert.Empty(parser.Parse("3月20日に終える。"));
    }

    [Fact]
    public void KanjiEraDates_AsTheDietWritesThem_AreRead()
    {
        var d = new DateParser().Parse("平成三十年十二月十日(月曜日)").Single();
        Assert.Equal(new DateOnly(2018, 12, 10), d.Start);
    }

    [Fact]
    public void PlainTextNewsWithADateline_IsAnArticle_AndItsYearlessDatesUseIt()
    {
        var doc = Process("news.txt", "海洋省・新着情報\n大臣会見の概要\n令和6年8月30日\n本日、9月6日に開く説明会について発表した。\n");
        Assert.Equal(DocumentKind.Article, doc.Info.Kind);
        var date = doc.Facts.OfType<DateFact>().Single(f => f.Text == "9月6日");
        Assert.Equal(new DateOnly(2024, 9, 6), date.Start);
        Assert.True(date.Inferred);
    }

    [Fact]
    public void EnglishReportWithoutMarkup_SectionAndAppendixLines_AreHeadings()
    {
        var doc = Process("memo.txt",
            "March 1, 2019\nM-19-05\nMEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\nSUBJECT: Ocean Data Guidance\n" +
            "This memorandum sets out guidance.\nBackground\nThe act was passed in 2018.\nA. Guidance to Agencies on Ocean Data\n" +
            "Section 1 – The Ocean Data Fund\nThe fund pays for projects.\nAPPENDIX A\nTemplate\n");
        Assert.Equal(DocumentKind.Report, doc.Info.Kind);
        Assert.Equal("Ocean Data Guidance", doc.Info.Title);
        Assert.Equal(["Background", "Guidance to Agencies on Ocean Data", "The Ocean Data Fund", "APPENDIX A"], doc.Sections.Select(s => s.Title).ToArray());
    }

    [Theory]
    [InlineData("国 際 半 導 体 技 術 ロードマップ", "国際半導体技術ロードマップ")]
    // The chain's end pieces glued to words (PDF spacing inside a sentence) join too.
    [InlineData("1988年 から国 際 半 導 体 技 術ロードマップ", "1988年 から国際半導体技術ロードマップ")]
    [InlineData("the I n t e r n a t i o n a l Te c h n o l o g y Roadmap", "the International Technology Roadmap")]
    [InlineData("S.N. Bose Nat ional Centre for Bas ic Sc iences", "S.N. Bose National Centre for Basic Sciences")]
    [InlineData("The iPhone and An apple in New areas", "The iPhone and An apple in New areas")]
    [InlineData("研究総括：高原 淳、2021 ～2027年度", "研究総括：高原 淳、2021 ～2027年度")]
    [InlineData("材料分野（2023 年）研究開発の俯瞰報告書 概要", "材料分野（2023年）研究開発の俯瞰報告書 概要")]
    [InlineData("AI 半導体 の 動向", "AI 半導体 の 動向")]
    [InlineData("no spacing", "no spacing")]
    public void LetterSpacing_IsUndoneInDisplayStrings_WordSpacesStay(string text, string expected) =>
        Assert.Equal(expected, Fukan.Normalizing.LetterSpacing.Repair(text));
}
