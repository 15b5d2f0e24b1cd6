using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

public class FactsCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task FactsQuantityJson_FollowsTheContract_WithOriginalProvenance()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "quantity", "--doc", "001", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var json = JsonDocument.Parse(r.Out);
        var budget = json.RootElement.EnumerateArray().First(q => q.GetProperty("text").GetString()!.StartsWith("7500万ドル"));
        Assert.Equal("quantity", budget.GetProperty("kind").GetString());
        Assert.Equal(75_000_000m, budget.GetProperty("value").GetDecimal());
        Assert.Equal("USD", budget.GetProperty("unit").GetString());
        var prov = budget.GetProperty("provenance");
        int line = prov.GetProperty("line").GetInt32();
        Assert.Contains("7500万ドル", File.ReadAllLines(Seeds.Path("001"))[line - 1]);
        var source = File.ReadAllText(Seeds.Path("001"));
        Assert.StartsWith("7500万ドル", source[prov.GetProperty("start").GetInt32()..prov.GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task FactsDateCsv_HasAHeaderAndRows()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "date", "--doc", "002", "--csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Trim().Split('\n');
        Assert.Equal("text,start,end,precision,documentId,line,endLine,sourceStart,sourceEnd", lines[0].Trim());
        Assert.Contains(lines, l => l.StartsWith("令和8年2月12日,2026-02-12,2026-02-12,day,"));
    }

    [Theory]
    [InlineData("division", "2.1")]
    [InlineData("priority-theme", "先進半導体材料")]
    [InlineData("minutes", "2026-02-12")]
    public async Task Facts_ReportAndMinutesKinds_AreListed(string kind, string expected)
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", kind, "--csv");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains(expected, r.Out);
    }

    [Fact]
    public async Task Facts_UnknownKind_IsAUsageError()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "colour");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--kind colour: unknown kind", r.Err);
    }
}
