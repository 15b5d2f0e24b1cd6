using System.Text.Json;
using Fukan.Storage;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Conflicts;

/// <summary>`fukan conflicts resolve` on both engines: decisions are stored with who and when, shown in the listing, appended, withdrawn.</summary>
public sealed class ConflictResolveTests
{
    public static TheoryData<string> Engines => new("sqlite", "postgres");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Resolve_StoresTheDecision_TheListingShowsIt_AndNothingIsOverwritten(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        using var dir = new TempDir();
        foreach (var f in Directory.GetFiles(ConflictCorpusFixture.CorpusDirectory))
            if (!f.EndsWith(".tsv", StringComparison.Ordinal)) File.Copy(f, dir.File(Path.GetFileName(f)));
        Task<Support.Cli.Result> Run(params string[] args) => Support.Cli.RunAsync(["--db", location.Location, .. args]);
        Assert.Equal(0, (await Run("ingest", dir.Path)).ExitCode);

        using var before = JsonDocument.Parse((await Run("conflicts", "--kind", "quantity", "--json")).Out);
        var group = before.RootElement[0];
        var id = group.GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Null, group.GetProperty("resolution").ValueKind);
        var second = group.GetProperty("facts")[1].GetProperty("provenance");

        var r = await Run("conflicts", "resolve", id, "--prefer", "1", "--note", "the company's own report");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{id}: recorded (side 1 preferred)", r.Out);

        using var after = JsonDocument.Parse((await Run("conflicts", "--kind", "quantity", "--json")).Out);
        var resolved = after.RootElement.EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);
        var resolution = resolved.GetProperty("resolution");
        var first = resolved.GetProperty("facts")[0].GetProperty("provenance");
        Assert.Equal($"{first.GetProperty("documentId").GetString()}:{first.GetProperty("start").GetInt32()}", resolution.GetProperty("preferred").GetString());
        Assert.Equal("the company's own report", resolution.GetProperty("note").GetString());
        Assert.False(string.IsNullOrEmpty(resolution.GetProperty("by").GetString()));
        Assert.True(DateTimeOffset.UtcNow - resolution.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        // Other groups are untouched; the human listing marks the preferred side.
        Assert.All(after.RootElement.EnumerateArray().Where(g => g.GetProperty("id").GetString() != id), g => Assert.Equal(JsonValueKind.Null, g.GetProperty("resolution").ValueKind));
        Assert.Contains("✓ preferred", (await Run("conflicts", "--kind", "quantity")).Out);

        // A later decision (by DOC:LINE) is the one in force; the earlier stays in the history.
        var doc = second.GetProperty("documentId").GetString()![..12];
        Assert.Equal(0, (await Run("conflicts", "resolve", id, "--deprecate", $"{doc}:{second.GetProperty("line").GetInt32()}")).ExitCode);
        await using (var store = await KnowledgeBase.OpenAsync(location.Location, StoreAccess.Read, cancellationToken: Ct))
        {
            var inForce = Assert.Single(await store.ListResolutionsAsync(Ct));
            Assert.Null(inForce.Preferred);
            Assert.Single(inForce.Deprecated);
        }
        Assert.Equal(0, (await Run("conflicts", "resolve", id, "--clear")).ExitCode);
        await using (var store = await KnowledgeBase.OpenAsync(location.Location, StoreAccess.Read, cancellationToken: Ct))
            Assert.Empty(await store.ListResolutionsAsync(Ct));

        // Bad input: one line, the right exit code, nothing stored.
        var unknown = await Run("conflicts", "resolve", "qnotagroup", "--prefer", "1");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no conflict group 'qnotagroup'", unknown.Err);
        var badSide = await Run("conflicts", "resolve", id, "--prefer", "9");
        Assert.Equal(2, badSide.ExitCode);
        Assert.Contains($"side 9: group {id} has sides 1 to", badSide.Err);
        var nothing = await Run("conflicts", "resolve", id);
        Assert.Equal(2, nothing.ExitCode);
        await using (var store = await KnowledgeBase.OpenAsync(location.Location, StoreAccess.Read, cancellationToken: Ct))
            Assert.Empty(await store.ListResolutionsAsync(Ct));
    }
}
