using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>The store verbs on the command line: filtered facts, entities, money, rm, migrate, and their bad input.</summary>
public sealed class StoreCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Theory]
    [InlineData("--min", "abc")]
    [InlineData("--after", "2024-13")]
    [InlineData("--before", "20x4")]
    [InlineData("--rating", "A")]
    [InlineData("--limit", "0")]
    [InlineData("--offset", "-3")]
    public async Task BadFilterValues_AreAUsageErrorNamingTheOption(string option, string value)
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "quantity", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task FactsFilteredAsJson_HoldOnlyMatchingFacts()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "quantity", "--unit", "JPY", "--min", "1e8", "--json");
        Assert.Equal(0, r.ExitCode);
        var facts = JsonDocument.Parse(r.Out).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(facts);
        Assert.All(facts, f =>
        {
            Assert.Equal("JPY", f.GetProperty("unit").GetString());
            var v = f.TryGetProperty("valueMax", out var vm) && vm.ValueKind == JsonValueKind.Number ? vm.GetDecimal() : f.GetProperty("value").GetDecimal();
            Assert.True(v >= 100_000_000m);
        });
        var none = await Support.Cli.RunAsync("--db", seeds.DbPath, "facts", "--kind", "quantity", "--unit", "XXX", "--json");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal("[]", none.Out.Trim());
    }

    [Fact]
    public async Task OneEntity_ListsEveryMentionWithItsLines()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "entities", "Rapidus", "--json");
        Assert.Equal(0, r.ExitCode);
        var e = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(e.GetProperty("mentions").GetInt32(), e.GetProperty("occurrences").GetArrayLength());
        Assert.All(e.GetProperty("occurrences").EnumerateArray(), o => Assert.True(o.GetProperty("provenance").GetProperty("line").GetInt32() > 0));
        var unknown = await Support.Cli.RunAsync("--db", seeds.DbPath, "entities", "NoSuchEntityAnywhere");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Single(unknown.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Money_SumsPerCurrencyAndCountsARestatementOnce()
    {
        var r = await Support.Cli.RunAsync("--db", seeds.DbPath, "money", "--json");
        Assert.Equal(0, r.ExitCode);
        var groups = JsonDocument.Parse(r.Out).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(groups);
        foreach (var g in groups)
        {
            var amounts = g.GetProperty("amounts").EnumerateArray().ToList();
            foreach (var t in g.GetProperty("totals").EnumerateArray())
            {
                var currency = t.GetProperty("currency").GetString();
                var mine = amounts.Where(a => a.GetProperty("currency").GetString() == currency).ToList();
                Assert.Equal(mine.Sum(a => a.GetProperty("value").GetDecimal()), t.GetProperty("total").GetDecimal());
                // No two amounts of one group are the same figure in the same document.
                Assert.Equal(mine.Count, mine.Select(a => (a.GetProperty("documentId").GetString(), a.GetProperty("value").GetDecimal())).Distinct().Count());
            }
        }
        var bad = await Support.Cli.RunAsync("--db", seeds.DbPath, "money", "--by", "planet");
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public async Task Rm_RemovesAllOrNothing()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        File.Copy(seeds.DbPath, db);
        var unknown = await Support.Cli.RunAsync("--db", db, "rm", "002", "zzzz-no-such-doc");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("zzzz-no-such-doc", unknown.Err);
        Assert.Equal(4, JsonDocument.Parse((await Support.Cli.RunAsync("--db", db, "docs", "--json")).Out).RootElement.GetArrayLength());

        var ok = await Support.Cli.RunAsync("--db", db, "rm", "002", "003");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(2, JsonDocument.Parse((await Support.Cli.RunAsync("--db", db, "docs", "--json")).Out).RootElement.GetArrayLength());
        var migrate = await Support.Cli.RunAsync("--db", db, "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
