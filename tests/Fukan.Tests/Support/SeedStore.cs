using Fukan.Pipeline;
using Fukan.Storage;
using Xunit;

namespace Fukan.Tests.Support;

/// <summary>The four seeds processed once and shared by the tests that read them.</summary>
public static class SeedDocuments
{
    private static readonly Lazy<IReadOnlyDictionary<string, ProcessedDocument>> All = new(Load);

    public static FukanPipeline Pipeline { get; } = Fukan.Pipeline.FukanDefaults.CreatePipeline();

    public static ProcessedDocument Get(string prefix) => All.Value[prefix];

    private static IReadOnlyDictionary<string, ProcessedDocument> Load()
    {
        var result = new Dictionary<string, ProcessedDocument>();
        foreach (var prefix in new[] { "000", "001", "002", "003" })
        {
            var path = Seeds.Path(prefix);
            var processed = Pipeline.Process(path, File.ReadAllBytes(path));
            result[prefix] = processed.Document ?? throw new InvalidOperationException($"seed {prefix} failed: {string.Join("; ", processed.Diagnostics)}");
        }
        return result;
    }
}

/// <summary>A knowledge base holding the four seeds, built once per test run in a temp folder.</summary>
public sealed class SeedStoreFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string DbPath => _dir.File("seeds.db");

    public async ValueTask InitializeAsync()
    {
        var result = await Cli.RunAsync("--db", DbPath, "ingest", Seeds.Directory);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.ToString());
    }

    public async Task<SqliteKnowledgeStore> OpenAsync() => await SqliteKnowledgeStore.OpenAsync(DbPath, Fukan.Pipeline.FukanDefaults.StoreHooks());

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
