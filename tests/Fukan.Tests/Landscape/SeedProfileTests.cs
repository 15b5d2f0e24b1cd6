using Fukan.Extraction.Landscape;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>Area profiles, the division map and the priority themes of seed 001, checked against the file.</summary>
public class SeedProfileTests
{
    private static readonly string[] SeedLines = File.ReadAllLines(Seeds.Path("001"));

    private static AreaProfile Profile(string id) => Assert.Single(LandscapeTestDocs.Profiles(LandscapeTestDocs.Report), p => p.AreaId == id);

    [Fact]
    public void EveryArea_HasAProfile_WithDivisionDefinitionKeywordsAndTexts()
    {
        var profiles = LandscapeTestDocs.Profiles(LandscapeTestDocs.Report);
        Assert.Equal(29, profiles.Count);
        foreach (var p in profiles)
        {
            Assert.NotNull(p.Division);
            Assert.False(string.IsNullOrWhiteSpace(p.Definition), $"{p.AreaId} definition");
            Assert.True(p.Keywords.Count >= 9, $"{p.AreaId} has {p.Keywords.Count} keywords");
            Assert.False(string.IsNullOrWhiteSpace(p.Overview), $"{p.AreaId} overview");
            Assert.False(string.IsNullOrWhiteSpace(p.Trends), $"{p.AreaId} trends");
            Assert.False(string.IsNullOrWhiteSpace(p.Challenges), $"{p.AreaId} challenges");
            Assert.All(p.Keywords, k => Assert.False(k.Length == 0 || k[0] == '、' || k[^1] == '、', k));
        }
        Assert.Equal(("環境・エネルギー応用", "2.1"), (Profile("2.1.1").Division, Profile("2.1.1").DivisionId));
        Assert.Equal(("共通支援策", "2.7"), (Profile("2.7.1").Division, Profile("2.7.1").DivisionId));
    }

    [Theory]
    // (area, keyword count, keywords that the PDF wrapped over two lines, read by eye)
    [InlineData("2.1.1", 15, "カリウムイオン電池|エネルギー密度")]
    [InlineData("2.1.2", 15, "ガス分離膜|Direct Air Capture（DAC）")]
    [InlineData("2.5.2", 20, "ハイエントロピー化|サーキュラーエコノミー|マテリアルズ・インフォマティクス")]
    [InlineData("2.6.2", 16, "ケルビンプローブフォース顕微鏡（KPFM）|パルス電子顕微鏡")]
    [InlineData("2.7.1", 20, "ISO/TC229|RRI")]
    [InlineData("2.6.3", 17, "データの高品質化|マテリアルズ・インフォマティクス")]
    public void Keywords_AreSplitOnCommas_AndRepairedAcrossWraps(string area, int count, string wrapped)
    {
        var p = Profile(area);
        Assert.Equal(count, p.Keywords.Count);
        foreach (var k in wrapped.Split('|')) Assert.Contains(k, p.Keywords);
    }

    [Fact]
    public void Definition_IsTheWholeSection_WrapsJoined()
    {
        // 2.1.1 (1): lines 5018–5024 of the file, a blank line inside the first sentence.
        var expected = string.Concat(SeedLines[5017..5024].Select(l => l.Trim()));
        Assert.Equal(expected, Profile("2.1.1").Definition!.Replace("\n", "", StringComparison.Ordinal));
        var def = Profile("2.5.2").Definition!;
        Assert.StartsWith(SeedLines[14925].Trim(), def);
        Assert.EndsWith(SeedLines[14931].Trim(), def);
    }

    [Fact]
    public void Overview_AndTrends_KeepTheirSubHeadings_OnLinesOfTheirOwn()
    {
        var p = Profile("2.1.1");
        var overview = p.Overview!.Split('\n');
        Assert.Equal("［本領域の意義］", overview[0]);
        Assert.Contains("［研究開発の動向］", overview);
        Assert.StartsWith("【新展開・技術トピックス】", p.Trends);
        Assert.Contains("［注目すべき国内外のプロジェクト］", p.Trends!.Split('\n'));
        // The projects part runs to the end of (4), over its ［日本］／［海外］ headings.
        var projects = Profile("2.4.3").Projects!;
        Assert.Contains("［日本］", projects.Split('\n'));
        Assert.Contains("［海外］", projects.Split('\n'));
    }

    [Fact]
    public void Challenges_HoldBothSubsections_UnderTheirHeadings()
    {
        var lines = Profile("2.1.1").Challenges!.Split('\n');
        Assert.Equal("(5) 科学技術的課題", lines[0]);
        Assert.Contains("(6) その他の課題", lines);
    }

    [Fact]
    public void RelatedAreas_OfThisReport_AreResolved_OthersStayText()
    {
        var related = Profile("2.1.3").Related;
        Assert.Equal(2, related.Count);
        Assert.Equal(new RelatedArea("太陽光発電", null, "環境・エネ分野", "2.1.3"), related[0]); // the same number in another field
        Assert.Equal(new RelatedArea("有機無機ハイブリッド材料", "2.5.6", "ナノテク・材料分野", "2.5.6"), related[1]);
        // Brackets of the title itself stay in the title; half-width brackets are read alike.
        Assert.Equal(new RelatedArea("CO2 回収・貯留（CCS）", null, "環境・エネ分野", "2.1.9"), Profile("2.1.2").Related[0]);
        Assert.Equal(new RelatedArea("ネガティブエミッション技術", null, "環境・エネ分野", "2.4.1"), Profile("2.1.2").Related[1]);
        Assert.Equal(new RelatedArea("ライフサイクル管理（設計・評価・運用）", null, "環境・エネ分野", "2.9.5"), Profile("2.5.2").Related[1]);
        Assert.Empty(Profile("2.4.5").Related); // the area has no such list
    }

    [Fact]
    public void RelatedAreas_WithAWrongNumber_AreResolvedByTitle_WithAWarning()
    {
        // 2.5.2 lists データ駆動型物質・材料開発 as 2.5.1 (it is 2.5.3) and 2.6.1 / 2.6.2 for 2.6.2 / 2.6.3.
        var related = Profile("2.5.2").Related;
        var wrong = related.Single(r => r.Number == "2.5.1");
        Assert.Equal("2.5.3", wrong.AreaId);
        Assert.Equal("2.6.2", related.Single(r => r.Number == "2.6.1").AreaId);
        Assert.Contains(LandscapeTestDocs.Warnings(LandscapeTestDocs.Report), d => d.Line == 15437 && d.Message.Contains("2.5.3", StringComparison.Ordinal));
        Assert.Equal("2.1.3", Profile("2.5.6").Related.Single(r => r.Number == "2.1.1").AreaId);
    }

    [Fact]
    public void DivisionMap_HasSevenDivisions_And29Areas()
    {
        var divisions = LandscapeTestDocs.Report.Facts.OfType<LandscapeDivision>().ToList();
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"], divisions.Select(d => d.DivisionId).ToArray());
        Assert.Equal([4, 4, 6, 5, 6, 3, 1], divisions.Select(d => d.Areas.Count).ToArray());
        Assert.Equal("ICT・エレクトロニクス応用", divisions[2].Title);
        Assert.Equal(new DivisionArea("2.3.6", "スピントロニクス"), divisions[2].Areas[^1]);
    }

    [Fact]
    public void PriorityThemes_AreTheTwelve_FromSectionAndSummary()
    {
        var themes = LandscapeTestDocs.Report.Facts.OfType<PriorityTheme>().ToList();
        Assert.Equal(Enumerable.Range(1, 12), themes.Select(t => t.Number));
        Assert.All(themes, t => Assert.Equal(t.Title, t.SummaryTitle)); // the summary list agrees, wraps repaired
        Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.Equal("1.3.3/1(1)", themes[0].SectionId);
        Assert.Equal(4615, themes[0].Source.Line);
        Assert.Equal(63, themes[0].SummaryLine);
        // Theme 3 is wrapped over a blank line in the summary ("…高" / "度変換技術").
        Assert.Equal("電気–物質エネルギー高度変換技術", themes[2].SummaryTitle);
        Assert.Equal("新物質・新材料の戦略的ガバナンス", themes[11].Title);
        Assert.Equal(67, themes[11].SummaryLine);
    }
}
