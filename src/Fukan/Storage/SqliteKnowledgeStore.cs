using System.Globalization;
using System.Text.Json;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;
using Microsoft.Data.Sqlite;

namespace Fukan.Storage;

/// <summary>
/// Something that keeps its own tables in step with the store (the search index): called inside the store's
/// transaction, so a document and its index rows commit or roll back together.
/// </summary>
internal interface ISqliteStoreHook
{
    /// <summary>Creates or updates the hook's tables on the writer connection (never on a reader).</summary>
    void EnsureSchema(SqliteConnection connection);

    /// <summary>Database-free work for <see cref="OnAdded"/>, done ahead on a worker thread; handed back to it.</summary>
    object? Prepare(ProcessedDocument document) => null;

    void OnAdded(SqliteConnection connection, SqliteTransaction transaction, ProcessedDocument document, object? prepared);

    void OnRemoved(SqliteConnection connection, SqliteTransaction transaction, DocumentId id);

    /// <summary>True when the hook's tables are missing documents the store has (a new or migrated index): a
    /// writer then replays every stored document through <see cref="OnAdded"/> in one transaction; a reader refuses to use them.</summary>
    bool NeedsRebuild(SqliteConnection connection);
}

/// <summary>
/// The embedded knowledge base: one SQLite file (WAL mode, so readers work while an ingest runs), a versioned
/// schema applied by migrations, one transaction per document. Opened for reading it writes nothing: queries run on
/// read-only connections, one per concurrent caller (a small pool), so many readers share one store safely. Opened
/// for writing it also holds one writer connection; writes are serialised.
/// </summary>
public sealed partial class SqliteKnowledgeStore : IKnowledgeStore
{
    private readonly string _readConnectionString;
    private readonly SqliteConnection? _writer;
    private readonly IReadOnlyList<ISqliteStoreHook> _hooks;
    private readonly System.Collections.Concurrent.ConcurrentBag<Reader> _readers = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PooledSearchIndex _search;
    private bool _searchStale;

    private SqliteKnowledgeStore(string path, SqliteConnection? writer, IReadOnlyList<ISqliteStoreHook> hooks)
    {
        Location = path;
        _writer = writer;
        _hooks = hooks;
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString();
        _search = new PooledSearchIndex(this);
    }

    public string Location { get; }

    public bool IsReadOnly => _writer is null;

    public ISearchIndex Search => _search;

    /// <summary>The writer connection (tests and migrations; null when opened for reading).</summary>
    internal SqliteConnection? Connection => _writer;

    /// <summary>The hook of type <typeparamref name="T"/> this store was opened with, or null.</summary>
    internal T? Hook<T>() where T : class, ISqliteStoreHook
    {
        foreach (var hook in _hooks) if (hook is T t) return t;
        return null;
    }

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/> for writing and migrates it to the current schema.</summary>
    internal static Task<SqliteKnowledgeStore> OpenAsync(string path, IReadOnlyList<ISqliteStoreHook>? hooks = null, CancellationToken cancellationToken = default) =>
        OpenAsync(path, StoreAccess.Write, hooks, cancellationToken);

    /// <summary>
    /// Opens the store at <paramref name="path"/>. For reading, the file must be a Fukan knowledge base of the current
    /// schema and nothing is written; for writing, it is created when missing and migrated. A file of another
    /// application is refused either way and left untouched.
    /// </summary>
    internal static async Task<SqliteKnowledgeStore> OpenAsync(string path, StoreAccess access, IReadOnlyList<ISqliteStoreHook>? hooks, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        hooks ??= [];
        if (access == StoreAccess.Read)
        {
            if (!File.Exists(full)) throw new StoreException($"{full}: no knowledge base here (run `fukan ingest DIR` first, or pass --db)");
            var store = new SqliteKnowledgeStore(full, null, hooks);
            var reader = store.OpenReader();
            try
            {
                int version = SqliteMigrations.CheckIsFukan(reader.Connection, full, creating: false);
                if (version < SqliteMigrations.CurrentVersion)
                    throw new StoreException($"{full}: knowledge base schema {version} is older than this fukan's ({SqliteMigrations.CurrentVersion}): run `fukan migrate` (or any ingest) to upgrade it");
                foreach (var hook in hooks) store._searchStale |= hook.NeedsRebuild(reader.Connection);
            }
            catch (SqliteException e)
            {
                reader.Dispose();
                throw new StoreException($"{full}: not a usable knowledge base: {e.Message}", e);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
            store._readers.Add(reader);
            return store;
        }

        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Before anything is written: someone else's database is refused untouched.
            int before = SqliteMigrations.CheckIsFukan(connection, full, creating: true);
            // WAL: readers work while an ingest writes. A larger page cache and checkpoint interval keep a 10,000-row
            // document transaction from spilling and checkpointing mid-write.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; " +
                "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=4096;");
            SqliteMigrations.Apply(connection);
            var store = new SqliteKnowledgeStore(full, connection, hooks);
            foreach (var hook in store._hooks) hook.EnsureSchema(connection);
            if (before is > 0 and < SqliteMigrations.FactRowsVersion) await store.BackfillFactRowsAsync(cancellationToken).ConfigureAwait(false);
            bool moved = store.MoveLegacyText();
            await store.RebuildHooksAsync(cancellationToken).ConfigureAwait(false);
            // The old tables' pages go back to the file system (the store shrinks to about a third).
            if (moved) Execute(connection, "VACUUM");
            return store;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{full}: cannot open the knowledge base: {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A read-only connection and, once searched on, its read-only index.</summary>
    internal sealed class Reader(SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;
        public SqliteSearchIndex? Index { get; set; }
        public void Dispose() => Connection.Dispose();
    }

    private Reader OpenReader()
    {
        var c = new SqliteConnection(_readConnectionString);
        c.Open();
        Execute(c, "PRAGMA busy_timeout=10000;");
        return new Reader(c);
    }

    /// <summary>A reader for one call, returned to the pool when disposed.</summary>
    private readonly struct Lease(SqliteKnowledgeStore store, Reader reader) : IDisposable
    {
        public Reader Reader { get; } = reader;
        public SqliteConnection Connection => Reader.Connection;
        public void Dispose() => store._readers.Add(Reader);
    }

    /// <summary>
    /// A read transaction on a reader: the statements of one query see one snapshot of the store, so a writer that
    /// commits between them (a removed document) cannot leave the query half in the old state and half in the new.
    /// </summary>
    private readonly struct Snapshot : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Snapshot(SqliteConnection connection)
        {
            _connection = connection;
            Execute(connection, "BEGIN");
        }

        public void Dispose() => Execute(_connection, "COMMIT");
    }

    private Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Lease(this, _readers.TryTake(out var r) ? r : OpenReader());
    }

    private SqliteConnection Writer => _writer ?? throw new StoreException($"{Location}: opened for reading; this needs the knowledge base opened for writing");

    /// <summary>The search index on pooled reader connections: safe for concurrent callers.</summary>
    private sealed class PooledSearchIndex(SqliteKnowledgeStore store) : ISearchIndex
    {
        public string AnalyzerName => With(static i => ((ISearchIndex)i).AnalyzerName);

        public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options) => With(i => i.Search(query, options));

        public IReadOnlyList<SearchHit> Related(string passageId, int limit) => With(i => i.Related(passageId, limit));

        public IReadOnlyList<string> Matches(SearchQuery query) => With(i => i.Matches(query));

        private T With<T>(Func<SqliteSearchIndex, T> action)
        {
            var hook = store.Hook<SearchStoreHook>() ?? throw new StoreException($"{store.Location}: opened without its search index");
            if (store._searchStale) throw new StoreException($"{store.Location}: the search index is behind the stored documents: run `fukan migrate` (or any ingest) to rebuild it");
            using var lease = store.Rent();
            lease.Reader.Index ??= hook.OpenReader(lease.Connection);
            using var snapshot = new Snapshot(lease.Connection);
            return action(lease.Reader.Index);
        }
    }

    /// <summary>Replays stored documents into hooks whose tables lag behind the store (after a layout change).</summary>
    private async Task RebuildHooksAsync(CancellationToken cancellationToken)
    {
        var stale = _hooks.Where(h => h.NeedsRebuild(Writer)).ToList();
        if (stale.Count == 0) return;
        var loaded = await LoadForReplayAsync(cancellationToken).ConfigureAwait(false);
        using var tx = Writer.BeginTransaction(deferred: false);
        foreach (var hook in stale)
            foreach (var doc in loaded)
            {
                hook.OnRemoved(Writer, tx, doc.Info.Id);
                hook.OnAdded(Writer, tx, doc, null);
            }
        tx.Commit();
    }

    private async Task<List<ProcessedDocument>> LoadForReplayAsync(CancellationToken cancellationToken)
    {
        var docs = await ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var loaded = new List<ProcessedDocument>(docs.Count);
        foreach (var d in docs)
            loaded.Add(new ProcessedDocument(d, await GetSourceAsync(d.Id, cancellationToken).ConfigureAwait(false),
                await GetSectionsAsync(d.Id, cancellationToken).ConfigureAwait(false), await GetPassagesAsync(d.Id, cancellationToken).ConfigureAwait(false),
                [], [], StageTimings.Zero));
        return loaded;
    }

    public async Task<ReindexSummary> ReindexAsync(ISearchAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var hook = Hook<SearchStoreHook>() ?? throw new StoreException($"{Location}: opened without its search index");
        var writer = Writer;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await LoadForReplayAsync(cancellationToken).ConfigureAwait(false);
            hook.Reset(writer, analyzer);
            int passages = 0;
            using (var tx = writer.BeginTransaction(deferred: false))
            {
                hook.Index.Clear(tx);
                foreach (var doc in loaded)
                {
                    hook.OnAdded(writer, tx, doc, null);
                    passages += doc.Passages.Count;
                }
                hook.Index.Optimize(tx);
                tx.Commit();
            }
            // Readers made their index with the old analyzer.
            while (_readers.TryTake(out var r)) r.Dispose();
            _searchStale = false;
            return new ReindexSummary(loaded.Count, passages, analyzer.Name, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<SaveOutcome> SaveAsync(ProcessedDocument document, CancellationToken cancellationToken = default) =>
        SaveAsync(Prepare(document), cancellationToken);

    public async Task<SaveOutcome> SaveAsync(PreparedDocument prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var writer = Writer;
        var document = prepared.Document;
        var rows = prepared.Payload as SqlitePrepared ?? PrepareRows(document);
        var info = document.Info;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = writer.BeginTransaction(deferred: false);
            if (Scalar<long>("SELECT count(*) FROM documents WHERE id = $id", tx, ("$id", info.Id.Value)) > 0)
            {
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return SaveOutcome.Unchanged;
            }
            var outcome = SaveOutcome.Added;
            var old = Scalar<string?>("SELECT id FROM documents WHERE path = $path", tx, ("$path", info.Path));
            if (old is not null)
            {
                DeleteDocument(new DocumentId(old), tx);
                outcome = SaveOutcome.Replaced;
            }
            long key = InsertDocument(document, rows, tx);
            InsertFactRows(key, rows, tx);
            for (int i = 0; i < _hooks.Count; i++) _hooks[i].OnAdded(writer, tx, document, i < rows.Hooks.Length ? rows.Hooks[i] : null);
            cancellationToken.ThrowIfCancellationRequested();
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Everything a save writes that needs no database, made on the ingest worker.</summary>
    private sealed record SqlitePrepared(IReadOnlyList<FactChunk> Facts, IReadOnlyList<FactKeyRow> Keys, IReadOnlyList<EntityCatalogRow> Entities, object?[] Hooks)
    {
        /// <summary>The text blocks, compressed on the worker (null: compressed at the write).</summary>
        public List<(int Block, byte[] Data)>? Blocks { get; init; }
    }

    public PreparedDocument Prepare(ProcessedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _ = Writer;   // a store opened for reading says so, before any work
        var rows = PrepareRows(document);
        for (int i = 0; i < _hooks.Count; i++) rows.Hooks[i] = _hooks[i].Prepare(document);
        return new PreparedDocument(document, rows);
    }

    private SqlitePrepared PrepareRows(ProcessedDocument document) =>
        new(FactChunk.Of(document.Facts), FactKeyRow.Of(document, document.Facts), EntityCatalogRow.Of(document.Facts), new object?[_hooks.Count])
        {
            Blocks = TextBlocks.Pack(document.Source.Text, document.Passages),
        };

    private long InsertDocument(ProcessedDocument document, SqlitePrepared prepared, SqliteTransaction tx)
    {
        var info = document.Info;
        long key;
        using (var cmd = Command(tx, """
            INSERT INTO documents(id, path, title, kind, date, date_start, lang, bytes, format, encoding, metadata, sections, passages, ingested_at, doc_key)
            VALUES ($id, $path, $title, $kind, $date, $dateStart, $lang, $bytes, $format, $encoding, $metadata, $sections, $passages, $at,
                    (SELECT coalesce(max(doc_key), 0) + 1 FROM documents))
            RETURNING doc_key
            """))
        {
            cmd.Parameters.AddWithValue("$id", info.Id.Value);
            cmd.Parameters.AddWithValue("$path", info.Path);
            cmd.Parameters.AddWithValue("$title", info.Title);
            cmd.Parameters.AddWithValue("$kind", info.Kind.ToName());
            cmd.Parameters.AddWithValue("$date", (object?)info.DateText ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$dateStart", info.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            cmd.Parameters.AddWithValue("$lang", info.Lang);
            cmd.Parameters.AddWithValue("$bytes", info.Bytes);
            cmd.Parameters.AddWithValue("$format", info.Format);
            cmd.Parameters.AddWithValue("$encoding", info.Encoding);
            cmd.Parameters.AddWithValue("$metadata", JsonSerializer.Serialize(info.Metadata, FukanJson.Options));
            cmd.Parameters.AddWithValue("$sections", document.Sections.Count);
            cmd.Parameters.AddWithValue("$passages", document.Passages.Count);
            cmd.Parameters.AddWithValue("$at", info.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
            key = (long)cmd.ExecuteScalar()!;
        }
        WriteText(key, info.Id, document.Sections, document.Passages, prepared.Blocks ?? TextBlocks.Pack(document.Source.Text, document.Passages), tx, insertSections: true);
        using (var cmd = Command(tx, "INSERT INTO fact_sets(doc_id, kind, chunk, count, data) VALUES ($doc, $kind, $chunk, $count, $data)"))
        {
            var p = Parameters(cmd, "$doc", "$kind", "$chunk", "$count", "$data");
            p[0].Value = info.Id.Value;
            foreach (var row in prepared.Facts)
            {
                p[1].Value = row.Kind; p[2].Value = row.Chunk; p[3].Value = row.Count; p[4].Value = row.Data;
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = Command(tx, "INSERT INTO diagnostics(doc_id, seq, severity, line, message) VALUES ($doc, $seq, $severity, $line, $message)"))
        {
            var p = Parameters(cmd, "$doc", "$seq", "$severity", "$line", "$message");
            p[0].Value = info.Id.Value;
            int seq = 0;
            foreach (var d in document.Diagnostics)
            {
                p[1].Value = seq++; p[2].Value = d.Severity.ToString().ToLowerInvariant();
                p[3].Value = (object?)d.Line ?? DBNull.Value; p[4].Value = d.Message;
                cmd.ExecuteNonQuery();
            }
        }
        return key;
    }

    private void DeleteDocument(DocumentId id, SqliteTransaction tx)
    {
        foreach (var hook in _hooks) hook.OnRemoved(Writer, tx, id);
        DeleteText(Scalar<long>("SELECT doc_key FROM documents WHERE id = $id", tx, ("$id", id.Value)), tx);
        using var cmd = Command(tx, """
            UPDATE entity_totals SET mentions = entity_totals.mentions - d.mentions, documents = entity_totals.documents - 1
                FROM (SELECT e.entity_id, e.mentions FROM entity_docs e JOIN documents doc ON doc.doc_key = e.doc WHERE doc.id = $id) AS d
                WHERE entity_totals.entity_id = d.entity_id;
            DELETE FROM entity_totals WHERE documents <= 0;
            DELETE FROM documents WHERE id = $id;
            """);
        cmd.Parameters.AddWithValue("$id", id.Value);
        cmd.ExecuteNonQuery(); // sections, passages, facts, fact rows, the catalogue, sources and diagnostics go by ON DELETE CASCADE
    }

    public async Task<bool> RemoveAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await RemoveAsync([id], cancellationToken).ConfigureAwait(false) > 0;

    public async Task<int> RemoveAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var writer = Writer;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = writer.BeginTransaction(deferred: false);
            int removed = 0;
            foreach (var id in ids.Distinct())
            {
                if (Scalar<long>("SELECT count(*) FROM documents WHERE id = $id", tx, ("$id", id.Value)) == 0) continue;
                DeleteDocument(id, tx);
                removed++;
            }
            cancellationToken.ThrowIfCancellationRequested();
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<bool> ContainsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Scalar<long>("SELECT count(*) FROM documents WHERE id = $id", null, ("$id", id.Value)) > 0);

    public async Task<DocumentInfo?> FindByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var list = await QueryDocumentsAsync("WHERE path = $p", cancellationToken, ("$p", path)).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        QueryDocumentsAsync("", cancellationToken);

    public async Task<DocumentInfo> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DocumentReferenceException("empty document reference");
        return DocumentReferences.Resolve(await ListDocumentsAsync(cancellationToken).ConfigureAwait(false), reference);
    }

    public Task<IReadOnlyList<Section>> GetSectionsAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using var cmd = Command(lease.Connection, "SELECT id, number, title, kind, level, start_line, end_line, parent_id FROM sections WHERE doc_id = $id ORDER BY ord");
        cmd.Parameters.AddWithValue("$id", id.Value);
        using var reader = cmd.ExecuteReader();
        var list = new List<Section>();
        while (reader.Read())
            list.Add(new Section(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                SectionKindNames.Parse(reader.GetString(3)), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        return Task.FromResult<IReadOnlyList<Section>>(list);
    }

    public Task<IReadOnlyList<StoredFact>> GetFactsAsync(string kind, DocumentId? document = null, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using var cmd = Command(lease.Connection, document is null
            ? "SELECT doc_id, data FROM fact_sets WHERE kind = $kind ORDER BY doc_id, chunk"
            : "SELECT doc_id, data FROM fact_sets WHERE kind = $kind AND doc_id = $doc ORDER BY chunk");
        cmd.Parameters.AddWithValue("$kind", kind);
        if (document is { } d) cmd.Parameters.AddWithValue("$doc", d.Value);
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredFact>();
        while (reader.Read()) list.AddRange(FactChunk.Read(new DocumentId(reader.GetString(0)), kind, reader.GetValue(1)));
        return Task.FromResult<IReadOnlyList<StoredFact>>(list);
    }

    public Task<IReadOnlyList<Diagnostic>> GetDiagnosticsAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using var cmd = Command(lease.Connection, "SELECT d.severity, d.line, d.message, doc.path FROM diagnostics d JOIN documents doc ON doc.id = d.doc_id WHERE d.doc_id = $id ORDER BY d.seq");
        cmd.Parameters.AddWithValue("$id", id.Value);
        using var reader = cmd.ExecuteReader();
        var list = new List<Diagnostic>();
        while (reader.Read())
        {
            var severity = reader.GetString(0) switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => Severity.Info };
            list.Add(new Diagnostic(severity, reader.GetString(3), reader.GetString(2), reader.IsDBNull(1) ? null : reader.GetInt32(1)));
        }
        return Task.FromResult<IReadOnlyList<Diagnostic>>(list);
    }

    private Task<IReadOnlyList<DocumentInfo>> QueryDocumentsAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] args)
    {
        using var lease = Rent();
        using var cmd = Command(lease.Connection, $"SELECT id, path, title, kind, date, date_start, lang, bytes, format, encoding, metadata, sections, passages, ingested_at FROM documents {where} ORDER BY path, id");
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        using var reader = cmd.ExecuteReader();
        var list = new List<DocumentInfo>();
        while (reader.Read())
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
        return Task.FromResult<IReadOnlyList<DocumentInfo>>(list);
    }

    /// <summary>A command on the writer, in <paramref name="tx"/>.</summary>
    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var cmd = Writer.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private static SqliteParameter[] Parameters(SqliteCommand cmd, params string[] names)
    {
        var result = new SqliteParameter[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            result[i] = cmd.CreateParameter();
            result[i].ParameterName = names[i];
            result[i].Value = DBNull.Value;
            cmd.Parameters.Add(result[i]);
        }
        return result;
    }

    /// <summary>One value, on the writer in <paramref name="tx"/>, or on a reader when <paramref name="tx"/> is null.</summary>
    private T Scalar<T>(string sql, SqliteTransaction? tx, params (string Name, object Value)[] args)
    {
        if (tx is null)
        {
            using var lease = Rent();
            return Scalar<T>(Command(lease.Connection, sql), args);
        }
        return Scalar<T>(Command(tx, sql), args);
    }

    private static T Scalar<T>(SqliteCommand command, (string Name, object Value)[] args)
    {
        using var cmd = command;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        var result = cmd.ExecuteScalar();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private volatile bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        while (_readers.TryTake(out var r)) r.Dispose();
        if (_writer is not null)
        {
            // A clean close of the last connection checkpoints the WAL: the file is whole without its -wal.
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        _writeLock.Dispose();
    }
}

/// <summary>The store cannot be opened or written: a damaged file, a newer schema, a read-only location.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
