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

    /// <summary>
    /// The ids of every passage <paramref name="query"/> matches (in its text or its section path, as
    /// <see cref="Search"/> matches), unranked and without snippets, in index order: for analyses that read all the
    /// evidence a query finds. Throws <see cref="SearchQueryException"/> for a query that analyses to nothing.
    /// The default goes through <see cref="Search"/> (ranked, at most <see cref="MatchesFallbackLimit"/> hits);
    /// an index should answer it directly.
    /// </summary>
    IReadOnlyList<string> Matches(SearchQuery query)
    {
        var hits = Search(query, new SearchOptions(MatchesFallbackLimit));
        var ids = new List<string>(hits.Count);
        foreach (var h in hits) ids.Add(h.PassageId);
        return ids;
    }

    /// <summary>How many hits the default <see cref="Matches"/> reads.</summary>
    const int MatchesFallbackLimit = 100_000;

    /// <summary>Passages most like <paramref name="passageId"/> (itself excluded); empty when the id is unknown.</summary>
    IReadOnlyList<SearchHit> Related(string passageId, int limit);
}
