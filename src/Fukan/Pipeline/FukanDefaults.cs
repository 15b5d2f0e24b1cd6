using Fukan.Search;
using Fukan.Storage;

namespace Fukan.Pipeline;

/// <summary>
/// Fukan as shipped: every reader and extractor, and the SQLite store with its search index. Hosts (CLI, web,
/// benchmarks) use this so they all see the same knowledge base.
/// </summary>
public static class FukanDefaults
{
    public static FukanPipeline CreatePipeline(Fukan.Extraction.Entities.Gazetteer? gazetteer = null) => new FukanPipelineBuilder().UseDefaults(gazetteer).Build();

    /// <summary>Hooks that keep derived tables (the search index) inside each document's transaction.</summary>
    public static IReadOnlyList<ISqliteStoreHook> StoreHooks(ISearchAnalyzer? analyzer = null) => [new SearchStoreHook(analyzer)];

    /// <summary>Opens (or creates) the SQLite knowledge base at <paramref name="path"/> with the default hooks.</summary>
    public static Task<SqliteKnowledgeStore> OpenStoreAsync(string path, ISearchAnalyzer? analyzer = null, CancellationToken cancellationToken = default) =>
        SqliteKnowledgeStore.OpenAsync(path, StoreHooks(analyzer), cancellationToken);
}
