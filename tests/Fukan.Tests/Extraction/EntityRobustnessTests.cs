using Fukan.Extraction.Entities;
using Xunit;
using static Fukan.Tests.Support.RecognizerProbe;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Entity recognition on text shaped like documents the seeds do not show (press releases, budget summaries, news
/// English): datelines glued to names, headings in capitals, R&amp;D, a company's plans, foreign agencies, companies
/// the gazetteer cannot know. The sentences are invented in the style of Expectations/documents.
/// </summary>
public class EntityRobustnessTests
{
    // ---- 1. a pattern name never starts with a date or an amount ---------------------------------------------

    [Theory]
    [InlineData("令和7年11月7日株式会社ミナトエナジー（本社：横浜市）は", "株式会社ミナトエナジー", "ミナトエナジー")]
    [InlineData("2025年4月15日エネルギー総合研究会", "エネルギー総合研究会", "エネルギー総合研究会")]
    [InlineData("平成元年度架空技術振興会の報告", "架空技術振興会", "架空技術振興会")]
    [InlineData("令和6年度架空未来創造プロジェクトを開始", "架空未来創造プロジェクト", "架空未来創造プロジェクト")]
    public void PatternNames_StartAfterALeadingDate(string text, string surface, string name) =>
        Assert.Equal(name, Single(text, surface).Name);

    [Fact]
    public void KnownName_AfterADateline_IsTheKnownEntity()
    {
        var m = Single("令和7年8月29日文部科学省研究振興局", "文部科学省");
        Assert.Equal("mext", m.EntityId);
        None("令和7年8月29日文部科学省研究振興局", "令和");
    }

    [Theory]
    [InlineData("1兆円基金を創設する", "基金")]
    [InlineData("3,200億円基金の運用", "基金")]
    [InlineData("令和7年11月7日株式会社", "令和")]
    public void DatesAndAmounts_AloneMakeNoName(string text, string surface) => None(text, surface);

    [Theory]
    [InlineData("令和7年8月29日", 9)]
    [InlineData("2025年度第2四半期", 6)]
    [InlineData("平成元年度", 5)]
    [InlineData("令和七年", 4)]
    [InlineData("1兆円", 3)]
    [InlineData("3,200億", 6)]
    [InlineData("5G推進", 0)]
    [InlineData("2nmプロセス", 0)]
    [InlineData("第2期", 0)]
    public void LeadingNumber_MeasuresDatesAndAmounts(string stem, int length) =>
        Assert.Equal(length, LeadingNumber.Length(stem));

    // ---- 2. words of a heading or place name in capitals are no acronyms -------------------------------------

    [Theory]
    [InlineData("SAN FRANCISCO — The startup said on Tuesday", "SAN")]
    [InlineData("SAN FRANCISCO — The startup said on Tuesday", "FRANCISCO")]
    [InlineData("RISK FACTORS AND OUTLOOK", "RISK")]
    [InlineData("RISK FACTORS AND OUTLOOK", "FACTORS")]
    [InlineData("NATIONAL ACTUATOR STRATEGIC PLAN", "ACTUATOR")]
    [InlineData("NATIONAL ACTUATOR STRATEGIC PLAN", "STRATEGIC")]
    public void CapitalisedPhrases_YieldNoAcronyms(string text, string surface) => None(text, surface);

    [Theory]
    [InlineData("GAA BSPDN integration", "GAA")]
    [InlineData("GAA BSPDN integration", "BSPDN")]
    [InlineData("HBM DRAM stacks", "HBM")]
    [InlineData("HBM DRAM stacks", "DRAM")]
    [InlineData("the UZH DYNAPs chip", "DYNAPs")]
    [InlineData("FRANCISCO alone is an acronym here", "FRANCISCO")]
    [InlineData("HVM of 2nm by TSMC", "HVM")]
    public void AcronymsNextToAcronyms_AreKept(string text, string surface) => Single(text, surface);

    [Theory]
    [InlineData("SAN", true)]
    [InlineData("FRANCISCO", true)]
    [InlineData("STRATEGY", true)]
    [InlineData("TSMC", false)]
    [InlineData("BSPDN", false)]
    [InlineData("HVM", false)]
    [InlineData("DYNAPs", false)]
    public void ReadsAsWord_TellsWordsFromLetterStrings(string token, bool expected) =>
        Assert.Equal(expected, AcronymRules.ReadsAsWord(token));

    // ---- 3. no name starts inside R&D or AT&T ------------------------------------------------------------

    [Fact]
    public void EnglishNames_DoNotStartInsideAnAmpersandWord()
    {
        None("R&D Strategy Summary 2025–2030", "D Strategy");
        None("the R&D Strategy of the group", "Strategy");
        Assert.Equal(EntityType.Org, Single("a grant from the AT&T Foundation in May", "AT&T Foundation").Type);
        None("guidance on IR&CSA requirements", "CSA");
    }

    // ---- 4. a company's period plans are no programmes ------------------------------------------------------

    [Theory]
    [InlineData("売上高は2,411億円で、通期計画5,200億円に対する進捗率は46%です。", "通期計画")]
    [InlineData("2025年度通期計画を据え置く", "計画")]
    [InlineData("上期計画を上回った", "上期計画")]
    [InlineData("年度計画に沿って進める", "年度計画")]
    [InlineData("事業計画を策定した", "事業計画")]
    [InlineData("四半期計画の見直し", "四半期計画")]
    public void CompanyPeriodPlans_AreNotProgrammes(string text, string surface) => None(text, surface);

    [Fact]
    public void NamedPlans_AreStillProgrammes()
    {
        Assert.Equal(EntityType.Program, Single("ITER計画への貢献に加え", "ITER計画").Type);
        Assert.Equal(EntityType.Program, Single("架空水素社会計画を推進", "架空水素社会計画").Type);
    }

    // ---- 5. foreign agencies under their full names ------------------------------------------------------

    [Fact]
    public void PossessiveOwner_DoesNotOpenTheAgencyName()
    {
        var mentions = Find("Germany's Federal Ministry of Education and Research (BMBF) separately committed €12.5m.");
        Assert.Equal(2, mentions.Count(m => m.EntityId == "bmbf"));
        Assert.Contains(mentions, m => m.EntityId == "germany");
        Assert.DoesNotContain(mentions, m => m.Surface.StartsWith("Germany's", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("the Federal Ministry of Education and Research said", "Federal Ministry of Education and Research", "bmbf")]
    [InlineData("独連邦教育研究省が支援", "独連邦教育研究省", "bmbf")]
    [InlineData("funded by the U.S. Department of Energy in 2024", "U.S. Department of Energy", "doe")]
    [InlineData("米エネルギー省の支援", "米エネルギー省", "doe")]
    [InlineData("the Defense Advanced Research Projects Agency program", "Defense Advanced Research Projects Agency", "darpa")]
    [InlineData("a U.S. National Science Foundation grant", "U.S. National Science Foundation", "nsf")]
    [InlineData("全米科学財団の予算", "全米科学財団", "nsf")]
    [InlineData("the EU Commission proposed", "EU Commission", "european-commission")]
    [InlineData("欧州委員会は発表した", "欧州委員会", "european-commission")]
    [InlineData("Deutsche Forschungsgemeinschaft (DFG) funding", "Deutsche Forschungsgemeinschaft", "dfg")]
    [InlineData("the French National Research Agency call", "French National Research Agency", "anr-france")]
    [InlineData("連邦経済気候保護省（BMWK）と", "連邦経済気候保護省", "bmwk")]
    [InlineData("ARPA-E awarded", "ARPA-E", "arpa-e")]
    [InlineData("the European Space Agency mission", "European Space Agency", "esa")]
    [InlineData("went public on Nasdaq in November", "Nasdaq", "nasdaq")]
    [InlineData("東証プライム市場に上場", "東証", "tse")]
    public void ForeignAgenciesAndExchanges_AreKnown(string text, string surface, string id) =>
        Assert.Equal(id, Single(text, surface).EntityId);

    // ---- 6. companies the gazetteer does not know ------------------------------------------------------------

    [Theory]
    [InlineData("Helion Robotics said on Tuesday it had raised $450 million", "Helion Robotics")]
    [InlineData("Helion Robotics raises $450 million as humanoid race heats up", "Helion Robotics")]
    [InlineData("Helion's rival Corvid Dynamics, which went public", "Corvid Dynamics")]
    [InlineData("Analysts at Kestrel Research estimate the market will grow", "Kestrel Research")]
    [InlineData("a Series C round led by Northgate Capital, valuing it", "Northgate Capital")]
    [InlineData("Ostrava Quantum announced a new chip", "Ostrava Quantum")]
    [InlineData("Rival Corvid Dynamics Posts Loss", "Corvid Dynamics")]
    public void NewsCompanies_AreFoundWhereTheSentenceMakesThemCompanies(string text, string surface)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Org, m.Type);
        Assert.Equal(MentionOrigin.Pattern, m.Origin);
    }

    [Theory]
    [InlineData("Fluid Dynamics is a field of physics", "Fluid Dynamics")]
    [InlineData("Computational Fluid Dynamics said little about it", "Dynamics")]
    [InlineData("Materials Research said nothing", "Materials Research")]
    [InlineData("Corvid Dynamics builds robots", "Corvid Dynamics")]
    [InlineData("a lecture on Molecular Dynamics", "Molecular Dynamics")]
    [InlineData("In Research said nothing", "Research")]
    [InlineData("Cloud Computing raises questions of cost", "Cloud Computing")]
    [InlineData("Cloud Computing plans are due", "Cloud Computing")]
    public void CapitalisedFields_WithoutACompanyContext_AreNotCompanies(string text, string surface) => None(text, surface);

    [Theory]
    [InlineData("Treibacher Industries AG supplies powders", "Treibacher Industries AG", "Treibacher Industries")]
    [InlineData("shares of Kestrel Holdings Ltd. rose", "Kestrel Holdings Ltd", "Kestrel Holdings")]
    [InlineData("Voltwerk GmbH opened a plant", "Voltwerk GmbH", "Voltwerk")]
    [InlineData("Ostrava Robotics Corp. filed", "Ostrava Robotics Corp", "Ostrava Robotics")]
    public void EnglishLegalForms_EndCompanyNames(string text, string surface, string name)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Org, m.Type);
        Assert.Equal(name, m.Name);
    }

    [Theory]
    [InlineData("独Voltwerk社との共同開発契約を締結", "Voltwerk社", "Voltwerk")]
    [InlineData("ノルドヴィント社と提携した", "ノルドヴィント社", "ノルドヴィント")]
    [InlineData("米General Motors社の工場", "General Motors社", "ゼネラル・モーターズ")]
    [InlineData("10x Genomics社の装置", "10x Genomics社", "10x Genomics")]
    [InlineData("Kestrel Holdings Corporation社と", "Kestrel Holdings Corporation社", "Kestrel Holdings")]
    public void ShaAfterAForeignName_IsACompany(string text, string surface, string name)
    {
        var m = Single(text, surface);
        Assert.Equal(EntityType.Org, m.Type);
        Assert.Equal(name, m.Name);
    }

    [Fact]
    public void ShaAfterAKnownName_IsTheKnownCompany() =>
        Assert.Equal("tesla", Single("米テスラ社製の電池", "テスラ社").EntityId);

    [Theory]
    [InlineData("同社は発表した", "同社")]
    [InlineData("当社の売上高", "当社")]
    [InlineData("A社とB社が参加", "A社")]
    [InlineData("株式会社の社長", "社長")]
    [InlineData("メーカー社との交渉", "メーカー")]
    [InlineData("日本ガイシ社の製品", "ガイシ")]
    [InlineData("ライバル社の動向", "ライバル")]
    [InlineData("スタートアップ社会の実現", "スタートアップ")]
    public void ShaAfterOrdinaryWords_IsNoCompany(string text, string surface) => None(text, surface);
}
