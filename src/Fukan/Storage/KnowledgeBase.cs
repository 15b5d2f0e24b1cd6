using Fukan.Search;

namespace Fukan.Storage;

/// <summary>
/// Where hosts get a knowledge base: from a location string, as a data source comes from a connection string. A
/// file path is an embedded SQLite knowledge base; a <c>postgresql://</c> or <c>postgres://</c> URL or a key=value
/// connection string (<c>Host=…;Database=…</c>) names a PostgreSQL one. Hosts hold the <see cref="IKnowledgeStore"/>
/// and never see engine types.
/// </summary>
public static class KnowledgeBase
{
    /// <summary>The location used when none is given: <c>$FUKAN_DB</c>, else <c>./fukan.db</c>.</summary>
    public static string DefaultLocation()
    {
        var env = Environment.GetEnvironmentVariable("FUKAN_DB");
        return string.IsNullOrWhiteSpace(env) ? "fukan.db" : env;
    }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var l = location.Trim();
        return l.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || l.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || (l.Contains('=') && l.Contains(';') && l.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Opens the knowledge base at <paramref name="location"/>. <see cref="StoreAccess.Read"/> writes nothing and
    /// needs an existing knowledge base of the current schema; <see cref="StoreAccess.Write"/> creates and migrates.
    /// Failures are <see cref="StoreException"/> with one line naming the location and the reason. The analyzer is
    /// the search analyzer to write with (null: whatever built the stored index).
    /// </summary>
    public static async Task<IKnowledgeStore> OpenAsync(string location, StoreAccess access, ISearchAnalyzer? analyzer = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (IsPostgres(location))
            return await PostgresKnowledgeStore.OpenAsync(location, access, analyzer, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SqliteKnowledgeStore.OpenAsync(location, access, [new SearchStoreHook(analyzer)], cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new StoreException($"{Path.GetFullPath(location)}: not a usable knowledge base: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StoreException($"{location}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>A location for messages: a password in a URL or connection string is never printed.</summary>
    public static string Redact(string location)
    {
        var l = System.Text.RegularExpressions.Regex.Replace(location, @"(?i)(password|pwd)\s*=\s*[^;]*", "$1=***");
        return System.Text.RegularExpressions.Regex.Replace(l, @"://([^:/@]+):[^@]*@", "://$1:***@");
    }
}
