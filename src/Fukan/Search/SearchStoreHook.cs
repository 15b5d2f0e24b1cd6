using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Storage;
using Microsoft.Data.Sqlite;

namespace Fukan.Search;

/// <summary>
/// Keeps the search index in step with <see cref="SqliteKnowledgeStore"/>: every saved, replaced or removed
/// document updates the index inside the store's own transaction. The store asks it for a read-only index on each
/// reader connection (<see cref="OpenReader"/>). <see cref="Index"/> is the index on the writer connection.
/// </summary>
internal sealed class SearchStoreHook : ISqliteStoreHook
{
    private ISearchAnalyzer? _requested;
    private SqliteSearchIndex? _index;

    /// <summary>
    /// With an analyzer, the index uses it (a different stored one must be rebuilt: <c>fukan reindex</c>).
    /// Without, it keeps whatever analyzer built the stored index (bigram for a new one).
    /// </summary>
    public SearchStoreHook(ISearchAnalyzer? analyzer = null) => _requested = analyzer;

    /// <summary>The index on the store's writer connection.</summary>
    public SqliteSearchIndex Index => _index ?? throw new InvalidOperationException("the store has not been opened for writing with this hook");

    public void EnsureSchema(SqliteConnection connection) => _index = new SqliteSearchIndex(connection, _requested ?? StoredAnalyzer(connection));

    /// <summary>A read-only index on a reader connection; nothing is written.</summary>
    public SqliteSearchIndex OpenReader(SqliteConnection connection) =>
        new(connection, _requested ?? StoredAnalyzer(connection), readOnly: true);

    private static ISearchAnalyzer StoredAnalyzer(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM search_meta WHERE key = 'analyzer'";
        string? name;
        try { name = cmd.ExecuteScalar() as string; }
        catch (SqliteException) { name = null; }   // no index yet
        if (name != "mecab") return new BigramAnalyzer();
        return MecabAnalyzer.TryCreate(out var reason)
            ?? throw new StoreException($"{connection.DataSource}: the search index was built with MeCab, which is not available here ({reason}); install mecab or run `fukan reindex --analyzer bigram`");
    }

    public object? Prepare(ProcessedDocument document) => Index.Prepare(document.Passages);

    public void OnAdded(SqliteConnection connection, SqliteTransaction transaction, ProcessedDocument document, object? prepared) =>
        Index.Add(document.Info, document.Passages, transaction, prepared as SqliteSearchIndex.PreparedBodies);

    public void OnRemoved(SqliteConnection connection, SqliteTransaction transaction, DocumentId id) =>
        Index.Remove(id, transaction);

    /// <summary>The index lags the store when it holds fewer documents (a fresh index over an existing store).</summary>
    public bool NeedsRebuild(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM search_document)";
        try { return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0; }
        catch (SqliteException) { return true; }   // no index tables yet
    }

    /// <summary>Switches the writer's index to <paramref name="analyzer"/> (call outside a transaction; then <c>Index.Clear</c> and re-add inside one).</summary>
    public void Reset(SqliteConnection connection, ISearchAnalyzer analyzer)
    {
        _requested = analyzer;
        _index = new SqliteSearchIndex(connection, analyzer);
    }
}
