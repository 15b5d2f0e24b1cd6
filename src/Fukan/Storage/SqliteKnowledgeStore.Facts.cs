using System.Globalization;
using System.Text;
using System.Text.Json;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Pipeline;
using Microsoft.Data.Sqlite;

namespace Fukan.Storage;

/// <summary>Facts as rows, the entity catalogue, and the queries over them.</summary>
public sealed partial class SqliteKnowledgeStore
{
    private void InsertFactRows(long doc, SqlitePrepared prepared, SqliteTransaction tx)
    {
        using (var cmd = Command(tx, """
            INSERT INTO fact_rows(doc, kind, ord, chunk, idx, line, end_line, span_start, span_end, date_start, date_end, date_precision,
                value, value_max, unit, subject, area_id, country, phase, rating, trend, status, domain)
            VALUES ($doc, $kind, $ord, $chunk, $idx, $line, $endLine, $s0, $s1, $d0, $d1, $dp, $v, $vmax, $unit, $subject, $area, $country, $phase, $rating, $trend, $status, $domain)
            """))
        using (var link = Command(tx, "INSERT OR IGNORE INTO fact_entities(entity_id, doc, kind, ord) VALUES ($e, $doc, $kind, $ord)"))
        {
            var p = Parameters(cmd, "$doc", "$kind", "$ord", "$chunk", "$idx", "$line", "$endLine", "$s0", "$s1", "$d0", "$d1", "$dp", "$v", "$vmax", "$unit", "$subject", "$area", "$country", "$phase", "$rating", "$trend", "$status", "$domain");
            var l = Parameters(link, "$e", "$doc", "$kind", "$ord");
            p[0].Value = doc;
            l[1].Value = doc;
            foreach (var row in prepared.Keys)
            {
                var k = row.Keys;
                p[1].Value = row.Kind; p[2].Value = row.Ord; p[3].Value = row.Chunk; p[4].Value = row.Index;
                p[5].Value = row.Source.Line; p[6].Value = row.Source.EndLine; p[7].Value = row.Source.Span.Start; p[8].Value = row.Source.Span.End;
                p[9].Value = Db(k.DateStart); p[10].Value = Db(k.DateEnd); p[11].Value = Db(k.Precision);
                p[12].Value = k.Value is { } v ? v : DBNull.Value; p[13].Value = k.ValueMax is { } vm ? vm : DBNull.Value;
                p[14].Value = Db(k.Unit); p[15].Value = Db(k.Subject); p[16].Value = Db(k.AreaId); p[17].Value = Db(k.Country);
                p[18].Value = Db(k.Phase); p[19].Value = Db(k.Rating); p[20].Value = Db(k.Trend); p[21].Value = Db(k.Status); p[22].Value = Db(k.Domain);
                cmd.ExecuteNonQuery();
                foreach (var e in k.Entities)
                {
                    l[0].Value = e; l[2].Value = row.Kind; l[3].Value = row.Ord;
                    link.ExecuteNonQuery();
                }
            }
        }
        using (var cmd = Command(tx, "INSERT INTO entity_docs(entity_id, doc, mentions, surfaces, positions) VALUES ($e, $doc, $n, $surfaces, $positions)"))
        using (var totals = Command(tx, """
            INSERT INTO entity_totals(entity_id, name, type, mentions, documents) VALUES ($e, $name, $type, $n, 1)
            ON CONFLICT(entity_id) DO UPDATE SET mentions = entity_totals.mentions + excluded.mentions, documents = entity_totals.documents + 1
            """))
        using (var alias = Command(tx, "INSERT OR IGNORE INTO entity_aliases(alias, entity_id) VALUES ($a, $e)"))
        {
            var p = Parameters(cmd, "$e", "$doc", "$n", "$surfaces", "$positions");
            var t = Parameters(totals, "$e", "$name", "$type", "$n");
            var a = Parameters(alias, "$a", "$e");
            p[1].Value = doc;
            foreach (var row in prepared.Entities)
            {
                p[0].Value = row.EntityId; p[2].Value = row.Mentions;
                p[3].Value = row.SurfacesJson();
                p[4].Value = row.Positions;
                cmd.ExecuteNonQuery();
                t[0].Value = row.EntityId; t[1].Value = row.Name; t[2].Value = row.Type.ToName(); t[3].Value = row.Mentions;
                totals.ExecuteNonQuery();
                a[1].Value = row.EntityId;
                foreach (var name in row.Surfaces.Select(s => s.Surface).Append(row.Name).Append(row.EntityId))
                {
                    a[0].Value = AliasKey(name);
                    alias.ExecuteNonQuery();
                }
            }
        }
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    /// <summary>How names are compared in the catalogue: trimmed, case-folded (invariant), width as written.</summary>
    internal static string AliasKey(string name) => name.Trim().ToUpperInvariant();

    /// <summary>Stores written before fact rows existed: each document's rows and catalogue, from its stored facts.</summary>
    private async Task BackfillFactRowsAsync(CancellationToken cancellationToken)
    {
        var docs = await ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        using var tx = Writer.BeginTransaction(deferred: false);
        foreach (var d in docs)
        {
            var facts = new List<Fact>();
            var chunks = ChunkCounts(d.Id);
            foreach (var kind in chunks.Keys.Order(StringComparer.Ordinal))
            {
                foreach (var f in await GetFactsAsync(kind, d.Id, cancellationToken).ConfigureAwait(false))
                    facts.Add(StoredJsonFact.Of(f));
            }
            SourceText source;
            try { source = await GetSourceAsync(d.Id, cancellationToken).ConfigureAwait(false); }
            catch (DocumentReferenceException) { source = new SourceText(""); }   // a store of schema 1 could lack it
            var document = new ProcessedDocument(d, source, [], [], facts, [], StageTimings.Zero);
            long key = Scalar<long>("SELECT doc_key FROM documents WHERE id = $id", tx, ("$id", d.Id.Value));
            // Stores of older versions chunked facts differently: each fact's place is read from what is stored.
            (int, int) Place(string kind, int ord)
            {
                var counts = chunks[kind];
                for (int c = 0; c < counts.Count; c++)
                {
                    if (ord < counts[c]) return (c, ord);
                    ord -= counts[c];
                }
                return (counts.Count, ord);
            }
            InsertFactRows(key, new SqlitePrepared([], FactKeyRow.Of(document, facts, Place), EntityCatalogRow.Of(facts), []), tx);
        }
        tx.Commit();
    }

    public Task<IReadOnlyList<string>> GetFactKindsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(ChunkCounts(id).Keys.Order(StringComparer.Ordinal).ToList());

    /// <summary>Per kind, how many facts each stored chunk of a document holds, in chunk order.</summary>
    private Dictionary<string, List<int>> ChunkCounts(DocumentId id)
    {
        using var lease = Rent();
        using var cmd = Command(lease.Connection, "SELECT kind, count FROM fact_sets WHERE doc_id = $id ORDER BY kind, chunk");
        cmd.Parameters.AddWithValue("$id", id.Value);
        using var reader = cmd.ExecuteReader();
        var kinds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (!kinds.TryGetValue(reader.GetString(0), out var list)) kinds[reader.GetString(0)] = list = [];
            list.Add(reader.GetInt32(1));
        }
        return kinds;
    }

    public Task<FactPage> QueryFactsAsync(FactQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0 || query.Limit < 0) throw new ArgumentOutOfRangeException(nameof(query), "offset and limit must not be negative");
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        if (query.Kind == MentionFact.KindName) return Task.FromResult(QueryMentions(lease.Connection, query));
        var (filter, parameters) = FactFilterSql.Build(query, SqlDialect.Sqlite);
        var where = new StringBuilder(filter);
        using var cmd = Command(lease.Connection, "");
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue("$" + name, value);
        if (query.Entity is { } entity)
        {
            var ids = ResolveEntityIds(lease.Connection, entity);
            if (ids.Count == 0) return Task.FromResult(new FactPage([], 0));
            var names = new List<string>();
            for (int i = 0; i < ids.Count; i++) { names.Add("$e" + i); cmd.Parameters.AddWithValue("$e" + i, ids[i]); }
            where.Append($" AND EXISTS (SELECT 1 FROM fact_entities fe WHERE fe.doc = f.doc AND fe.kind = f.kind AND fe.ord = f.ord AND fe.entity_id IN ({string.Join(", ", names)}))");
        }
        cmd.CommandText = $"SELECT count(*) FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE {where}";
        int total = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (total == 0 || query.Limit == 0 || query.Offset >= total) return Task.FromResult(new FactPage([], total));
        string order = (query.HighestValueFirst ? "value DESC, " : "") + "id, ord";
        cmd.CommandText = query.OnePerSubject
            ? $"""
                SELECT id, chunk, idx, ord, doc, date_start, n FROM (
                    SELECT d.id AS id, f.chunk AS chunk, f.idx AS idx, f.ord AS ord, f.doc AS doc, f.date_start AS date_start, f.value AS value,
                        row_number() OVER (PARTITION BY coalesce(f.subject, d.id || ':' || f.ord) ORDER BY d.id, f.ord) AS rn,
                        count(*) OVER (PARTITION BY coalesce(f.subject, d.id || ':' || f.ord)) AS n
                    FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE {where})
                WHERE rn = 1 ORDER BY {order} LIMIT $limit OFFSET $offset
                """
            : $"""
                SELECT d.id AS id, f.chunk, f.idx, f.ord AS ord, f.doc, f.date_start, 1, f.value AS value FROM fact_rows f JOIN documents d ON d.doc_key = f.doc
                WHERE {where} ORDER BY {order} LIMIT $limit OFFSET $offset
                """;
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.Parameters.AddWithValue("$offset", query.Offset);
        var wanted = new List<(DocumentId Doc, int Chunk, int Index, int Ord, long Key, DateOnly? Date, int Copies)>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
                wanted.Add((new DocumentId(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetInt32(6)));
        var facts = new List<StoredFact>(wanted.Count);
        // The JSON of the wanted facts: each chunk they sit in is read once.
        using var chunkCmd = Command(lease.Connection, "SELECT data FROM fact_sets WHERE kind = $kind AND doc_id = $doc AND chunk = $chunk");
        var pk = chunkCmd.Parameters.AddWithValue("$kind", query.Kind);
        var pd = chunkCmd.Parameters.Add("$doc", SqliteType.Text);
        var pc = chunkCmd.Parameters.Add("$chunk", SqliteType.Integer);
        // A chunk's facts as slices of its bytes (FactChunk.Read), read once for all the wanted facts in it.
        IReadOnlyList<StoredFact>? open = null;
        (DocumentId, int) openKey = default;
        var links = new Dictionary<long, Dictionary<int, List<EntityRef>>>();
        foreach (var w in wanted)
        {
            if (open is null || openKey != (w.Doc, w.Chunk))
            {
                pd.Value = w.Doc.Value; pc.Value = w.Chunk;
                var data = chunkCmd.ExecuteScalar() ?? throw new StoreException($"{Location}: the {query.Kind} facts of {w.Doc.Short} are missing (chunk {w.Chunk})");
                open = FactChunk.Read(w.Doc, query.Kind, data);
                openKey = (w.Doc, w.Chunk);
            }
            facts.Add(open[w.Index] with { Entities = query.WithEntities ? EntitiesOf(lease.Connection, links, w.Key, query.Kind, w.Ord) : null, Date = w.Date, Copies = w.Copies });
        }
        return Task.FromResult(new FactPage(facts, total));
    }

    public Task<IReadOnlyDictionary<DocumentId, int>> CountFactsAsync(string kind, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        // Mentions have no rows of their own; their chunks hold the counts.
        using var cmd = Command(lease.Connection, kind == MentionFact.KindName
            ? "SELECT doc_id, sum(count) FROM fact_sets WHERE kind = $kind GROUP BY doc_id"
            : "SELECT d.id, count(*) FROM fact_rows f JOIN documents d ON d.doc_key = f.doc WHERE f.kind = $kind GROUP BY f.doc");
        cmd.Parameters.AddWithValue("$kind", kind);
        using var reader = cmd.ExecuteReader();
        var counts = new Dictionary<DocumentId, int>();
        while (reader.Read()) counts[new DocumentId(reader.GetString(0))] = reader.GetInt32(1);
        return Task.FromResult<IReadOnlyDictionary<DocumentId, int>>(counts);
    }

    /// <summary>The entities linked to one fact; a document's links of the kind are read once, on its first fact.</summary>
    private static IReadOnlyList<EntityRef> EntitiesOf(SqliteConnection connection, Dictionary<long, Dictionary<int, List<EntityRef>>> cache, long doc, string kind, int ord)
    {
        if (!cache.TryGetValue(doc, out var byOrd))
        {
            cache[doc] = byOrd = new Dictionary<int, List<EntityRef>>();
            using var cmd = Command(connection, """
                SELECT e.ord, e.entity_id, t.name, t.type FROM fact_entities e JOIN entity_totals t ON t.entity_id = e.entity_id
                WHERE e.doc = $doc AND e.kind = $kind ORDER BY e.ord
                """);
            cmd.Parameters.AddWithValue("$doc", doc);
            cmd.Parameters.AddWithValue("$kind", kind);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                EntityTypeNames.TryParse(reader.GetString(3), out var type);
                if (!byOrd.TryGetValue(reader.GetInt32(0), out var list)) byOrd[reader.GetInt32(0)] = list = [];
                list.Add(new EntityRef(reader.GetString(1), reader.GetString(2), type));
            }
        }
        return byOrd.TryGetValue(ord, out var found) ? found : [];
    }

    /// <summary>Mentions are not rows of their own (there are ~10,000 per report): listed from the stored facts, a page at a time.</summary>
    private FactPage QueryMentions(SqliteConnection connection, FactQuery query)
    {
        HashSet<string>? ids = null;
        if (query.Entity is { } entity) ids = new HashSet<string>(ResolveEntityIds(connection, entity), StringComparer.Ordinal);
        var all = GetFactsAsync(MentionFact.KindName, query.Document).GetAwaiter().GetResult();
        var matching = ids is null ? all : all.Where(f => ids.Contains(JsonDocument.Parse(f.Json).RootElement.GetProperty("entityId").GetString() ?? "")).ToList();
        return new FactPage(matching.Skip(query.Offset).Take(query.Limit).ToList(), matching.Count);
    }

    private static List<string> ResolveEntityIds(SqliteConnection connection, string nameOrId)
    {
        using var cmd = Command(connection, "SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entity_totals t ON t.entity_id = a.entity_id WHERE a.alias = $a ORDER BY t.mentions DESC, a.entity_id");
        cmd.Parameters.AddWithValue("$a", AliasKey(nameOrId));
        using var reader = cmd.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    public Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        using var cmd = Command(lease.Connection, "");
        var result = new List<EntitySummary>();
        if (query.Document is { } doc)
        {
            // One document: its own counts and surfaces.
            cmd.CommandText = """
                SELECT e.entity_id, t.name, t.type, e.mentions, e.surfaces FROM entity_docs e
                JOIN documents d ON d.doc_key = e.doc JOIN entity_totals t ON t.entity_id = e.entity_id
                WHERE d.id = $doc AND ($type IS NULL OR t.type = $type)
                ORDER BY e.mentions DESC, e.entity_id LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$doc", doc.Value);
            AddPage(cmd, query);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                EntityTypeNames.TryParse(reader.GetString(2), out var type);
                int mentions = reader.GetInt32(3);
                var surfaces = EntityCatalogRow.SumSurfaces([reader.GetString(4)]);
                result.Add(new EntitySummary(reader.GetString(0), reader.GetString(1), type, surfaces, mentions, [new EntityDocumentCount(doc, mentions)]));
            }
            return Task.FromResult<IReadOnlyList<EntitySummary>>(result);
        }
        cmd.CommandText = """
            SELECT entity_id, name, type, mentions FROM entity_totals
            WHERE ($type IS NULL OR type = $type) ORDER BY mentions DESC, entity_id LIMIT $limit OFFSET $offset
            """;
        AddPage(cmd, query);
        var top = new List<(string Id, string Name, string Type, int Mentions)>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) top.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        foreach (var (id, name, typeName, mentions) in top)
        {
            EntityTypeNames.TryParse(typeName, out var type);
            var (aliases, documents) = Documents(lease.Connection, id);
            result.Add(new EntitySummary(id, name, type, aliases, mentions, documents));
        }
        return Task.FromResult<IReadOnlyList<EntitySummary>>(result);
    }

    private static void AddPage(SqliteCommand cmd, EntityQuery query)
    {
        cmd.Parameters.AddWithValue("$type", query.Type is { } t ? t.ToName() : DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", query.Limit);
        cmd.Parameters.AddWithValue("$offset", query.Offset);
    }

    /// <summary>An entity's surfaces (most written first) and its documents (most mentions first).</summary>
    private static (IReadOnlyList<string> Aliases, IReadOnlyList<EntityDocumentCount> Documents) Documents(SqliteConnection connection, string id)
    {
        using var cmd = Command(connection, "SELECT d.id, e.mentions, e.surfaces FROM entity_docs e JOIN documents d ON d.doc_key = e.doc WHERE e.entity_id = $e");
        cmd.Parameters.AddWithValue("$e", id);
        var docs = new List<EntityDocumentCount>();
        var surfaces = new List<string>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
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
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        var ids = ResolveEntityIds(lease.Connection, nameOrId);
        if (ids.Count == 0) return Task.FromResult<EntityDetail?>(null);
        var id = ids[0];
        string name, typeName;
        int mentions;
        using (var cmd = Command(lease.Connection, "SELECT name, type, mentions FROM entity_totals WHERE entity_id = $e"))
        {
            cmd.Parameters.AddWithValue("$e", id);
            using var reader = cmd.ExecuteReader();
            if (!reader.Read()) return Task.FromResult<EntityDetail?>(null);
            name = reader.GetString(0); typeName = reader.GetString(1); mentions = reader.GetInt32(2);
        }
        EntityTypeNames.TryParse(typeName, out var type);
        var (aliases, documents) = Documents(lease.Connection, id);
        var rows = new List<EntityMentionRow>(mentions);
        using (var cmd = Command(lease.Connection, "SELECT d.id, e.surfaces, e.positions FROM entity_docs e JOIN documents d ON d.doc_key = e.doc WHERE e.entity_id = $e ORDER BY d.id"))
        {
            cmd.Parameters.AddWithValue("$e", id);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                using var surfaces = JsonDocument.Parse(reader.GetString(1));
                var list = surfaces.RootElement.EnumerateArray().Select(p => p[0].GetString() ?? "").ToList();
                rows.AddRange(EntityCatalogRow.Unpack(new DocumentId(reader.GetString(0)), list, (byte[])reader.GetValue(2)));
            }
        }
        return Task.FromResult<EntityDetail?>(new EntityDetail(new EntitySummary(id, name, type, aliases, mentions, documents), rows));
    }
}
