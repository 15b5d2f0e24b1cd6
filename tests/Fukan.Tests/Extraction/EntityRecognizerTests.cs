using Fukan.Extraction.Entities;
using Xunit;
using static Fukan.Tests.Support.RecognizerProbe;

namespace Fukan.Tests.Extraction;

public class EntityRecognizerTests
{
    [Fact]
    public void Aliases_OfOneCountry_LinkToOneEntity()
    {
        var mentions = Find("米国、アメリカ、そしてUSの三つの書き方がある。");
        Assert.Equal(3, mentions.Count);
        Assert.All(mentions, m => Assert.Equal("united-states", m.EntityId));
        Assert.All(mentions, m => Assert.Equal(EntityType.Country, m.Type));
        Assert.All(mentions, m => Assert.Equal("米国", m.Name));
    }

    [Fact]
    public void LongestMatch_Wins()
    {
        Assert.Equal("sulfide-solid-electrolyte", Single("硫化物系固体電解質を用いる", "硫化物系固体電解質").EntityId);
        Assert.Equal("southeast-asia", Single("東南アジアの工場", "東南アジア").EntityId);
    }

    [Theory]
    [InlineData("リアルタイム処理が必要", "thailand")]
    [InlineData("USBメモリとBUSの話", "united-states")]
    [InlineData("let us see", "united-states")]
    [InlineData("AI chips are sold", "chips-act")]
    [InlineData("the arm of the robot", "arm")]
    [InlineData("インドネシアではなく", "india")]
    public void Names_InsideOtherWords_AreNotMatched(string text, string id) =>
        Assert.DoesNotContain(Find(text), m => m.EntityId == id);

    [Fact]
    public void Names_AtWordEdges_AreMatched()
    {
        Assert.Equal("thailand", Single("タイの工場", "タイ").EntityId);
        Assert.Equal("united-states", Single("US companies", "US").EntityId);
        Assert.Equal("chips-act", Single("the CHIPS funding", "CHIPS").EntityId);
        Assert.Equal("gpu", Single("多数のGPUsを並べる", "GPU").EntityId);
    }

    [Theory]
    [InlineData("架空テクノ株式会社と提携した", "架空テクノ株式会社", "架空テクノ")]
    [InlineData("両社は株式会社ミライ素材を設立した", "株式会社ミライ素材", "ミライ素材")]
    [InlineData("北東工業大学の研究チーム", "北東工業大学", "北東工業大学")]
    [InlineData("架空先端材料研究所が発表した", "架空先端材料研究所", "架空先端材料研究所")]
    [InlineData("独立行政法人架空技術推進機構の事業", "独立行政法人架空技術推進機構", "架空技術推進機構")]
    [InlineData("Acme Labs 株式会社代表取締役", "Acme Labs 株式会社", "Acme Labs")]
    public void OrganisationPatterns_FindUnknownOrganisations(string text, string surface, string name)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Org, m.Type);
        Assert.Equal(MentionOrigin.Pattern, m.Origin);
        Assert.Equal(name, m.Name);
        Assert.Equal(name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), m.EntityId);
    }

    [Theory]
    [InlineData("次世代蓄電池開発プロジェクトを開始", "次世代蓄電池開発プロジェクト")]
    [InlineData("政府は量子未来産業戦略を決定", "量子未来産業戦略")]
    [InlineData("架空イノベーション基金から支出", "架空イノベーション基金")]
    [InlineData("国の「未来材料創出ビジョン」に沿って", "未来材料創出ビジョン")]
    [InlineData("水素戦略2030に基づき", "水素戦略2030")]
    public void ProgrammePatterns_FindUnknownProgrammes(string text, string surface)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Program, m.Type);
    }

    [Theory]
    [InlineData("本プロジェクトでは", "プロジェクト")]
    [InlineData("同大学の研究", "大学")]
    [InlineData("研究所では", "研究所")]
    [InlineData("国家戦略として", "戦略")]
    [InlineData("応用研究プロジェクトの成果", "プロジェクト")]
    [InlineData("企業のIT投資戦略に影響", "戦略")]
    [InlineData("戦略的な投資", "戦略")]
    [InlineData("プロジェクトマネージャーを置く", "プロジェクト")]
    [InlineData("各府省庁の連携", "庁")]
    public void GenericWords_AreNotEntities(string text, string surface) => None(text, surface);

    [Fact]
    public void LegalForm_AroundAKnownName_LinksToTheGazetteerEntity()
    {
        var rapidus = Single("Rapidus 株式会社代表取締役社長", "Rapidus 株式会社");
        Assert.Equal("rapidus", rapidus.EntityId);
        Assert.Equal(MentionOrigin.Gazetteer, rapidus.Origin);
        Assert.Equal("abeja", Single("株式会社 ABEJA 代表取締役 CEO", "株式会社 ABEJA").EntityId);
        Assert.Equal("tokyo-electron", Single("東京エレクトロン株式会社の装置", "東京エレクトロン株式会社").EntityId);
    }

    [Fact]
    public void ProgrammeRunByAKnownBody_StartsAfterTheBody()
    {
        var mentions = Find("JST架空材料創出事業に採択された");
        Assert.Contains(mentions, m => m.Surface == "JST" && m.EntityId == "jst");
        Assert.Contains(mentions, m => m.Surface == "架空材料創出事業" && m.Type == EntityType.Program);
        None("NEDOプロジェクトとして実施", "NEDOプロジェクト");
    }

    [Theory]
    [InlineData("TSV技術を使う", "TSV", "tsv")]
    [InlineData("新しいReRAMとFeRAM", "FeRAM", "feram")]
    [InlineData("IoE社会", "IoE", "ioe")]
    public void Acronyms_AreTechnologies(string text, string surface, string id)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Tech, m.Type);
        Assert.Equal(id, m.EntityId);
    }

    [Theory]
    [InlineData("10 nmの線幅", "nm")]
    [InlineData("100 GWの発電", "GW")]
    [InlineData("1 PFLOPSの計算機", "PFLOPS")]
    [InlineData("CO2を削減", "CO2")]
    [InlineData("LiPF6塩を溶解", "LiPF6")]
    [InlineData("SiO膜", "SiO")]
    [InlineData("NOTE: see below", "NOTE")]
    [InlineData("Sakana AI 共同創業者 CEO", "CEO")]
    [InlineData("COVID-19の流行", "COVID")]
    [InlineData("GDP が上昇", "GDP")]
    [InlineData("Phase III of the plan", "III")]
    public void UnitsFormulasWordsAndTitles_AreNotAcronyms(string text, string surface) => None(text, surface);

    [Fact]
    public void Acronym_InBracketsAfterAnUnknownName_NamesThatEntity()
    {
        var mentions = Find("架空先端研究機構（KSKK）は2020年に発足した。");
        var name = mentions.Single(m => m.Surface == "架空先端研究機構");
        var acronym = mentions.Single(m => m.Surface == "KSKK");
        Assert.Equal(name.EntityId, acronym.EntityId);
        Assert.Equal(EntityType.Org, acronym.Type);
        Assert.Equal(MentionOrigin.Definition, acronym.Origin);

        var english = Find("the Fictional Materials Institute (FMI) and the Very Large Computing Center (HPC)");
        Assert.Equal(english.Single(m => m.Surface == "Fictional Materials Institute").EntityId, english.Single(m => m.Surface == "FMI").EntityId);
        Assert.Equal(EntityType.Tech, english.Single(m => m.Surface == "HPC").Type);
    }

    [Fact]
    public void Acronym_AfterAGazetteerName_IsNotRelinked()
    {
        var mentions = Find("ドイツ連邦経済・エネルギー省（BMWi）が支援");
        var bmwi = mentions.Single(m => m.Surface == "BMWi");
        Assert.NotEqual("doe", bmwi.EntityId);
        Assert.Contains(mentions, m => m.Surface.EndsWith("エネルギー省", StringComparison.Ordinal) && m.Type == EntityType.Org);
    }

    [Fact]
    public void SeparateOrganisations_JoinedByNakaguro_StaySeparate()
    {
        var mentions = Find("大阪大学・東京大学・東北大学の共同研究");
        Assert.Equal(["osaka-u", "u-tokyo", "tohoku-u"], mentions.Select(m => m.EntityId));
    }

    [Fact]
    public void EnglishNames_AreFound()
    {
        Assert.Equal("mit", Single("researchers at the Massachusetts Institute of Technology said", "Massachusetts Institute of Technology").EntityId);
        var m = Single("funded by the Kestrel Advanced Materials Initiative in 2024", "Kestrel Advanced Materials Initiative");
        Assert.Equal(EntityType.Program, m.Type);
        Assert.Equal(EntityType.Org, Single("a paper from the University of Nowhere shows", "University of Nowhere").Type);
        None("The Research Institute reported", "Research Institute");
    }

    [Fact]
    public void UserIgnoreList_SuppressesNames()
    {
        var g = new GazetteerBuilder().AddDefault().AddYaml("ignore: [AI, 架空テクノ]", "user.yaml").Build();
        var r = new EntityRecognizer(g);
        Assert.Empty(r.Find("AIを使う"));
        Assert.Empty(r.Find("架空テクノ株式会社"));
    }

    [Fact]
    public void EmptyAndPlainText_HaveNoMentions()
    {
        Assert.Empty(Find(""));
        Assert.Empty(Find("これはただの文章です。"));
    }
}
