using Fukan.Extraction.Entities;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

public class GazetteerTests
{
    [Fact]
    public void Default_LoadsHundredsOfEntriesOfEveryType()
    {
        var g = Gazetteer.Default;
        Assert.True(g.Count >= 250, $"only {g.Count} entries");
        foreach (var type in Enum.GetValues<EntityType>())
            Assert.Contains(g.Entries, e => e.Type == type);
    }

    [Theory]
    [InlineData("米国", "united-states")]
    [InlineData("アメリカ", "united-states")]
    [InlineData("US", "united-states")]
    [InlineData("経済産業省", "meti")]
    [InlineData("METI", "meti")]
    [InlineData("ｍｅｔｉ", "meti")]
    [InlineData("欧州", "europe")]
    [InlineData("EU", "europe")]
    [InlineData("Gate-All-Around", "gaa")]
    [InlineData("Sakana　AI", "sakana-ai")]
    public void TryFindName_AliasesFoldedAndSpaceless_FindTheEntity(string name, string id)
    {
        Assert.True(Gazetteer.Default.TryFindName(name, out var entry), name);
        Assert.Equal(id, entry.Id);
    }

    [Fact]
    public void UserFile_NewIdExtends_KnownIdAddsAliasesAndOverrides()
    {
        var builder = new GazetteerBuilder().AddDefault().AddYaml("""
            entities:
              - { id: kasou-denchi, type: org, name: 架空電池, aliases: [Kasou Battery] }
              - { id: meti, aliases: [経済産業省本省] }
              - { id: tsmc, name: 台湾積体電路製造, type: org }
            ignore: [STEM]
            """, "user.yaml");
        Assert.Empty(builder.Diagnostics);
        var g = builder.Build();
        Assert.True(g.TryFindName("kasou battery", out var added));
        Assert.Equal("kasou-denchi", added.Id);
        Assert.True(g.TryFindName("経済産業省本省", out var meti));
        Assert.Equal("meti", meti.Id);
        Assert.Contains("METI", meti.Aliases);
        Assert.True(g.TryGet("tsmc", out var tsmc));
        Assert.Equal("台湾積体電路製造", tsmc.Name);
        Assert.True(g.IsIgnored("STEM"));
    }

    [Fact]
    public void UserFile_ReplaceAliasesAndRemove_TakeEffect()
    {
        var g = new GazetteerBuilder().AddDefault().AddYaml("""
            entities:
              - { id: meti, aliases: [経産], replaceAliases: true }
              - { id: tsmc, remove: true }
            """, "user.yaml").Build();
        Assert.False(g.TryFindName("METI", out _));
        Assert.True(g.TryFindName("経産", out var m));
        Assert.Equal("meti", m.Id);
        Assert.False(g.TryGet("tsmc", out _));
        Assert.False(g.TryFindName("TSMC", out _));
    }

    [Fact]
    public void UserFile_MalformedYaml_IsADiagnosticNotAnException()
    {
        var builder = new GazetteerBuilder().AddDefault().AddYaml("entities: [ { id: x, type: org", "broken.yaml");
        var d = Assert.Single(builder.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("broken.yaml", d.File);
        Assert.True(builder.Build().Count >= 250);
    }

    [Fact]
    public void UserFile_BadEntries_AreSkippedWithTheirLine()
    {
        var builder = new GazetteerBuilder().AddYaml("""
            entities:
              - { id: a, type: company, name: A社 }
              - { type: org, name: 名無し }
              - { id: b, type: org }
              - { id: c, type: tech, name: 架空技術 }
            """, "user.yaml");
        Assert.Equal(3, builder.Diagnostics.Count);
        Assert.Equal([2, 3, 4], builder.Diagnostics.Select(d => d.Line ?? 0));
        var g = builder.Build();
        Assert.Equal(1, g.Count);
        Assert.True(g.TryGet("c", out _));
    }

    [Fact]
    public void Load_MissingUserFile_IsReportedAndDefaultsStay()
    {
        var diagnostics = new List<Diagnostic>();
        var g = Gazetteer.Load([Path.Combine(Path.GetTempPath(), "no-such-gazetteer-" + Guid.NewGuid() + ".yaml")], diagnostics);
        Assert.Single(diagnostics);
        Assert.True(g.TryFindName("NEDO", out _));
    }

    [Fact]
    public void Load_UserFileOnDisk_IsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), "fukan-gazetteer-" + Guid.NewGuid() + ".yaml");
        File.WriteAllText(path, "entities:\n  - { id: fictive-lab, type: org, name: 架空ラボ }\n");
        try
        {
            var diagnostics = new List<Diagnostic>();
            var g = Gazetteer.Load([path], diagnostics);
            Assert.Empty(diagnostics);
            Assert.True(g.TryFindName("架空ラボ", out var e));
            Assert.Equal(EntityType.Org, e.Type);
        }
        finally { File.Delete(path); }
    }
}
