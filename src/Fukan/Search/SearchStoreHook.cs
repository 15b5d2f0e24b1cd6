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
    private readonly ISearchAnalyzer? _requested;
    private SqliteSearchIndex? _index;

    /// <summary>
    /// With an analyzer, the index uses it (a different stored one must be rebuilt: <c>fukan reindex</c>).
    /// Without, it keeps whatever analyzer built the stored index (bigram for a new one).
    /// </summary>
    public SearchStoreHook(ISearchAnalyzer? analyzer = null) => _requested = analyzer;

    /// <summary>The index on the store's connection.</summary>
    public SqliteSearchIndex Index => _index ?? throw new InvalidOperationException("the store has not been opened with this hook");

    public void EnsureSchema(SqliteConnection connection) => _index = new SqliteSearchIndex(connection, _requested ?? StoredAnalyzer(connection));

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

    public void OnAdded(SqliteConnection connection, SqliteTransaction transaction, ProcessedDocument document) =>
        Index.Add(document.Info, document.Passages, transaction);

    public void Prepare(ProcessedDocument document) => Index.Prepare(document.Passages);

    public void OnRemoved(SqliteConnection connection, SqliteTransaction transaction, DocumentId id) =>
        Index.Remove(id, transaction);

    /// <summary>The index lags the store when it holds fewer documents (a fresh index over an existing store).</summary>
    public bool NeedsRebuild(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM documents) - (SELECT count(*) FROM search_document)";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }
}
