using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>Two ingests into one PostgreSQL knowledge base at once, on the same folder: both finish, nothing is lost or doubled.</summary>
public sealed class ConcurrentIngestTests
{
    [Fact]
    public async Task TwoIngestsAtOnce_OnOverlappingFolders_StoreEveryFileOnce_AsOneIngestWould()
    {
        TestPostgres.Require();
        using var dir = new TempDir();
        foreach (var p in new[] { "000", "002", "003" }) File.Copy(Seeds.Path(p), dir.File(Path.GetFileName(Seeds.Path(p))));
        // The same content under a second name: stored once, whichever ingest gets there first.
        File.Copy(Seeds.Path("002"), Path.Combine(Directory.CreateDirectory(dir.File("again")).FullName, "minutes-copy.txt"));
        await using var shared = await TestStoreLocation.CreateAsync("postgres");
        await using var alone = await TestStoreLocation.CreateAsync("sqlite");

        var runs = await Task.WhenAll(
            Support.Cli.RunAsync("--db", shared.Location, "ingest", dir.Path),
            Support.Cli.RunAsync("--db", shared.Location, "ingest", dir.Path));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.All(runs, r => Assert.Contains("0 failed", r.Out));
        // Eight files seen, three contents: three stored as new between the two runs, the rest found unchanged.
        int New(Support.Cli.Result r) => int.Parse(System.Text.RegularExpressions.Regex.Match(r.Out, @"(\d+) new").Groups[1].Value);
        Assert.Equal(3, New(runs[0]) + New(runs[1]));
        var single = await Support.Cli.RunAsync("--db", alone.Location, "ingest", dir.Path);
        Assert.Equal(0, single.ExitCode);

        var docs = await Support.Cli.RunAsync("--db", shared.Location, "docs", "--json");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(docs.Out, "\"id\":").Count);
        // Whatever the interleaving, the catalogue and the facts are those of one ingest of the same files.
        foreach (var command in new[] { new[] { "entities", "--json" }, ["facts", "--kind", "event", "--json"], ["facts", "--kind", "minutes", "--json"] })
        {
            var expected = (await Support.Cli.RunAsync(["--db", alone.Location, .. command])).Out;
            Assert.Equal(expected, (await Support.Cli.RunAsync(["--db", shared.Location, .. command])).Out);
        }
    }
}
