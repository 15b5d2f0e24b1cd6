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
        // 3: a marker that this is a Fukan knowledge base; documents get a small integer key for child rows; every
        // fact but entity mentions is a row with its filter keys (indexed), pointing at its JSON in fact_sets; facts
        // link to the entities their sentence names; mentions are kept as an entity catalogue per document with
        // running totals per entity. Existing documents are filled in by the store after this step.
        """
        CREATE TABLE fukan_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO fukan_meta(key, value) VALUES ('application', 'fukan');
        ALTER TABLE documents ADD COLUMN doc_key INTEGER;
        UPDATE documents SET doc_key = rowid;
        CREATE UNIQUE INDEX documents_doc_key ON documents(doc_key);
        CREATE INDEX fact_sets_doc ON fact_sets(doc_id);
        CREATE TABLE fact_rows(
            doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ord INTEGER NOT NULL,
            chunk INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT,
            value REAL,
            value_max REAL,
            unit TEXT,
            subject TEXT,
            area_id TEXT,
            country TEXT,
            phase TEXT,
            rating TEXT,
            trend TEXT,
            status TEXT,
            domain TEXT,
            PRIMARY KEY(doc, kind, ord)) WITHOUT ROWID;
        CREATE INDEX fact_rows_value ON fact_rows(kind, unit, value) WHERE unit IS NOT NULL;
        CREATE INDEX fact_rows_date ON fact_rows(kind, date_start) WHERE date_start IS NOT NULL;
        CREATE INDEX fact_rows_cell ON fact_rows(kind, country, rating) WHERE country IS NOT NULL;
        CREATE INDEX fact_rows_status ON fact_rows(kind, status, domain) WHERE status IS NOT NULL;
        CREATE INDEX fact_rows_kind ON fact_rows(kind, doc, ord);
        CREATE TABLE fact_entities(
            entity_id TEXT NOT NULL,
            doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ord INTEGER NOT NULL,
            PRIMARY KEY(entity_id, doc, kind, ord)) WITHOUT ROWID;
        CREATE INDEX fact_entities_fact ON fact_entities(doc, kind, ord);
        CREATE TABLE entity_docs(
            entity_id TEXT NOT NULL,
            doc INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            mentions INTEGER NOT NULL,
            surfaces TEXT NOT NULL,
            positions BLOB NOT NULL,
            PRIMARY KEY(entity_id, doc)) WITHOUT ROWID;
        CREATE INDEX entity_docs_doc ON entity_docs(doc, mentions);
        CREATE TABLE entity_totals(
            entity_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX entity_totals_rank ON entity_totals(mentions DESC, entity_id);
        CREATE INDEX entity_totals_type ON entity_totals(type, mentions DESC, entity_id);
        CREATE TABLE entity_aliases(
            alias TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY(alias, entity_id)) WITHOUT ROWID;
        """,
        // 4: text kept once (a third of the store): the source and its passages' text together in compressed blocks
        // (TextBlocks); passages as rows keyed doc_key << 24 | ordinal (also their search-index row), their section
        // path kept once per section. The store moves existing documents over (then drops passages and sources).
        """
        ALTER TABLE sections ADD COLUMN path TEXT;
        CREATE TABLE passage_rows(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            section INTEGER,
            section_id TEXT,
            path TEXT,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL);
        CREATE TABLE text_blocks(
            id INTEGER PRIMARY KEY,
            data BLOB NOT NULL);
        """,
    ];

    /// <summary>The first version with fact rows and the entity catalogue (older stores are filled in when migrated).</summary>
    internal const int FactRowsVersion = 3;

    /// <summary>The first version keeping text in blocks (older stores have their passages and sources moved over).</summary>
    internal const int TextBlocksVersion = 4;

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

    /// <summary>
    /// The schema version of a Fukan knowledge base, after checking that it is one: an SQLite file of another
    /// application (tables but no Fukan schema) is refused with one line and left untouched. 0 for a new, empty file
    /// (only when <paramref name="creating"/>).
    /// </summary>
    internal static int CheckIsFukan(SqliteConnection connection, string path, bool creating)
    {
        int version;
        long tables;
        try
        {
            version = UserVersion(connection);
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*), count(*) FILTER (WHERE name = 'documents') FROM sqlite_schema WHERE type = 'table'";
            using var reader = cmd.ExecuteReader();
            reader.Read();
            tables = reader.GetInt64(0);
            bool hasDocuments = reader.GetInt64(1) > 0;
            if (version > Steps.Length)
                throw new StoreException($"{path}: schema version {version} is newer than this fukan supports ({Steps.Length}); upgrade fukan");
            if (version > 0 && !hasDocuments) throw new StoreException($"{path}: not a Fukan knowledge base (an SQLite database of another application); left untouched");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26)
        {
            throw new StoreException($"{path}: not a Fukan knowledge base (not an SQLite database)", e);
        }
        if (version == 0)
        {
            if (tables > 0) throw new StoreException($"{path}: not a Fukan knowledge base (an SQLite database of another application); left untouched");
            if (!creating) throw new StoreException($"{path}: an empty file, not a knowledge base (run `fukan ingest DIR` to make one)");
        }
        if (version > Steps.Length)
            throw new StoreException($"{path}: schema version {version} is newer than this fukan supports ({Steps.Length}); upgrade fukan");
        return version;
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
