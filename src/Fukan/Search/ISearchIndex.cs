using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// Full-text search over passages. <see cref="Add"/> replaces whatever was indexed for the document, so
/// re-ingesting leaves nothing stale; <see cref="Remove"/> drops it.
/// </summary>
public interface ISearchIndex
{
    void Add(DocumentInfo document, IReadOnlyList<Passage> passages);

    void Remove(DocumentId document);

    /// <summary>Hits best first. Throws <see cref="SearchQueryException"/> for a query that analyses to nothing.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options);

    /// <summary>Passages most like <paramref name="passageId"/> (itself excluded); empty when the id is unknown.</summary>
    IReadOnlyList<SearchHit> Related(string passageId, int limit);
}
