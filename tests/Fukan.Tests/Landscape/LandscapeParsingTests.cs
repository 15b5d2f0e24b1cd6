using Fukan.Extraction.Landscape;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>The small readers: keyword lists, related-area entries, country and phase names, title similarity.</summary>
public class LandscapeParsingTests
{
    [Fact]
    public void Keywords_JoinWrapsThenSplit()
    {
        Assert.Equal(["リチウム", "ナトリウム電池", "全固体"], KeywordSplitter.Split(["リチウム、ナトリウ", "", "ム電池、全固体"]));
        Assert.Equal(["Direct Air Capture（DAC）", "ISO/TC229"], KeywordSplitter.Split(["Direct Air", "Capture（DAC）、ISO/", "TC229"]));
        Assert.Equal(["薬物送達（DDS、キャリア）", "mRNA"], KeywordSplitter.Split(["薬物送達（DDS、キャリア）、mRNA。"]));
        Assert.Equal(["アンモニア", "体積密度"], KeywordSplitter.Split(["アンモニア", "、体積密度"]));
        Assert.Equal(["graphene", "carbon nanotube"], KeywordSplitter.Split(["graphene, carbon", "nanotube"]));
        Assert.Empty(KeywordSplitter.Split(["", "  "]));
    }

    [Theory]
    [InlineData("・分離技術（ナノテク・材料分野　2.1.2）", "分離技術", "ナノテク・材料分野", "2.1.2")]
    [InlineData("・CO2 回収・貯留（CCS） （環境・エネ分野　2.1.9)", "CO2 回収・貯留（CCS）", "環境・エネ分野", "2.1.9")]
    [InlineData("・破壊力学 (環境・エネ分野　2.6.3)", "破壊力学", "環境・エネ分野", "2.6.3")]
    [InlineData("・水素貯蔵材料（本報告書　２．１．１）", "水素貯蔵材料", "本報告書", "2.1.1")]
    [InlineData("• 熱電変換 2.5.4", "熱電変換", null, "2.5.4")]
    [InlineData("・ライフサイクル管理（設計・評価・運用）", "ライフサイクル管理（設計・評価・運用）", null, null)]
    public void RelatedEntries_AreSplitIntoTitleFieldAndNumber(string entry, string text, string? field, string? number)
    {
        Assert.Equal((text, field, number), RelatedAreaParser.Parse(entry));
    }

    [Fact]
    public void Fields_MatchTheirAbbreviations()
    {
        Assert.True(RelatedAreaParser.IsSameField("ナノテク・材料分野", "ナノテクノロジー・材料分野"));
        Assert.False(RelatedAreaParser.IsSameField("環境・エネ分野", "ナノテクノロジー・材料分野"));
        Assert.False(RelatedAreaParser.IsSameField("ライフ・臨床医学分野", "ナノテクノロジー・材料分野"));
        Assert.True(RelatedAreaParser.IsSameField("本報告書", null));
        Assert.Equal("ナノテクノロジー・材料分野", RelatedAreaParser.ReportField("ナノテクノロジー・材料分野（2023 年）研究開発の俯瞰報告書"));
        Assert.Null(RelatedAreaParser.ReportField("Technology roadmap 2025"));
    }

    [Theory]
    [InlineData("日本", "JP")]
    [InlineData("【米国】", "US")]
    [InlineData("欧州", "EU")]
    [InlineData("ＥＵ", "EU")]
    [InlineData("台湾", "TW")]
    [InlineData("インド", "IN")]
    [InlineData("英国", "GB")]
    [InlineData("South Korea", "KR")]
    [InlineData("地球", null)]
    public void CountryNames_HaveCodes(string name, string? code) => Assert.Equal(code, CountryNames.CodeOf(name));

    [Theory]
    [InlineData("その他の国・地域", "OTHER")]
    [InlineData("その他の国・地域（台湾）", "TW")]
    [InlineData("その他の国・地域（任意）", "OTHER")]
    [InlineData("その他の国・地域（シンガポール、台湾）", "OTHER")]
    public void OtherLabels_NameOneCountry_OrAreOther(string label, string code) => Assert.Equal(code, CountryNames.CodeOfOther(label));

    [Theory]
    [InlineData("基礎研究", "basic")]
    [InlineData("応用研究 ・ 開発", "applied")]
    [InlineData("Applied research and development", "applied")]
    [InlineData("取り組み水準", "other")]
    [InlineData("実効性", "other")]
    public void Phases_AreClassified(string label, string kind) => Assert.Equal(kind, PhaseLabels.KindOf(label));

    [Fact]
    public void TitleSimilarity_SeparatesRenamesFromDifferentAreas()
    {
        Assert.Equal(1, TitleSimilarity.Of("蓄電デバイス", "蓄電 デバイス"));
        Assert.InRange(TitleSimilarity.Of("蓄電デバイス", "蓄電池デバイス"), 0.7, 0.75);
        Assert.InRange(TitleSimilarity.Of("蓄電デバイス", "分離技術"), 0, 0.1);
    }
}
