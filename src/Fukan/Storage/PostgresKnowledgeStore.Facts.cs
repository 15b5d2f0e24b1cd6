using System.Globalization;
using System.Text;
using System.Text.Json;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Npgsql;
using NpgsqlTypes;

namespace Fukan.Storage;

/// <summary>Facts as rows, the entity catalogue, and the queries over them (the same filters as SQLite's).</summary>
public sealed partial class PostgresKnowledgeStore
{
    private static async Task InsertFactRowsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long doc, IReadOnlyList<FactKeyRow> keys,
        IReadOnlyList<EntityCatalogRow> entities, CancellationToken ct)
    {
        await using (var w = await connection.BeginBinaryImportAsync("""
            COPY fact_rows(doc, kind, ord, chunk, idx, line, end_line, span_start, span_end, date_start, date_end, date_precision,
                value, value_max, unit, subject, area_id, country, phase, rating, trend, status, domain) FROM STDIN (FORMAT BINARY)
            """, ct).ConfigureAwait(false))
        {
            foreach (var row in keys)
            {
                var k = row.Keys;
                await w.StartRowAsync(ct).ConfigureAwait(false);
                await w.WriteAsync(doc, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Kind, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Ord, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Chunk, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Index, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Source.Line, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Source.EndLine, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Source.Span.Start, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Source.Span.End, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await WriteTextAsync(w, k.DateStart, ct).ConfigureAwait(false);
                await WriteTextAsync(w, k.DateEnd, ct).ConfigureAwait(false);
                await WriteTextAsync(w, k.Precision, ct).ConfigureAwait(false);
                if (k.Value is { } v) await w.WriteAsync(v, NpgsqlDbType.Double, ct).ConfigureAwait(false); else await w.WriteNullAsync(ct).ConfigureAwait(false);
                if (k.ValueMax is { } vm) await w.WriteAsync(vm, NpgsqlDbType.Double, ct).ConfigureAwait(false); else await w.WriteNullAsync(ct).ConfigureAwait(false);
                foreach (var text in new[] { k.Unit, k.Subject, k.AreaId, k.Country, k.Phase, k.Rating, k.Trend, k.Status, k.Domain })
                    await WriteTextAsync(w, text, ct).ConfigureAwait(false);
            }
            await w.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using (var w = await connection.BeginBinaryImportAsync("COPY fact_entities(entity_id, doc, kind, ord) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in keys)
                foreach (var e in row.Keys.Entities.Distinct(StringComparer.Ordinal))
                {
                    await w.StartRowAsync(ct).ConfigureAwait(false);
                    await w.WriteAsync(e, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await w.WriteAsync(doc, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                    await w.WriteAsync(row.Kind, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await w.WriteAsync(row.Ord, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                }
            await w.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using (var w = await connection.BeginBinaryImportAsync("COPY entity_docs(entity_id, doc, mentions, surfaces, positions) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in entities)
            {
                await w.StartRowAsync(ct).ConfigureAwait(false);
                await w.WriteAsync(row.EntityId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(doc, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Mentions, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await w.WriteAsync(row.SurfacesJson(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await w.WriteAsync(row.Positions, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            }
            await w.CompleteAsync(ct).ConfigureAwait(false);
        }
        // Running totals and aliases are shared between documents: rows are locked in one order (ordinal), so two
        // writers adding documents that name the same entities wait for each other instead of deadlocking.
        var sorted = entities.OrderBy(e => e.EntityId, StringComparer.Ordinal).ToList();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO entity_totals(entity_id, name, type, mentions, documents)
            SELECT e, n, t, m, 1 FROM unnest(@ids, @names, @types, @mentions) AS u(e, n, t, m)
            ON CONFLICT(entity_id) DO UPDATE SET mentions = entity_totals.mentions + excluded.mentions, documents = entity_totals.documents + 1
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("ids", sorted.Select(e => e.EntityId).ToArray());
            cmd.Parameters.AddWithValue("names", sorted.Select(e => e.Name).ToArray());
            cmd.Parameters.AddWithValue("types", sorted.Select(e => e.Type.ToName()).ToArray());
            cmd.Parameters.AddWithValue("mentions", sorted.Select(e => e.Mentions).ToArray());
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var aliases = new SortedSet<(string Alias, string Id)>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        foreach (var row in entities)
            foreach (var name in row.Surfaces.Select(s => s.Surface).Append(row.Name).Append(row.EntityId))
                aliases.Add((SqliteKnowledgeStore.AliasKey(name), row.EntityId));
        await using (var cmd = new NpgsqlCommand("INSERT INTO entity_aliases(alias, entity_id) SELECT * FROM unnest(@a, @e) ON CONFLICT DO NOTHING", connection, tx))
        {
            cmd.Parameters.AddWithValue("a", aliases.Select(a => a.Alias).ToArray());
            cmd.Parameters.AddWithValue("e", aliases.Select(a => a.Id).ToArray());
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public Task<FactPage> QueryFactsAsync(FactQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0 || query.Limit < 0) throw new ArgumentOutOfRangeException(nameof(query), "offset and limit must not be negative");
        return ReadAsync(c => QueryFactsAsync(c, query, cancellationToken), cancellationToken);
    }

    private async Task<FactPage> QueryFactsAsync(NpgsqlConnection connection, FactQuery query, CancellationToken ct)
    {
        if (query.Kind == MentionFact.KindName) return await QueryMentionsAsync(connection, query, ct).ConfigureAwait(false);
        var (filter, parameters) = FactFilterSql.Build(query, SqlDialect.Postgres);
        var where = new StringBuilder(filter);
        await using var cmd = new NpgsqlCommand("", connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        if (query.Entity is { } entity)
        {
            var ids = await ResolveEntityIdsAsync(connection, entity, ct).ConfigureAwait(false);
            if (ids.Count == 0) return new FactPage([], 0);
            where.Append(" AND EXISTS (SELECT 1 FROM fact_entities fe WHERE fe.doc = f.doc AND fe.kind = f.kind AND fe.ord = f.ord AND fe.entity_id = ANY(@entities))");
            cmd.Parameters.AddWithValue("entities", ids.ToArray());
        }
        cmd.CommandText = $"SELECT count(*) FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE {where}";
        int total = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (total == 0 || query.Limit == 0 || query.Offset >= total) return new FactPage([], total);
        string order = (query.HighestValueFirst ? "value DESC NULLS LAST, " : "") + "id COLLATE \"C\", ord";
        cmd.CommandText = query.OnePerSubject
            ? $"""
                SELECT id, chunk, idx, ord, doc, date_start, n FROM (
                    SELECT d.id AS id, f.chunk AS chunk, f.idx AS idx, f.ord AS ord, f.doc AS doc, f.date_start AS date_start, f.value AS value,
                        row_number() OVER (PARTITION BY coalesce(f.subject, d.id || ':' || f.ord) ORDER BY d.id COLLATE "C", f.ord) AS rn,
                        count(*) OVER (PARTITION BY coalesce(f.subject, d.id || ':' || f.ord))::int AS n
                    FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE {where}) g
                WHERE rn = 1 ORDER BY {order} LIMIT @limit OFFSET @offset
                """
            : $"""
                SELECT d.id AS id, f.chunk, f.idx, f.ord AS ord, f.doc, f.date_start, 1, f.value AS value FROM fact_rows f JOIN documents d ON d.doc_key = f.doc
                WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset
                """;
        cmd.Parameters.AddWithValue("limit", (long)query.Limit);
        cmd.Parameters.AddWithValue("offset", (long)query.Offset);
        var wanted = new List<(DocumentId Doc, int Chunk, int Index, int Ord, long Key, DateOnly? Date, int Copies)>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                wanted.Add((new DocumentId(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetInt32(6)));
        var facts = new List<StoredFact>(wanted.Count);
        // The JSON of the wanted facts: each chunk they sit in is read once.
        await using var chunkCmd = new NpgsqlCommand("SELECT data FROM fact_sets WHERE kind = @kind AND doc_id = @doc AND chunk = @chunk", connection);
        chunkCmd.Parameters.AddWithValue("kind", query.Kind);
        var pd = chunkCmd.Parameters.Add("doc", NpgsqlDbType.Text);
        var pc = chunkCmd.Parameters.Add("chunk", NpgsqlDbType.Integer);
        // A chunk's facts as slices of its bytes (FactChunk.Read), read once for all the wanted facts in it.
        IReadOnlyList<StoredFact>? open = null;
        (DocumentId, int) openKey = default;
        var links = new Dictionary<long, Dictionary<int, List<EntityRef>>>();
        foreach (var w in wanted)
        {
            if (open is null || openKey != (w.Doc, w.Chunk))
            {
                pd.Value = w.Doc.Value; pc.Value = w.Chunk;
                var data = await chunkCmd.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? throw new StoreException($"{Location}: the {query.Kind} facts of {w.Doc.Short} are missing (chunk {w.Chunk})");
                open = FactChunk.Read(w.Doc, query.Kind, data);
                openKey = (w.Doc, w.Chunk);
            }
            facts.Add(open[w.Index] with
            {
                Entities = query.WithEntities ? await EntitiesOfAsync(connection, links, w.Key, query.Kind, w.Ord, ct).ConfigureAwait(false) : null,
                Date = w.Date,
                Copies = w.Copies,
            });
        }
        return new FactPage(facts, total);
    }

    /// <summary>The entities linked to one fact; a document's links of the kind are read once, on its first fact.</summary>
    private static async Task<IReadOnlyList<EntityRef>> EntitiesOfAsync(NpgsqlConnection connection, Dictionary<long, Dictionary<int, List<EntityRef>>> cache,
        long doc, string kind, int ord, CancellationToken ct)
    {
        if (!cache.TryGetValue(doc, out var byOrd))
        {
            cache[doc] = byOrd = new Dictionary<int, List<EntityRef>>();
            // In the SQLite store's order: its links are keyed (entity, doc, kind, ord) and read by (doc, kind, ord).
            await using var cmd = new NpgsqlCommand("""
                SELECT e.ord, e.entity_id, t.name, t.type FROM fact_entities e JOIN entity_totals t ON t.entity_id = e.entity_id
                WHERE e.doc = @doc AND e.kind = @kind ORDER BY e.ord, e.entity_id COLLATE "C"
                """, connection);
            cmd.Parameters.AddWithValue("doc", doc);
            cmd.Parameters.AddWithValue("kind", kind);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                EntityTypeNames.TryParse(reader.GetString(3), out var type);
                if (!byOrd.TryGetValue(reader.GetInt32(0), out var list)) byOrd[reader.GetInt32(0)] = list = [];
                list.Add(new EntityRef(reader.GetString(1), reader.GetString(2), type));
            }
        }
        return byOrd.TryGetValue(ord, out var found) ? found : [];
    }

    public Task<IReadOnlyDictionary<DocumentId, int>> CountFactsAsync(string kind, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyDictionary<DocumentId, int>>(async connection =>
        {
            // Mentions have no rows of their own; their chunks hold the counts.
            await using var cmd = new NpgsqlCommand(kind == MentionFact.KindName
                ? "SELECT doc_id, sum(count)::integer FROM fact_sets WHERE kind = @kind GROUP BY doc_id"
                : "SELECT d.id, count(*)::integer FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE f.kind = @kind GROUP BY d.id", connection);
            cmd.Parameters.AddWithValue("kind", kind);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var counts = new Dictionary<DocumentId, int>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) counts[new DocumentId(reader.GetString(0))] = reader.GetInt32(1);
            return counts;
        }, cancellationToken);

    /// <summary>Mentions are not rows of their own (there are ~10,000 per report): listed from the stored facts, a page at a time.</summary>
    private static async Task<FactPage> QueryMentionsAsync(NpgsqlConnection connection, FactQuery query, CancellationToken ct)
    {
        HashSet<string>? ids = null;
        if (query.Entity is { } entity) ids = new HashSet<string>(await ResolveEntityIdsAsync(connection, entity, ct).ConfigureAwait(false), StringComparer.Ordinal);
        var all = await GetFactsAsync(connection, MentionFact.KindName, query.Document, ct).ConfigureAwait(false);
        var matching = ids is null ? all : all.Where(f => ids.Contains(JsonDocument.Parse(f.Json).RootElement.GetProperty("entityId").GetString() ?? "")).ToList();
        return new FactPage(matching.Skip(query.Offset).Take(query.Limit).ToList(), matching.Count);
    }

    private static async Task<List<string>> ResolveEntityIdsAsync(NpgsqlConnection connection, string nameOrId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT a.entity_id FROM entity_aliases a JOIN entity_totals t ON t.entity_id = a.entity_id
            WHERE a.alias = @a GROUP BY a.entity_id, t.mentions ORDER BY t.mentions DESC, a.entity_id COLLATE "C"
            """, connection);
        cmd.Parameters.AddWithValue("a", SqliteKnowledgeStore.AliasKey(nameOrId));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) ids.Add(reader.GetString(0));
        return ids;
    }

    public Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<EntitySummary>>(async connection =>
        {
            await using var cmd = new NpgsqlCommand("", connection);
            var result = new List<EntitySummary>();
            cmd.Parameters.AddWithValue("type", NpgsqlDbType.Text, query.Type is { } t ? t.ToName() : DBNull.Value);
            cmd.Parameters.AddWithValue("limit", (long)query.Limit);
            cmd.Parameters.AddWithValue("offset", (long)query.Offset);
            if (query.Document is { } doc)
            {
                // One document: its own counts and surfaces.
                cmd.CommandText = """
                    SELECT e.entity_id, t.name, t.type, e.mentions, e.surfaces FROM entity_docs e
                    JOIN documents d ON d.doc_key = e.doc JOIN entity_totals t ON t.entity_id = e.entity_id
                    WHERE d.id = @doc AND (@type::text IS NULL OR t.type = @type)
                    ORDER BY e.mentions DESC, e.entity_id COLLATE "C" LIMIT @limit OFFSET @offset
                    """;
                cmd.Parameters.AddWithValue("doc", doc.Value);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    EntityTypeNames.TryParse(reader.GetString(2), out var type);
                    int mentions = reader.GetInt32(3);
                    result.Add(new EntitySummary(reader.GetString(0), reader.GetString(1), type, EntityCatalogRow.SumSurfaces([reader.GetString(4)]), mentions, [new EntityDocumentCount(doc, mentions)]));
                }
                return result;
            }
            cmd.CommandText = """
                SELECT entity_id, name, type, mentions FROM entity_totals
                WHERE (@type::text IS NULL OR type = @type) ORDER BY mentions DESC, entity_id COLLATE "C" LIMIT @limit OFFSET @offset
                """;
            var top = new List<(string Id, string Name, string Type, int Mentions)>();
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) top.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            foreach (var (id, name, typeName, mentions) in top)
            {
                EntityTypeNames.TryParse(typeName, out var type);
                var (aliases, documents) = await DocumentsAsync(connection, id, cancellationToken).ConfigureAwait(false);
                result.Add(new EntitySummary(id, name, type, aliases, mentions, documents));
            }
            return result;
        }, cancellationToken);
    }

    /// <summary>An entity's surfaces (most written first) and its documents (most mentions first).</summary>
    private static async Task<(IReadOnlyList<string> Aliases, IReadOnlyList<EntityDocumentCount> Documents)> DocumentsAsync(NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT d.id, e.mentions, e.surfaces FROM entity_docs e JOIN documents d ON d.doc_key = e.doc WHERE e.entity_id = @e ORDER BY e.doc", connection);
        cmd.Parameters.AddWithValue("e", id);
        var docs = new List<EntityDocumentCount>();
        var surfaces = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                docs.Add(new EntityDocumentCount(new DocumentId(reader.GetString(0)), reader.GetInt32(1)));
                surfaces.Add(reader.GetString(2));
            }
        docs.Sort(static (a, b) => a.Mentions != b.Mentions ? b.Mentions.CompareTo(a.Mentions) : string.CompareOrdinal(a.Document.Value, b.Document.Value));
        return (EntityCatalogRow.SumSurfaces(surfaces), docs);
    }

    public Task<EntityDetail?> FindEntityAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        return ReadAsync(async connection =>
        {
            var ids = await ResolveEntityIdsAsync(connection, nameOrId, cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0) return null;
            var id = ids[0];
            string name, typeName;
            int mentions;
            await using (var cmd = new NpgsqlCommand("SELECT name, type, mentions FROM entity_totals WHERE entity_id = @e", connection))
            {
                cmd.Parameters.AddWithValue("e", id);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
                name = reader.GetString(0); typeName = reader.GetString(1); mentions = reader.GetInt32(2);
            }
            EntityTypeNames.TryParse(typeName, out var type);
            var (aliases, documents) = await DocumentsAsync(connection, id, cancellationToken).ConfigureAwait(false);
            var rows = new List<EntityMentionRow>(mentions);
            await using (var cmd = new NpgsqlCommand("SELECT d.id, e.surfaces, e.positions FROM entity_docs e JOIN documents d ON d.doc_key = e.doc WHERE e.entity_id = @e ORDER BY d.id COLLATE \"C\"", connection))
            {
                cmd.Parameters.AddWithValue("e", id);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    using var surfaces = JsonDocument.Parse(reader.GetString(1));
                    var list = surfaces.RootElement.EnumerateArray().Select(p => p[0].GetString() ?? "").ToList();
                    rows.AddRange(EntityCatalogRow.Unpack(new DocumentId(reader.GetString(0)), list, (byte[])reader.GetValue(2)));
                }
            }
            return (EntityDetail?)new EntityDetail(new EntitySummary(id, name, type, aliases, mentions, documents), rows);
        }, cancellationToken);
    }
}
