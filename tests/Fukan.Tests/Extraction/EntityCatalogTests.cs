using System.Text.Json;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

public class EntityCatalogTests
{
    private static readonly DocumentId DocA = new("aaaa");
    private static readonly DocumentId DocB = new("bbbb");

    private static MentionFact Mention(DocumentId doc, string id, string name, EntityType type, string surface) =>
        new(id, name, type, surface, new Provenance(doc, 1, 1, new CharSpan(0, surface.Length)));

    private static List<MentionFact> Sample() =>
    [
        Mention(DocA, "united-states", "米国", EntityType.Country, "米国"),
        Mention(DocA, "united-states", "米国", EntityType.Country, "アメリカ"),
        Mention(DocB, "united-states", "米国", EntityType.Country, "米国"),
        Mention(DocB, "united-states", "米国", EntityType.Country, "US"),
        Mention(DocB, "united-states", "米国", EntityType.Country, "米国"),
        Mention(DocA, "meti", "経済産業省", EntityType.Org, "経済産業省"),
        Mention(DocB, "gaa", "GAA", EntityType.Tech, "GAA"),
        Mention(DocB, "gaa", "GAA", EntityType.Tech, "Gate-All-Around"),
    ];

    [Fact]
    public void Aggregate_CountsMentionsPerEntityAndDocument()
    {
        var summaries = EntityCatalog.Aggregate(Sample());
        Assert.Equal(["united-states", "gaa", "meti"], summaries.Select(s => s.Id));
        var us = summaries[0];
        Assert.Equal(5, us.Mentions);
        Assert.Equal("米国", us.Name);
        Assert.Equal(["米国", "US", "アメリカ"], us.Aliases);
        Assert.Equal([new EntityDocumentCount(DocB, 3), new EntityDocumentCount(DocA, 2)], us.Documents);
    }

    [Fact]
    public void Aggregate_ByType_KeepsOnlyThatType()
    {
        var orgs = EntityCatalog.Aggregate(Sample(), EntityType.Org);
        Assert.Equal("meti", Assert.Single(orgs).Id);
    }

    [Fact]
    public void Summary_Json_IsTheContract()
    {
        var json = JsonSerializer.Serialize(EntityCatalog.Aggregate(Sample())[1], FukanJson.Options);
        Assert.Equal("""{"id":"gaa","name":"GAA","type":"tech","aliases":["GAA","Gate-All-Around"],"mentions":2,"documents":[{"document":"bbbb","mentions":2}]}""", json);
    }

    [Theory]
    [InlineData("org", EntityType.Org)]
    [InlineData("program", EntityType.Program)]
    [InlineData("Country", EntityType.Country)]
    [InlineData("tech", EntityType.Tech)]
    public void TypeNames_RoundTrip(string name, EntityType type)
    {
        Assert.True(EntityTypeNames.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(name.ToLowerInvariant(), type.ToName());
    }

    [Fact]
    public void TypeNames_Unknown_IsRejected() => Assert.False(EntityTypeNames.TryParse("company", out _));
}
