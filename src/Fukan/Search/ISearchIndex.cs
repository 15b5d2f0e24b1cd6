using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// Full-text search over the passages of a knowledge base: the query side. A store keeps its index in step with
/// its documents inside each document's transaction (see <c>IKnowledgeStore.Search</c>); hosts only query it.
/// Implementations are safe for concurrent callers when obtained from a store.
/// </summary>
public interface ISearchIndex
{
    /// <summary>The analyzer the stored index was built with ("bigram", "mecab").</summary>
    string AnalyzerName { get; }

    /// <summary>Hits best first. Throws <see cref="SearchQueryException"/> for a query that analyses to nothing.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options);

    /// <summary>Passages most like <paramref name="passageId"/> (itself excluded); empty when the id is unknown.</summary>
    IReadOnlyList<SearchHit> Related(string passageId, int limit);
}
