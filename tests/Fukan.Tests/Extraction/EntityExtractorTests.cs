using System.Text;
using System.Text.Json;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Pipeline;
using Xunit;

namespace Fukan.Tests.Extraction;

public class EntityExtractorTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    private static (ProcessedDocument Doc, List<MentionFact> Mentions) Process(string text, string name = "doc.txt")
    {
        var result = Pipeline.Process(name, Encoding.UTF8.GetBytes(text));
        var doc = Assert.IsType<ProcessedDocument>(result.Document);
        return (doc, doc.Facts.OfType<MentionFact>().ToList());
    }

    [Fact]
    public void Mentions_PointBackToTheOriginalCharacters()
    {
        var text = "# 概要\n\n経済産業省とNEDOは、\n全固体電池の開発を進める。\n\n米国ではIntelが先行する。\n";
        var (doc, mentions) = Process(text);
        Assert.Equal(["meti", "nedo", "all-solid-state-battery", "united-states", "intel"], mentions.Select(m => m.EntityId));
        foreach (var m in mentions)
        {
            Assert.Equal(MentionFact.KindName, m.Kind);
            Assert.Equal(m.Surface, text[m.Source.Span.Start..m.Source.Span.End]);
            Assert.Equal(doc.Source.LineOf(m.Source.Span.Start), m.Source.Line);
        }
        Assert.Equal(4, mentions.Single(m => m.EntityId == "all-solid-state-battery").Source.Line);
    }

    [Fact]
    public void DefinedAcronym_NamesItsEntityLaterInTheDocument()
    {
        var text = "架空先端研究機構（KSKK）が発足した。\n\nその後、KSKKは新拠点を設けた。\n";
        var (_, mentions) = Process(text);
        var ids = mentions.Where(m => m.Surface == "KSKK").Select(m => m.EntityId).Distinct().ToList();
        Assert.Equal(["架空先端研究機構"], ids);
        Assert.All(mentions.Where(m => m.Surface == "KSKK"), m => Assert.Equal(EntityType.Org, m.Type));
    }

    [Fact]
    public void AcronymUsedBeforeItsDefinition_KeepsItsOwnMeaning()
    {
        var text = "ICTの活用が進む。\n\n架空化学技術研究所（ICT）も参加した。\n\nICTの投資が増える。\n";
        var (_, mentions) = Process(text);
        var icts = mentions.Where(m => m.Surface == "ICT").ToList();
        Assert.Equal(3, icts.Count);
        Assert.Equal("ict", icts[0].EntityId);
        Assert.Equal("架空化学技術研究所", icts[1].EntityId);
        Assert.Equal("ict", icts[2].EntityId);
    }

    [Fact]
    public void MentionFact_Json_HasTheContractFields()
    {
        var (_, mentions) = Process("TSMCの工場。\n");
        var json = JsonSerializer.Serialize(mentions[0], FukanJson.Options);
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.Equal("tsmc", root.GetProperty("entityId").GetString());
        Assert.Equal("org", root.GetProperty("type").GetString());
        Assert.Equal("TSMC", root.GetProperty("surface").GetString());
        Assert.Equal("mention", root.GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("provenance").GetProperty("line").GetInt32());
    }
}

public class FactRoundTripTests
{
    [Fact]
    public void MentionAndMinutesFacts_RoundTripThroughTheStoredJson()
    {
        var pipeline = new FukanPipelineBuilder().UseDefaults().Build();
        var path = Fukan.Tests.Support.Seeds.Path("002");
        var doc = pipeline.Process(path, File.ReadAllBytes(path)).Document!;

        var mention = doc.Facts.OfType<MentionFact>().First(m => m.EntityId == "rapidus");
        var stored = new Fukan.Storage.StoredFact(doc.Info.Id, mention.Kind, mention.Source, Fukan.Storage.FactSerializer.Serialize(mention));
        Assert.Equal(mention, Fukan.Storage.FactSerializer.Deserialize<MentionFact>(stored));

        var minutes = doc.Facts.OfType<Fukan.Extraction.Minutes.MinutesFact>().Single();
        var storedMinutes = new Fukan.Storage.StoredFact(doc.Info.Id, minutes.Kind, minutes.Source, Fukan.Storage.FactSerializer.Serialize(minutes));
        var back = Fukan.Storage.FactSerializer.Deserialize<Fukan.Extraction.Minutes.MinutesFact>(storedMinutes);
        Assert.Equal(minutes.Source, back.Source);
        Assert.Equal(minutes.Digest.Date, back.Digest.Date);
        Assert.Equal(minutes.Digest.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)), back.Digest.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(minutes.Digest.Statements.Select(s => (s.Topic, s.Side, s.Text, s.Provenance)), back.Digest.Statements.Select(s => (s.Topic, s.Side, s.Text, s.Provenance)));
        Assert.Equal(minutes.Digest.Agenda[0].Items.Count, back.Digest.Agenda[0].Items.Count);
    }
}

public class MentionFactJsonTests
{
    [Fact]
    public void Json_HasTheContractShape_AndReadsBack()
    {
        var fact = new MentionFact("meti", "経済産業省", EntityType.Org, "METI \"本省\"",
            new Provenance(new DocumentId("abc"), 3, 4, new CharSpan(10, 14)), MentionOrigin.Definition);
        var json = JsonSerializer.Serialize(fact, FukanJson.Options);
        Assert.Equal("""{"kind":"mention","entityId":"meti","name":"経済産業省","type":"org","surface":"METI \"本省\"","origin":"definition","provenance":{"documentId":"abc","line":3,"endLine":4,"start":10,"end":14}}""", json);
        Assert.Equal(fact, JsonSerializer.Deserialize<MentionFact>(json, FukanJson.Options));
    }

    [Fact]
    public void Json_WithoutProvenance_IsAnError()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MentionFact>("""{"kind":"mention","entityId":"x"}""", FukanJson.Options));
    }
}
