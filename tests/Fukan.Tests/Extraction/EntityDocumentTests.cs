using Fukan.Tests.Support;
using Fukan.Extraction.Entities;
using Fukan.Pipeline;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// The five documents in Expectations/documents (a press release, a budget summary, English tech news, an English
/// R&amp;D strategy, a hydrogen roadmap) through the whole pipeline: the entities each names are found, under the
/// right entity, and the junk their layouts invite (datelines, headings in capitals, R&amp;D, 通期計画) is not.
/// </summary>
public class EntityDocumentTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();
    private static readonly string DocumentDir = TestDocuments.Directory;

    private static List<MentionFact> Mentions(string file)
    {
        var path = Path.Combine(DocumentDir, file);
        return Pipeline.Process(path, File.ReadAllBytes(path)).Document!.Facts.OfType<MentionFact>().ToList();
    }

    private static void NoNameStartsWithADate(List<MentionFact> mentions) =>
        Assert.DoesNotContain(mentions, m => m.Name.StartsWith("令和", StringComparison.Ordinal) || char.IsAsciiDigit(m.Name[0]) && m.Name.Contains('年'));

    [Fact]
    public void PressRelease_NamesTheCompanyAndItsPartner_NotTheDatelineOrThePlan()
    {
        var mentions = Mentions("press_release.md");
        NoNameStartsWithADate(mentions);
        Assert.Contains(mentions, m => m.Name == "ミナトエナジー" && m.Type == EntityType.Org);
        Assert.Contains(mentions, m => m.Name == "Voltwerk" && m.Type == EntityType.Org);
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Program);
    }

    [Fact]
    public void BudgetSummary_NamesTheMinistry_NotTheDateAboveIt()
    {
        var mentions = Mentions("budget.md");
        NoNameStartsWithADate(mentions);
        Assert.Contains(mentions, m => m.EntityId == "mext" && m.Surface == "文部科学省");
    }

    [Fact]
    public void TechNews_NamesItsCompaniesAndAgencies_NotTheDateline()
    {
        var mentions = Mentions("tech_news.md");
        var ids = mentions.Select(m => m.EntityId).ToHashSet();
        foreach (var id in new[] { "bmbf", "germany", "mexico", "nasdaq", "eu-chips-act" })
            Assert.Contains(id, ids);
        Assert.Equal(2, mentions.Count(m => m.EntityId == "bmbf"));
        foreach (var name in new[] { "Helion Robotics", "Corvid Dynamics", "Kestrel Research", "Northgate Capital" })
            Assert.Contains(mentions, m => m.Name == name && m.Type == EntityType.Org);
        Assert.DoesNotContain(mentions, m => m.Surface is "SAN" or "FRANCISCO" || m.Surface.StartsWith("Germany's", StringComparison.Ordinal));
    }

    [Fact]
    public void RdStrategy_NamesTheCompanyAndPartners_NotADStrategy()
    {
        var mentions = Mentions("rd_strategy.md");
        Assert.Contains(mentions, m => m.Name == "Aster Materials" && m.Type == EntityType.Org);
        var ids = mentions.Select(m => m.EntityId).ToHashSet();
        Assert.Contains("toyota", ids);
        Assert.Contains("panasonic", ids);
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Program);
    }

    [Fact]
    public void Roadmap_NamesItsAuthor()
    {
        var mentions = Mentions("roadmap.md");
        NoNameStartsWithADate(mentions);
        Assert.Contains(mentions, m => m.Name == "エネルギー総合研究会" && m.Type == EntityType.Org);
    }
}
