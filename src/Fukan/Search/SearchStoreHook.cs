using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Storage;
using Microsoft.Data.Sqlite;

namespace Fukan.Search;

/// <summary>
/// Keeps the search index in step with <see cref="SqliteKnowledgeStore"/>: pass it to
/// <c>SqliteKnowledgeStore.OpenAsync(path, [hook])</c>; every saved, replaced or removed document updates the
/// index inside the store's own transaction. <see cref="Index"/> is available once the store is open.
/// </summary>
public sealed class SearchStoreHook : ISqliteStoreHook
{
    private readonly ISearchAnalyzer _analyzer;
    private SqliteSearchIndex? _index;

    public SearchStoreHook(ISearchAnalyzer? analyzer = null) => _analyzer = analyzer ?? new BigramAnalyzer();

    /// <summary>The index on the store's connection.</summary>
    public SqliteSearchIndex Index => _index ?? throw new InvalidOperationException("the store has not been opened with this hook");

    public void EnsureSchema(SqliteConnection connection) => _index = new SqliteSearchIndex(connection, _analyzer);

    public void OnAdded(SqliteConnection connection, SqliteTransaction transaction, ProcessedDocument document) =>
        Index.Add(document.Info, document.Passages, transaction);

    public void OnRemoved(SqliteConnection connection, SqliteTransaction transaction, DocumentId id) =>
        Index.Remove(id, transaction);
}
