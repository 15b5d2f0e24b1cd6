using System.Text.Json;
using System.Xml.Linq;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

public class DigestCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task MinutesJson_HasTheNineAttendeesAgendaAndStatementsBySide()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "minutes", "002", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        Assert.Equal("2026-02-12", root.GetProperty("date").GetString());
        Assert.Contains("経済産業省", root.GetProperty("place").GetString());
        var attendees = root.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(9, attendees.Count);
        Assert.All(attendees, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("organization").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("title").GetString()));
        });
        var matsuo = attendees.Single(a => a.GetProperty("name").GetString() == "松尾 豊");
        Assert.Equal("東京大学大学院工学系研究科", matsuo.GetProperty("organization").GetString());
        Assert.Equal("教授", matsuo.GetProperty("title").GetString());
        Assert.Equal(5, root.GetProperty("agenda").GetArrayLength());
        var statements = root.GetProperty("statements").EnumerateArray().ToList();
        Assert.Contains(statements, s => s.GetProperty("side").GetString() == "secretariat");
        Assert.Contains(statements, s => s.GetProperty("topic").GetString() == "半導体分野について" && s.GetProperty("side").GetString() == "member");
    }

    [Fact]
    public async Task FactsStatement_RowsNameTheirKindAndPointAtTheirLine()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "statement", "--doc", "002", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Equal("kind", row.EnumerateObject().First().Name);
            Assert.Equal("statement", row.GetProperty("kind").GetString());
            Assert.True(row.GetProperty("provenance").GetProperty("line").GetInt32() > 0);
        });
    }

    [Fact]
    public async Task FactsStatementCsv_HasTheSpeakerColumns()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "statement", "--doc", "002", "--csv");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("topic,side,speakerName,speakerRole,text,documentId,line,endLine,sourceStart,sourceEnd", lines[0].TrimEnd('\r'));
        Assert.True(lines.Length > 10);
    }

    [Fact]
    public async Task Minutes_OnAReport_SaysItIsNotMinutes()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "minutes", "001");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not minutes (kind report)", r.Err);
    }

    [Fact]
    public async Task EntitiesJson_LinksAliasesAndCountsPerDocument()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "entities", "--type", "country", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var us = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "米国");
        Assert.Equal("country", us.GetProperty("type").GetString());
        Assert.Contains(us.GetProperty("aliases").EnumerateArray(), a => a.GetString() == "アメリカ");
        int perDoc = us.GetProperty("documents").EnumerateArray().Sum(d => d.GetProperty("mentions").GetInt32());
        Assert.Equal(us.GetProperty("mentions").GetInt32(), perDoc);
    }

    [Fact]
    public async Task Timeline_JsonAndSvg()
    {
        using var dir = new TempDir();
        var svg = dir.File("t.svg");
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "timeline", "--from", "2024", "--to", "2030", "--json", "--svg", svg);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        Assert.All(json.RootElement.EnumerateArray(), e =>
        {
            var start = e.GetProperty("date").GetProperty("start");
            var end = e.GetProperty("date").GetProperty("end");
            if (start.ValueKind != JsonValueKind.Null && end.ValueKind != JsonValueKind.Null)
            {
                // A bounded period is shown when it overlaps the range (a 2016–2025 programme is still running in 2024).
                Assert.True(string.CompareOrdinal(start.GetString(), "2030-12-31") <= 0 && string.CompareOrdinal(end.GetString(), "2024-01-01") >= 0);
                return;
            }
            var anchor = start.ValueKind == JsonValueKind.Null ? end.GetString()! : start.GetString()!;
            Assert.InRange(int.Parse(anchor[..4]), 2024, 2030);   // open-ended: where it starts (or, for "by", ends)
        });
        // The date's words are where the event fact keeps them too.
        Assert.All(json.RootElement.EnumerateArray(), e =>
            Assert.Equal(e.GetProperty("date").GetProperty("text").GetString(), e.GetProperty("dateText").GetString()));
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("label").GetString()!.Contains("N2量産開始"));
        XDocument.Load(svg);   // well-formed
    }

    [Fact]
    public async Task Ingest_WithAMalformedGazetteer_IsAOneLineError()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.yaml", "entities: [ {id: x, name: ");
        var r = await Support.Cli.RunAsync("--db", dir.File("kb.db"), "ingest", "--gazetteer", bad, Seeds.Path("000"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bad.yaml", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }
}
