using Fukan.Search;
using Fukan.Storage;

namespace Fukan.Pipeline;

/// <summary>
/// Fukan as shipped: every reader and extractor, and the knowledge base with its search index. Hosts (CLI, web,
/// benchmarks) use this so they all see the same knowledge base.
/// </summary>
public static class FukanDefaults
{
    public static FukanPipeline CreatePipeline(Fukan.Extraction.Entities.Gazetteer? gazetteer = null) => new FukanPipelineBuilder().UseDefaults(gazetteer).Build();

    /// <summary>Hooks that keep derived tables (the search index) inside each document's transaction.</summary>
    internal static IReadOnlyList<ISqliteStoreHook> StoreHooks(ISearchAnalyzer? analyzer = null) => [new SearchStoreHook(analyzer)];

    /// <summary>Opens (or creates) the knowledge base at <paramref name="location"/> for writing.</summary>
    public static Task<IKnowledgeStore> OpenStoreAsync(string location, ISearchAnalyzer? analyzer = null, CancellationToken cancellationToken = default) =>
        KnowledgeBase.OpenAsync(location, StoreAccess.Write, analyzer, cancellationToken);
}
