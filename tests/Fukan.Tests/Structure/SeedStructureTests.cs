using Fukan.Model;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Structure;

/// <summary>The structure of the four seeds, checked against what the files say when read by eye.</summary>
public class SeedStructureTests
{
    // The 29 research areas of the 2023 nanotechnology/materials report, with their numbers.
    private static readonly (string Id, string Title)[] Areas =
    [
        ("2.1.1", "蓄電デバイス"), ("2.1.2", "分離技術"), ("2.1.3", "次世代太陽電池材料"), ("2.1.4", "再生可能エネルギーを利用した燃料・化成品変換技術"),
        ("2.2.1", "人工生体組織・機能性バイオ材料"), ("2.2.2", "生体関連ナノ・分子システム"), ("2.2.3", "バイオセンシング"), ("2.2.4", "生体イメージング"),
        ("2.3.1", "革新半導体デバイス"), ("2.3.2", "脳型コンピューティングデバイス"), ("2.3.3", "フォトニクス材料・デバイス・集積技術"),
        ("2.3.4", "IoTセンシングデバイス"), ("2.3.5", "量子コンピューティング・通信"), ("2.3.6", "スピントロニクス"),
        ("2.4.1", "金属系構造材料"), ("2.4.2", "複合材料"), ("2.4.3", "ナノ力学制御技術"), ("2.4.4", "パワー半導体材料・デバイス"), ("2.4.5", "磁石・磁性材料"),
        ("2.5.1", "分子技術"), ("2.5.2", "次世代元素戦略"), ("2.5.3", "データ駆動型物質・材料開発"), ("2.5.4", "フォノンエンジニアリング"),
        ("2.5.5", "量子マテリアル"), ("2.5.6", "有機無機ハイブリッド材料"),
        ("2.6.1", "微細加工・三次元集積"), ("2.6.2", "ナノ・オペランド計測"), ("2.6.3", "物質・材料シミュレーション"),
        ("2.7.1", "ナノテク・新奇マテリアルのELSI/RRI/国際標準"),
    ];

    [Theory]
    [InlineData("000", DocumentKind.Article, "2026-01-20")]
    [InlineData("001", DocumentKind.Report, "2023-03")]
    [InlineData("002", DocumentKind.Minutes, "2026-02-12")]
    [InlineData("003", DocumentKind.Article, "2025-12-21")]
    public void Seed_KindAndDate_AreJudgedFromContent(string seed, DocumentKind kind, string date)
    {
        var doc = SeedDocuments.Get(seed);
        Assert.Equal(kind, doc.Info.Kind);
        Assert.Equal(date, doc.Info.DateText);
        Assert.Equal("ja", doc.Info.Lang);
    }

    [Fact]
    public void Seeds_Titles_ComeFromFrontMatterOrFirstLine()
    {
        Assert.StartsWith("テクノロジーロードマップ 2025", SeedDocuments.Get("000").Info.Title);
        Assert.Contains("研究開発の俯瞰報告書", SeedDocuments.Get("001").Info.Title);
        Assert.Equal("第1回AI・半導体ワーキンググループ 議事要旨", SeedDocuments.Get("002").Info.Title);
        Assert.Equal("Amazonの3nm AIチップ投資、その真意は何なのか？", SeedDocuments.Get("003").Info.Title);
    }

    [Fact]
    public void Report_HasExactlyThe29Areas_WithIdsAndTitles()
    {
        var areas = SeedDocuments.Get("001").Sections.Where(s => s.Kind == SectionKind.Area).ToList();
        Assert.Equal(Areas.Select(a => a.Id), areas.Select(a => a.Id));
        Assert.Equal(Areas.Select(a => a.Title), areas.Select(a => a.Title));
    }

    [Fact]
    public void Report_EveryArea_HasItsSevenSubsectionsInOrder()
    {
        var doc = SeedDocuments.Get("001");
        string[] expected = ["研究開発領域の定義", "キーワード", "研究開発領域の概要", "注目動向", "科学技術的課題", "その他の課題", "国際比較"];
        foreach (var area in doc.Sections.Where(s => s.Kind == SectionKind.Area))
        {
            var subs = doc.Sections.Where(s => s.ParentId == area.Id && s.Kind == SectionKind.Subsection).ToList();
            Assert.Equal(Enumerable.Range(1, 7).Select(i => $"{area.Id}({i})"), subs.Select(s => s.Id));
            Assert.Equal(expected, subs.Select(s => s.Title));
            Assert.All(subs, s => Assert.InRange(s.StartLine, area.StartLine, area.EndLine));
        }
    }

    [Fact]
    public void Report_DivisionsAndChapters_CarryTheirTitles()
    {
        var sections = SeedDocuments.Get("001").Sections.ToDictionary(s => s.Id);
        Assert.Equal(SectionKind.Chapter, sections["1"].Kind);
        Assert.Equal("俯瞰対象分野の全体像", sections["1"].Title);   // from the vertical side label
        Assert.Equal("俯瞰区分と研究開発領域", sections["2"].Title);
        Assert.Equal(SectionKind.Division, sections["2.1"].Kind);
        Assert.Equal("環境・エネルギー応用", sections["2.1"].Title);
        Assert.Equal("2.1", sections["2.1.1"].ParentId);
        Assert.Equal(5015, sections["2.1.1"].StartLine);
        Assert.Equal(5354, sections["2.1.1(7)"].StartLine);
    }

    [Fact]
    public void Report_AppendixListingsOfOtherReports_DoNotMakeSections()
    {
        // The appendix lists other reports' areas (2.1.1 火力発電 …) and repeats this report's own list.
        var sections = SeedDocuments.Get("001").Sections;
        Assert.DoesNotContain(sections, s => s.Title is "火力発電" or "知覚・運動系のAI技術" or "低・中分子創薬");
        Assert.Equal(29, sections.Count(s => s.Kind == SectionKind.Area));
        Assert.Single(sections, s => s.Title == "蓄電デバイス");
    }

    [Fact]
    public void Report_PageFurniture_NeverReachesPassages()
    {
        var passages = SeedDocuments.Get("001").Passages;
        Assert.DoesNotContain(passages, p => p.Text.Contains("CRDS-FY2022-FR-05", StringComparison.Ordinal));
        Assert.DoesNotContain(passages, p => p.Text.StartsWith("研究開発の俯瞰報告書　　ナノテクノロジー", StringComparison.Ordinal));
        Assert.DoesNotContain(passages, p => p.Text is "俯" or "瞰" or "域");
    }

    [Fact]
    public void Minutes_Blocks_AndTopicsUnderTheSpeakerSide()
    {
        var sections = SeedDocuments.Get("002").Sections;
        Assert.Contains(sections, s => s.Kind == SectionKind.Block && s.Title == "議事次第");
        var members = Assert.Single(sections, s => s.Title == "構成員からの主な御発言");
        var topics = sections.Where(s => s.ParentId == members.Id).Select(s => s.Title).ToList();
        Assert.Equal(["【全体について】", "【AI 分野について】", "【半導体分野について】"], topics);
        Assert.Single(sections, s => s.Title == "事務局からの主な発言");
        Assert.DoesNotContain(sections, s => s.Title == "開会");   // agenda items are a list, not headings
    }

    [Fact]
    public void Article_MarkdownHeadings_FormTheTree()
    {
        var sections = SeedDocuments.Get("000").Sections;
        Assert.Equal(6, sections.Count(s => s.Level == 1));
        var signals = Assert.Single(sections, s => s.Title.StartsWith("5. 今後の注目ポイント", StringComparison.Ordinal));
        Assert.Equal(3, sections.Count(s => s.ParentId == signals.Id));
    }

    [Fact]
    public void Report_CountryLinesAboveBracketTopics_HeadTheirTopics()
    {
        // In a section surveying countries, a country name alone on its line precedes each country's ■ topics
        // (■基本政策 under every country); the name must head them or the topics cannot be told apart.
        var sections = SeedDocuments.Get("001").Sections;
        var countries = sections.Where(s => s.ParentId == "1.2.4" && Fukan.Extraction.Landscape.CountryNames.CodeOf(s.Title) is not null).ToList();
        Assert.True(countries.Count >= 4, $"country topics under 1.2.4: {countries.Count}");
        Assert.All(countries, c => Assert.Contains(sections, s => s.ParentId == c.Id));
        var basics = sections.Where(s => s.Title == "基本政策" && s.Id.StartsWith("1.2.4", StringComparison.Ordinal)).ToList();
        Assert.Equal(basics.Count, basics.Select(b => b.ParentId).Distinct().Count());
    }
}
