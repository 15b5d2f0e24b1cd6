using System.Diagnostics;
using Fukan.Extraction.Entities;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>The seed documents, read at run time: the entities each is about are found, junk is not.</summary>
public class EntitySeedTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    private static List<MentionFact> Mentions(string seed)
    {
        var path = Seeds.Path(seed);
        var doc = Pipeline.Process(path, File.ReadAllBytes(path)).Document!;
        var mentions = doc.Facts.OfType<MentionFact>().ToList();
        // A name on one line is quoted exactly; one wrapped across lines spans its original lines.
        foreach (var m in mentions)
            if (m.Source.Line == m.Source.EndLine) Assert.Equal(Spaced(m.Surface), Spaced(doc.Source.Text[m.Source.Span.Start..m.Source.Span.End]));
            else Assert.True(m.Source.EndLine > m.Source.Line);
        return mentions;
    }

    // PDF text separates words with tabs where the passage has spaces.
    private static string Spaced(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s", " ");

    [Fact]
    public void Roadmap_NamesItsTechnologiesAndCompanies()
    {
        var ids = Mentions("000").Select(m => m.EntityId).ToHashSet();
        foreach (var id in new[] { "gaa", "bspdn", "hvm", "finfet", "tsmc", "intel", "all-solid-state-battery", "llm", "quantumscape", "toyota", "nissan", "powervia" })
            Assert.Contains(id, ids);
    }

    [Fact]
    public void Minutes_NamesEveryAttendeeOrganisation()
    {
        var mentions = Mentions("002");
        var ids = mentions.Select(m => m.EntityId).ToHashSet();
        foreach (var id in new[] { "meti", "sakana-ai", "abeja", "yaskawa", "rapidus", "tokyo-electron", "u-tokyo", "sompo", "ipa", "sony", "tsmc", "united-states", "japan" })
            Assert.Contains(id, ids);
        // 株式会社シナモン is not in the gazetteer: the legal form finds it.
        Assert.Contains(mentions, m => m.Name == "シナモン" && m.Type == EntityType.Org && m.Origin == MentionOrigin.Pattern);
    }

    [Fact]
    public void InvestmentPost_NamesItsCompanies()
    {
        var summaries = EntityCatalog.Aggregate(Mentions("003"));
        var amazon = summaries.Single(s => s.Id == "amazon");
        Assert.True(amazon.Mentions >= 15);
        foreach (var id in new[] { "aws", "nvidia", "tsmc", "samsung", "asml", "annapurna-labs", "israel", "node-3nm" })
            Assert.Contains(summaries, s => s.Id == id);
    }

    [Fact]
    public void Report_FindsProgrammesAndInstitutesWithoutJunk()
    {
        var sw = Stopwatch.StartNew();
        var mentions = Mentions("001");
        sw.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"001: {mentions.Count} mentions in {sw.ElapsedMilliseconds} ms (pipeline included)");
        Assert.True(mentions.Count > 5000);
        var summaries = EntityCatalog.Aggregate(mentions);
        foreach (var id in new[] { "jst", "nedo", "nims", "aist", "crest", "sip", "moonshot", "nni", "mgi", "horizon-europe", "chips-act", "imec", "darpa",
                                   "bmbf", "bmwk", "dfg", "anr-france", "tia", "coi-stream", "coi-next" })
            Assert.Contains(summaries, s => s.Id == id);
        Assert.Contains(summaries, s => s.Type == EntityType.Program && s.Origin() == MentionOrigin.Pattern && s.Name.EndsWith("プロジェクト", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Type == EntityType.Org && s.Name.EndsWith("大学", StringComparison.Ordinal) && !Gazetteer.Default.TryFindName(s.Name, out _));

        var junk = new[] { "本プロジェクト", "研究所", "大学", "プロジェクト", "nm", "CO2", "LiPF6", "GeV", "PFLOPS", "COVID", "国家戦略", "同大学",
                           "STRATEGIC", "SUPPLEMENT", "PRESIDENT", "STREAM" };
        foreach (var m in mentions)
            Assert.DoesNotContain(m.Surface, junk);
    }

    [Fact]
    public void Report_NamesForeignCompaniesWrittenWithSha()
    {
        var summaries = EntityCatalog.Aggregate(Mentions("001"));
        foreach (var name in new[] { "Graphcore", "Climeworks", "10x Genomics", "Oxford Instruments", "ロールス・ロイス" })
            Assert.Contains(summaries, s => s.Name == name && s.Type == EntityType.Org);
        Assert.Contains(summaries, s => s.Id == "siemens" || s.Name == "Siemens");
    }
}

internal static class SummaryTestExtensions
{
    // Pattern entities have ids derived from their names, gazetteer ones are slugs the gazetteer knows.
    public static MentionOrigin Origin(this EntitySummary s) => Gazetteer.Default.TryGet(s.Id, out _) ? MentionOrigin.Gazetteer : MentionOrigin.Pattern;
}
