using Microsoft.Data.Sqlite;

namespace Fukan.Storage;

/// <summary>
/// The schema, as an ordered list of migrations. <c>PRAGMA user_version</c> records how many have run; each runs
/// in its own transaction. A store written by a newer Fukan (a higher version) is refused, not downgraded.
/// </summary>
public static class SqliteMigrations
{
    /// <summary>Migration N (1-based) is element N-1. Append, never edit.</summary>
    private static readonly string[] Steps =
    [
        // 1: documents, their source text, sections, passages, facts and diagnostics.
        """
        CREATE TABLE documents(
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT,
            date_start TEXT,
            lang TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            metadata TEXT NOT NULL,
            sections INTEGER NOT NULL,
            passages INTEGER NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE INDEX documents_path ON documents(path);
        CREATE TABLE sources(
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            text TEXT NOT NULL);
        CREATE TABLE sections(
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            id TEXT NOT NULL,
            number TEXT,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            level INTEGER NOT NULL,
            start_line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            parent_id TEXT,
            PRIMARY KEY(doc_id, ord));
        CREATE INDEX sections_kind ON sections(kind, doc_id);
        CREATE TABLE passages(
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            section_id TEXT,
            section_path TEXT NOT NULL,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            map BLOB NOT NULL,
            PRIMARY KEY(doc_id, ordinal));
        CREATE TABLE facts(
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY(doc_id, seq));
        CREATE INDEX facts_kind ON facts(kind, doc_id);
        CREATE TABLE diagnostics(
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            severity TEXT NOT NULL,
            line INTEGER,
            message TEXT NOT NULL,
            PRIMARY KEY(doc_id, seq));
        """,
        // 2: facts are written and read by kind, so a document's facts of one kind are one JSON array: one row
        // instead of thousands (entity mentions run to ~10,000 per report).
        """
        CREATE TABLE fact_sets(
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            chunk INTEGER NOT NULL,
            count INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY(kind, doc_id, chunk));
        INSERT INTO fact_sets(doc_id, kind, chunk, count, data)
            SELECT doc_id, kind, 0, count(*), '[' || group_concat(data, ',' ORDER BY seq) || ']' FROM facts GROUP BY doc_id, kind;
        DROP TABLE facts;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Steps.Length;

    public static void Apply(SqliteConnection connection) => Apply(connection, Steps.Length);

    /// <summary>Migrates up to <paramref name="target"/> (tests build old stores this way).</summary>
    internal static void Apply(SqliteConnection connection, int target)
    {
        int version = UserVersion(connection);
        if (version > Steps.Length)
            throw new StoreException($"{connection.DataSource}: schema version {version} is newer than this fukan supports ({Steps.Length}); upgrade fukan");
        for (int v = version; v < target; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Steps[v];
                cmd.ExecuteNonQuery();
                cmd.CommandText = $"PRAGMA user_version = {v + 1}";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
