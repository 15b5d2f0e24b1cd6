using Npgsql;

namespace Fukan.Storage;

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations, recorded one row per version in <c>fukan_schema</c>;
/// each runs in its own transaction under an advisory lock, so two processes opening a new database at once migrate
/// it once. A database written by a newer Fukan (a higher version) is refused, not downgraded. The layout follows
/// the SQLite store's (schema 3) so one set of row builders serves both; search is our analyzer's terms in a
/// positioned <c>tsvector</c> (body weight D, headings weight A) with a GIN index, plus the statistics BM25 needs.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Migration N (1-based) is element N-1. Append, never edit.</summary>
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE fukan_schema(version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE fukan_meta(key text PRIMARY KEY, value text NOT NULL);
        INSERT INTO fukan_meta(key, value) VALUES ('application', 'fukan');
        CREATE TABLE documents(
            id text PRIMARY KEY,
            doc_key bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            path text NOT NULL UNIQUE,
            title text NOT NULL,
            kind text NOT NULL,
            date text,
            date_start text,
            lang text NOT NULL,
            bytes bigint NOT NULL,
            format text NOT NULL,
            encoding text NOT NULL,
            metadata text NOT NULL,
            sections integer NOT NULL,
            passages integer NOT NULL,
            ingested_at text NOT NULL);
        CREATE TABLE sources(
            doc_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            text text NOT NULL);
        CREATE TABLE sections(
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord integer NOT NULL,
            id text NOT NULL,
            number text,
            title text NOT NULL,
            kind text NOT NULL,
            level integer NOT NULL,
            start_line integer NOT NULL,
            end_line integer NOT NULL,
            parent_id text,
            PRIMARY KEY(doc_id, ord));
        CREATE TABLE passages(
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            kind text NOT NULL,
            text text NOT NULL,
            section_id text,
            section_path text NOT NULL,
            line integer NOT NULL,
            end_line integer NOT NULL,
            start integer NOT NULL,
            "end" integer NOT NULL,
            map bytea NOT NULL,
            PRIMARY KEY(doc_id, ordinal));
        CREATE TABLE diagnostics(
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq integer NOT NULL,
            severity text NOT NULL,
            line integer,
            message text NOT NULL,
            PRIMARY KEY(doc_id, seq));
        CREATE TABLE fact_sets(
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind text NOT NULL,
            chunk integer NOT NULL,
            count integer NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY(kind, doc_id, chunk));
        CREATE INDEX fact_sets_doc ON fact_sets(doc_id);
        CREATE TABLE fact_rows(
            doc bigint NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            kind text NOT NULL,
            ord integer NOT NULL,
            chunk integer NOT NULL,
            idx integer NOT NULL,
            line integer NOT NULL,
            end_line integer NOT NULL,
            span_start integer NOT NULL,
            span_end integer NOT NULL,
            date_start text,
            date_end text,
            date_precision text,
            value double precision,
            value_max double precision,
            unit text,
            subject text,
            area_id text,
            country text,
            phase text,
            rating text,
            trend text,
            status text,
            domain text,
            PRIMARY KEY(doc, kind, ord));
        CREATE INDEX fact_rows_value ON fact_rows(kind, lower(unit), value) WHERE unit IS NOT NULL;
        CREATE INDEX fact_rows_date ON fact_rows(kind, date_start) WHERE date_start IS NOT NULL;
        CREATE INDEX fact_rows_cell ON fact_rows(kind, lower(country), rating) WHERE country IS NOT NULL;
        CREATE INDEX fact_rows_status ON fact_rows(kind, status, domain) WHERE status IS NOT NULL;
        CREATE INDEX fact_rows_kind ON fact_rows(kind, doc, ord);
        CREATE TABLE fact_entities(
            entity_id text NOT NULL,
            doc bigint NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            kind text NOT NULL,
            ord integer NOT NULL,
            PRIMARY KEY(entity_id, doc, kind, ord));
        CREATE INDEX fact_entities_fact ON fact_entities(doc, kind, ord);
        CREATE TABLE entity_docs(
            entity_id text NOT NULL,
            doc bigint NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            mentions integer NOT NULL,
            surfaces text NOT NULL,
            positions bytea NOT NULL,
            PRIMARY KEY(entity_id, doc));
        CREATE INDEX entity_docs_doc ON entity_docs(doc, mentions);
        CREATE TABLE entity_totals(
            entity_id text PRIMARY KEY,
            name text NOT NULL,
            type text NOT NULL,
            mentions integer NOT NULL,
            documents integer NOT NULL);
        CREATE INDEX entity_totals_rank ON entity_totals(mentions DESC, entity_id COLLATE "C");
        CREATE INDEX entity_totals_type ON entity_totals(type, mentions DESC, entity_id COLLATE "C");
        CREATE TABLE entity_aliases(
            alias text NOT NULL,
            entity_id text NOT NULL,
            PRIMARY KEY(alias, entity_id));
        CREATE TABLE search_meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE search_docs(
            doc_key bigint PRIMARY KEY REFERENCES documents(doc_key) ON DELETE CASCADE,
            name text NOT NULL,
            rows integer NOT NULL,
            length bigint NOT NULL);
        CREATE TABLE search_rows(
            doc_key bigint NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            row_path text,
            body text NOT NULL,
            path text NOT NULL,
            tsv tsvector NOT NULL,
            PRIMARY KEY(doc_key, ordinal));
        CREATE INDEX search_rows_tsv ON search_rows USING gin(tsv);
        CREATE TABLE search_terms(term text PRIMARY KEY, rows bigint NOT NULL);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Steps.Length;

    /// <summary>Any 64-bit number both writers agree on: the lock taken while migrating.</summary>
    private const long MigrationLock = 0x46554B414E_01;

    /// <summary>The schema version of the database (0: no Fukan schema yet); refuses another application's database.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, string location, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT to_regclass('fukan_schema') IS NOT NULL, to_regclass('documents') IS NOT NULL, to_regclass('fukan_meta') IS NOT NULL
            """, connection);
        bool hasSchema, hasDocuments, hasMeta;
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            hasSchema = r.GetBoolean(0); hasDocuments = r.GetBoolean(1); hasMeta = r.GetBoolean(2);
        }
        if (!hasSchema)
        {
            if (hasDocuments || hasMeta) throw new StoreException($"{location}: not a Fukan knowledge base (the database holds another application's tables); left untouched");
            return 0;
        }
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM fukan_schema";
        int version = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Steps.Length)
            throw new StoreException($"{location}: schema version {version} is newer than this fukan supports ({Steps.Length}); upgrade fukan");
        return version;
    }

    /// <summary>Creates or migrates the schema to <see cref="CurrentVersion"/>.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, string location, CancellationToken cancellationToken)
    {
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int version = await VersionAsync(connection, location, cancellationToken).ConfigureAwait(false);
            for (int v = version; v < Steps.Length; v++)
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var cmd = new NpgsqlCommand(Steps[v], connection, tx))
                    await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using (var cmd = new NpgsqlCommand("INSERT INTO fukan_schema(version) VALUES (@v)", connection, tx))
                {
                    cmd.Parameters.AddWithValue("v", v + 1);
                    await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
