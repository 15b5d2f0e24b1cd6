using System.Globalization;
using System.Text.Json;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;
using Npgsql;
using NpgsqlTypes;

namespace Fukan.Storage;

/// <summary>
/// The knowledge base on a PostgreSQL server, for teams: the same contract as <see cref="SqliteKnowledgeStore"/>.
/// One <see cref="NpgsqlDataSource"/> (a connection pool) serves every caller. Each document is written in one
/// transaction under advisory locks on its content id and path, so concurrent writers (other processes, other
/// machines) never store a file twice and never interleave a replace; readers never block writers. Opened for reading,
/// every session is read-only (<c>default_transaction_read_only</c>) and nothing is created or migrated.
/// </summary>
public sealed partial class PostgresKnowledgeStore : IKnowledgeStore
{
    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly PostgresSearchIndex _search;
    private readonly bool _readOnly;

    private PostgresKnowledgeStore(string location, NpgsqlConnectionStringBuilder builder, NpgsqlDataSource source, ISearchAnalyzer analyzer, bool readOnly)
    {
        Location = KnowledgeBase.Redact(location);
        _builder = builder;
        _source = source;
        _readOnly = readOnly;
        _search = new PostgresSearchIndex(this, analyzer);
    }

    public string Location { get; }

    public bool IsReadOnly => _readOnly;

    public ISearchIndex Search => _search;

    /// <summary>
    /// Opens the knowledge base at <paramref name="location"/>: for reading it must exist at the current schema; for
    /// writing it is created and migrated. Unreachable servers, refused logins and missing databases are one line.
    /// </summary>
    internal static async Task<PostgresKnowledgeStore> OpenAsync(string location, StoreAccess access, ISearchAnalyzer? analyzer, CancellationToken cancellationToken)
    {
        var builder = PostgresLocation.Parse(location);
        var effective = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (access == StoreAccess.Read)
            effective.Options = ((effective.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        // One location for a primary and its replicas: writers go to the primary whatever it asks of readers.
        if (access == StoreAccess.Write && effective.Host?.Contains(',') == true) effective.TargetSessionAttributes = "read-write";
        if (effective.Timeout == 15) effective.Timeout = 10;
        var source = new NpgsqlDataSourceBuilder(effective.ConnectionString).Build();
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (access == StoreAccess.Write) await PostgresMigrations.ApplyAsync(connection, KnowledgeBase.Redact(location), cancellationToken).ConfigureAwait(false);
            int version = await PostgresMigrations.VersionAsync(connection, KnowledgeBase.Redact(location), cancellationToken).ConfigureAwait(false);
            if (version == 0) throw new StoreException($"{KnowledgeBase.Redact(location)}: no knowledge base in this database (run `fukan ingest DIR` first)");
            if (version < PostgresMigrations.CurrentVersion)
                throw new StoreException($"{KnowledgeBase.Redact(location)}: knowledge base schema {version} is older than this fukan's ({PostgresMigrations.CurrentVersion}): run `fukan migrate` (or any ingest) to upgrade it");
            var stored = await PostgresSearchIndex.StoredAnalyzerAsync(connection, access == StoreAccess.Write ? analyzer?.Name : null, cancellationToken).ConfigureAwait(false);
            var chosen = analyzer ?? PostgresSearchIndex.AnalyzerNamed(stored, KnowledgeBase.Redact(location));
            return new PostgresKnowledgeStore(location, builder, source, chosen, access == StoreAccess.Read);
        }
        catch (StoreException)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw PostgresLocation.Failure(location, builder, e);
        }
    }

    /// <summary>A pooled connection; server failures become one-line <see cref="StoreException"/>s.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try { return await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw PostgresLocation.Failure(Location, _builder, e); }
    }

    internal NpgsqlConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try { return _source.OpenConnection(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw PostgresLocation.Failure(Location, _builder, e); }
    }

    private void CheckWritable()
    {
        if (_readOnly) throw new StoreException($"{Location}: opened for reading; this needs the knowledge base opened for writing");
    }

    /// <summary>
    /// Runs a query body in one read-only snapshot (a writer committing between its statements cannot leave it
    /// looking for a removed document's facts), turning server errors into <see cref="StoreException"/>.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var result = await body(connection).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw PostgresLocation.Failure(Location, _builder, e); }
    }

    /// <summary>Everything a save writes that needs no database, made on the ingest worker.</summary>
    private sealed record PostgresPrepared(IReadOnlyList<FactChunk> Facts, IReadOnlyList<FactKeyRow> Keys, IReadOnlyList<EntityCatalogRow> Entities, PostgresSearchIndex.PreparedRows Search);

    public PreparedDocument Prepare(ProcessedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CheckWritable();
        return new PreparedDocument(document, PrepareRows(document));
    }

    private PostgresPrepared PrepareRows(ProcessedDocument document) =>
        new(FactChunk.Of(document.Facts), FactKeyRow.Of(document, document.Facts), EntityCatalogRow.Of(document.Facts), _search.Prepare(document));

    public Task<SaveOutcome> SaveAsync(ProcessedDocument document, CancellationToken cancellationToken = default) =>
        SaveAsync(Prepare(document), cancellationToken);

    public async Task<SaveOutcome> SaveAsync(PreparedDocument prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        CheckWritable();
        var rows = prepared.Payload as PostgresPrepared ?? PrepareRows(prepared.Document);
        return await WriteAsync(async (connection, tx) =>
        {
            var info = prepared.Document.Info;
            await LockAsync(connection, tx, [info.Id.Value, "path:" + info.Path], cancellationToken).ConfigureAwait(false);
            if (await ExistsAsync(connection, tx, info.Id, cancellationToken).ConfigureAwait(false)) return SaveOutcome.Unchanged;
            var outcome = SaveOutcome.Added;
            await using (var cmd = new NpgsqlCommand("SELECT id FROM documents WHERE path = @path", connection, tx))
            {
                cmd.Parameters.AddWithValue("path", info.Path);
                if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string old)
                {
                    await DeleteDocumentAsync(connection, tx, new DocumentId(old), cancellationToken).ConfigureAwait(false);
                    outcome = SaveOutcome.Replaced;
                }
            }
            long key = await InsertDocumentAsync(connection, tx, prepared.Document, rows, cancellationToken).ConfigureAwait(false);
            await InsertFactRowsAsync(connection, tx, key, rows.Keys, rows.Entities, cancellationToken).ConfigureAwait(false);
            await _search.AddAsync(connection, tx, key, prepared.Document, rows.Search, cancellationToken).ConfigureAwait(false);
            return outcome;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One transaction, committed when <paramref name="body"/> returns; retried from the start when the server
    /// aborts it for a deadlock or a serialization failure with another writer.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> body, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await body(connection, tx).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation && attempt < 5)
            {
                await Task.Delay(20 * attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw PostgresLocation.Failure(Location, _builder, e);
            }
        }
    }

    /// <summary>Transaction-scoped advisory locks, taken in one order by every writer (no deadlock between them).</summary>
    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var keys = names.Select(LockKey).Distinct().Order().ToArray();
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(k) FROM unnest(@keys) AS k ORDER BY k", connection, tx);
        cmd.Parameters.AddWithValue("keys", keys);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static long LockKey(string name) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("fukan:" + name)), 0);

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, DocumentId id, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM documents WHERE id = @id)", connection, tx);
        cmd.Parameters.AddWithValue("id", id.Value);
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<long> InsertDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ProcessedDocument document, PostgresPrepared prepared, CancellationToken cancellationToken)
    {
        var info = document.Info;
        long key;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO documents(id, path, title, kind, date, date_start, lang, bytes, format, encoding, metadata, sections, passages, ingested_at)
            VALUES (@id, @path, @title, @kind, @date, @dateStart, @lang, @bytes, @format, @encoding, @metadata, @sections, @passages, @at)
            RETURNING doc_key;
            INSERT INTO sources(doc_id, text) VALUES (@id, @text);
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("id", info.Id.Value);
            cmd.Parameters.AddWithValue("path", info.Path);
            cmd.Parameters.AddWithValue("title", info.Title);
            cmd.Parameters.AddWithValue("kind", info.Kind.ToName());
            cmd.Parameters.AddWithValue("date", NpgsqlDbType.Text, (object?)info.DateText ?? DBNull.Value);
            cmd.Parameters.AddWithValue("dateStart", NpgsqlDbType.Text, info.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            cmd.Parameters.AddWithValue("lang", info.Lang);
            cmd.Parameters.AddWithValue("bytes", info.Bytes);
            cmd.Parameters.AddWithValue("format", info.Format);
            cmd.Parameters.AddWithValue("encoding", info.Encoding);
            cmd.Parameters.AddWithValue("metadata", JsonSerializer.Serialize(info.Metadata, FukanJson.Options));
            cmd.Parameters.AddWithValue("sections", document.Sections.Count);
            cmd.Parameters.AddWithValue("passages", document.Passages.Count);
            cmd.Parameters.AddWithValue("at", info.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("text", document.Source.Text);
            key = (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        var id = info.Id.Value;
        await using (var w = await connection.BeginBinaryImportAsync("COPY sections(doc_id, ord, id, number, title, kind, level, start_line, end_line, parent_id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (int i = 0; i < document.Sections.Count; i++)
            {
                var s = document.Sections[i];
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(w, s.Number, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.Title, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.Kind.ToName(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.Level, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.StartLine, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(s.EndLine, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(w, s.ParentId, cancellationToken).ConfigureAwait(false);
            }
            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var w = await connection.BeginBinaryImportAsync("""COPY passages(doc_id, ordinal, kind, text, section_id, section_path, line, end_line, start, "end", map) FROM STDIN (FORMAT BINARY)""", cancellationToken).ConfigureAwait(false))
        {
            foreach (var p in document.Passages)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Kind.ToName(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(w, p.SectionId, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.SectionPath, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Source.Line, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Source.EndLine, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Source.Span.Start, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Source.Span.End, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(p.Map.ToBytes(), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }
            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var w = await connection.BeginBinaryImportAsync("COPY fact_sets(doc_id, kind, chunk, count, data) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in prepared.Facts)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(row.Chunk, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(row.Count, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(row.Data, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }
            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var w = await connection.BeginBinaryImportAsync("COPY diagnostics(doc_id, seq, severity, line, message) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            int seq = 0;
            foreach (var d in document.Diagnostics)
            {
                await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(seq++, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(d.Severity.ToString().ToLowerInvariant(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (d.Line is { } line) await w.WriteAsync(line, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                else await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                await w.WriteAsync(d.Message, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        return key;
    }

    internal static Task WriteTextAsync(NpgsqlBinaryImporter w, string? value, CancellationToken cancellationToken) =>
        value is null ? w.WriteNullAsync(cancellationToken) : w.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private async Task DeleteDocumentAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DocumentId id, CancellationToken cancellationToken)
    {
        await _search.RemoveAsync(connection, tx, id, cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("""
            UPDATE entity_totals t SET mentions = t.mentions - e.mentions, documents = t.documents - 1
                FROM entity_docs e JOIN documents doc ON doc.doc_key = e.doc
                WHERE doc.id = @id AND t.entity_id = e.entity_id;
            DELETE FROM entity_totals WHERE documents <= 0;
            DELETE FROM documents WHERE id = @id;
            """, connection, tx);
        cmd.Parameters.AddWithValue("id", id.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false); // the rest goes by ON DELETE CASCADE
    }

    public async Task<bool> RemoveAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await RemoveAsync([id], cancellationToken).ConfigureAwait(false) > 0;

    public async Task<int> RemoveAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        CheckWritable();
        return await WriteAsync(async (connection, tx) =>
        {
            var distinct = ids.Distinct().ToList();
            await LockAsync(connection, tx, distinct.Select(i => i.Value), cancellationToken).ConfigureAwait(false);
            int removed = 0;
            foreach (var id in distinct)
            {
                if (!await ExistsAsync(connection, tx, id, cancellationToken).ConfigureAwait(false)) continue;
                await DeleteDocumentAsync(connection, tx, id, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            return removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReindexSummary> ReindexAsync(ISearchAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        CheckWritable();
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var docs = await ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var loaded = new List<ProcessedDocument>(docs.Count);
        foreach (var d in docs)
            loaded.Add(new ProcessedDocument(d, new SourceText(""), [], await GetPassagesAsync(d.Id, cancellationToken).ConfigureAwait(false), [], [], StageTimings.Zero));
        int passages = await WriteAsync(async (connection, tx) =>
        {
            // Writers wait on this until the rebuild commits: no document is indexed half with each analyzer.
            await using (var cmd = new NpgsqlCommand("LOCK TABLE search_rows, search_terms, search_docs IN EXCLUSIVE MODE", connection, tx))
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return await _search.RebuildAsync(connection, tx, analyzer, loaded, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new ReindexSummary(loaded.Count, passages, analyzer.Name, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public Task<bool> ContainsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync(c => ExistsAsync(c, null, id, cancellationToken), cancellationToken);

    public async Task<DocumentInfo?> FindByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var list = await QueryDocumentsAsync("WHERE path = @p", cancellationToken, ("p", path)).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        QueryDocumentsAsync("", cancellationToken);

    public async Task<DocumentInfo> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DocumentReferenceException("empty document reference");
        return DocumentReferences.Resolve(await ListDocumentsAsync(cancellationToken).ConfigureAwait(false), reference);
    }

    public Task<SourceText> GetSourceAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT text FROM sources WHERE doc_id = @id", c);
            cmd.Parameters.AddWithValue("id", id.Value);
            var text = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
                ?? throw new DocumentReferenceException($"document {id.Short} is not stored");
            return new SourceText(text);
        }, cancellationToken);

    public Task<IReadOnlyList<Section>> GetSectionsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Section>>(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT id, number, title, kind, level, start_line, end_line, parent_id FROM sections WHERE doc_id = @id ORDER BY ord", c);
            cmd.Parameters.AddWithValue("id", id.Value);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<Section>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                list.Add(new Section(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    SectionKindNames.Parse(reader.GetString(3)), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            return list;
        }, cancellationToken);

    internal const string PassageSelect = """SELECT doc_id, ordinal, kind, text, section_id, section_path, line, end_line, start, "end", map FROM passages""";

    public Task<IReadOnlyList<Passage>> GetPassagesAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Passage>>(async c =>
        {
            await using var cmd = new NpgsqlCommand($"{PassageSelect} WHERE doc_id = @id ORDER BY ordinal", c);
            cmd.Parameters.AddWithValue("id", id.Value);
            return await ReadPassagesAsync(cmd, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<Passage>> GetPassagesByIdAsync(IReadOnlyCollection<string> passageIds, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Passage>>(async c =>
        {
            var result = new List<Passage>(passageIds.Count);
            await using var cmd = new NpgsqlCommand($"{PassageSelect} WHERE doc_id IN (SELECT id FROM documents WHERE starts_with(id, @prefix)) AND ordinal = @ord ORDER BY doc_id COLLATE \"C\"", c);
            var prefix = cmd.Parameters.Add("prefix", NpgsqlDbType.Text);
            var ord = cmd.Parameters.Add("ord", NpgsqlDbType.Integer);
            foreach (var pid in passageIds)
            {
                int dash = pid.LastIndexOf('-');
                if (dash <= 0 || !int.TryParse(pid.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)) continue;
                var hex = pid[..dash];
                if (hex.Any(ch => !Uri.IsHexDigit(ch))) continue;
                prefix.Value = hex.ToLowerInvariant();
                ord.Value = n;
                result.AddRange(await ReadPassagesAsync(cmd, cancellationToken).ConfigureAwait(false));
            }
            return result;
        }, cancellationToken);

    internal static async Task<List<Passage>> ReadPassagesAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Passage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var doc = new DocumentId(reader.GetString(0));
            list.Add(new Passage(doc, reader.GetInt32(1), PassageKindNames.Parse(reader.GetString(2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                new Provenance(doc, reader.GetInt32(6), reader.GetInt32(7), new CharSpan(reader.GetInt32(8), reader.GetInt32(9))),
                OffsetMap.FromBytes((byte[])reader.GetValue(10))));
        }
        return list;
    }

    public Task<IReadOnlyList<StoredFact>> GetFactsAsync(string kind, DocumentId? document = null, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredFact>>(c => GetFactsAsync(c, kind, document, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<StoredFact>> GetFactsAsync(NpgsqlConnection c, string kind, DocumentId? document, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(document is null
            ? "SELECT doc_id, data FROM fact_sets WHERE kind = @kind ORDER BY doc_id COLLATE \"C\", chunk"
            : "SELECT doc_id, data FROM fact_sets WHERE kind = @kind AND doc_id = @doc ORDER BY chunk", c);
        cmd.Parameters.AddWithValue("kind", kind);
        if (document is { } d) cmd.Parameters.AddWithValue("doc", d.Value);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredFact>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.AddRange(FactChunk.Read(new DocumentId(reader.GetString(0)), kind, reader.GetValue(1)));
        return list;
    }

    public Task<IReadOnlyList<string>> GetFactKindsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT DISTINCT kind COLLATE \"C\" FROM fact_sets WHERE doc_id = @id ORDER BY 1", c);
            cmd.Parameters.AddWithValue("id", id.Value);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var kinds = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) kinds.Add(reader.GetString(0));
            return kinds;
        }, cancellationToken);

    public Task<IReadOnlyList<Diagnostic>> GetDiagnosticsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Diagnostic>>(async c =>
        {
            await using var cmd = new NpgsqlCommand("SELECT d.severity, d.line, d.message, doc.path FROM diagnostics d JOIN documents doc ON doc.id = d.doc_id WHERE d.doc_id = @id ORDER BY d.seq", c);
            cmd.Parameters.AddWithValue("id", id.Value);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<Diagnostic>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var severity = reader.GetString(0) switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info };
                list.Add(new Diagnostic(severity, reader.GetString(3), reader.GetString(2), reader.IsDBNull(1) ? null : reader.GetInt32(1)));
            }
            return list;
        }, cancellationToken);

    private Task<IReadOnlyList<DocumentInfo>> QueryDocumentsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] args) =>
        ReadAsync<IReadOnlyList<DocumentInfo>>(async c =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT id, path, title, kind, date, date_start, lang, bytes, format, encoding, metadata, sections, passages, ingested_at FROM documents {where} ORDER BY path COLLATE \"C\", id COLLATE \"C\"", c);
            foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<DocumentInfo>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                DocumentKindNames.TryParse(reader.GetString(3), out var kind);
                var metadata = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(reader.GetString(10), FukanJson.Options) ?? new();
                var meta = metadata.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
                list.Add(new DocumentInfo(new DocumentId(reader.GetString(0)), reader.GetString(1), reader.GetString(2), kind,
                    reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.GetString(6), reader.GetInt64(7), reader.GetString(8), reader.GetString(9), meta,
                    reader.GetInt32(11), reader.GetInt32(12), DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture))
                { DateText = reader.IsDBNull(4) ? null : reader.GetString(4) });
            }
            return list;
        }, cancellationToken);

    private volatile bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _source.DisposeAsync().ConfigureAwait(false);
    }
}
