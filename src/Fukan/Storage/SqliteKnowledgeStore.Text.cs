using System.Globalization;
using Fukan.Model;
using Microsoft.Data.Sqlite;

namespace Fukan.Storage;

/// <summary>Source text and passages: rows keyed by <see cref="TextBlocks.Key"/>, text in <see cref="TextBlocks"/>.</summary>
public sealed partial class SqliteKnowledgeStore
{
    /// <summary>How each passage row points at its section: the section's ord, and the id and path only where they are not the section's.</summary>
    private sealed record PassageLinks(int?[] Section, string?[] SectionId, string?[] Path, string?[] SectionPaths)
    {
        public static PassageLinks Of(IReadOnlyList<Section> sections, IReadOnlyList<Passage> passages)
        {
            var ordOf = new Dictionary<string, int>(sections.Count, StringComparer.Ordinal);
            for (int i = 0; i < sections.Count; i++) ordOf.TryAdd(sections[i].Id, i);
            var links = new PassageLinks(new int?[passages.Count], new string?[passages.Count], new string?[passages.Count], new string?[sections.Count]);
            for (int k = 0; k < passages.Count; k++)
            {
                var p = passages[k];
                if (p.SectionId is { } sid && ordOf.TryGetValue(sid, out int ord))
                {
                    // A section's path is that of its first passage; a passage under another path keeps its own.
                    links.SectionPaths[ord] ??= p.SectionPath;
                    links.Section[k] = ord;
                    links.Path[k] = p.SectionPath == links.SectionPaths[ord] ? null : p.SectionPath;
                }
                else
                {
                    links.SectionId[k] = p.SectionId;
                    links.Path[k] = p.SectionPath;
                }
            }
            return links;
        }
    }

    /// <summary>Writes a document's sections (when asked), passage rows and text blocks.</summary>
    private void WriteText(long key, DocumentId id, IReadOnlyList<Section> sections, IReadOnlyList<Passage> passages,
        List<(int Block, byte[] Data)> blocks, SqliteTransaction tx, bool insertSections)
    {
        var links = PassageLinks.Of(sections, passages);
        using (var cmd = Command(tx, insertSections
            ? """
              INSERT INTO sections(doc_id, ord, id, number, title, kind, level, start_line, end_line, parent_id, path)
              VALUES ($doc, $ord, $id, $number, $title, $kind, $level, $start, $end, $parent, $path)
              """
            : "UPDATE sections SET path = $path WHERE doc_id = $doc AND ord = $ord"))
        {
            var p = insertSections
                ? Parameters(cmd, "$doc", "$ord", "$path", "$id", "$number", "$title", "$kind", "$level", "$start", "$end", "$parent")
                : Parameters(cmd, "$doc", "$ord", "$path");
            p[0].Value = id.Value;
            for (int i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                p[1].Value = i;
                p[2].Value = (object?)links.SectionPaths[i] ?? DBNull.Value;
                if (insertSections)
                {
                    p[3].Value = s.Id; p[4].Value = (object?)s.Number ?? DBNull.Value; p[5].Value = s.Title;
                    p[6].Value = s.Kind.ToName(); p[7].Value = s.Level; p[8].Value = s.StartLine; p[9].Value = s.EndLine;
                    p[10].Value = (object?)s.ParentId ?? DBNull.Value;
                }
                else if (links.SectionPaths[i] is null) continue;
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = Command(tx, """
            INSERT INTO passage_rows(id, kind, section, section_id, path, line, end_line, start, "end")
            VALUES ($id, $kind, $section, $sid, $path, $line, $endLine, $start, $end)
            """))
        {
            var p = Parameters(cmd, "$id", "$kind", "$section", "$sid", "$path", "$line", "$endLine", "$start", "$end");
            for (int k = 0; k < passages.Count; k++)
            {
                var passage = passages[k];
                TextBlocks.CheckOrdinal(passage);
                p[0].Value = TextBlocks.Key(key, passage.Ordinal); p[1].Value = passage.Kind.ToName();
                p[2].Value = (object?)links.Section[k] ?? DBNull.Value; p[3].Value = (object?)links.SectionId[k] ?? DBNull.Value;
                p[4].Value = (object?)links.Path[k] ?? DBNull.Value;
                p[5].Value = passage.Source.Line; p[6].Value = passage.Source.EndLine;
                p[7].Value = passage.Source.Span.Start; p[8].Value = passage.Source.Span.End;
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = Command(tx, "INSERT INTO text_blocks(id, data) VALUES ($id, $data)"))
        {
            var p = Parameters(cmd, "$id", "$data");
            foreach (var (block, data) in blocks)
            {
                p[0].Value = TextBlocks.Key(key, block); p[1].Value = data;
                cmd.ExecuteNonQuery();
            }
        }
    }

    private void DeleteText(long key, SqliteTransaction tx)
    {
        var (first, last) = TextBlocks.Range(key);
        using var cmd = Command(tx, "DELETE FROM passage_rows WHERE id BETWEEN $first AND $last; DELETE FROM text_blocks WHERE id BETWEEN $first AND $last;");
        cmd.Parameters.AddWithValue("$first", first);
        cmd.Parameters.AddWithValue("$last", last);
        cmd.ExecuteNonQuery();
    }

    private static long? DocKey(SqliteConnection connection, DocumentId id)
    {
        using var cmd = Command(connection, "SELECT doc_key FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id.Value);
        return cmd.ExecuteScalar() is long key ? key : null;
    }

    public Task<SourceText> GetSourceAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        var text = ReadSource(lease.Connection, id) ?? throw new DocumentReferenceException($"document {id.Short} is not stored");
        return Task.FromResult(new SourceText(text));
    }

    /// <summary>The source text joined from a document's blocks; null when nothing is stored.</summary>
    private static string? ReadSource(SqliteConnection connection, DocumentId id)
    {
        if (DocKey(connection, id) is not { } key) return null;
        var (first, last) = TextBlocks.Range(key);
        using var cmd = Command(connection, "SELECT data FROM text_blocks WHERE id BETWEEN $first AND $last ORDER BY id");
        cmd.Parameters.AddWithValue("$first", first);
        cmd.Parameters.AddWithValue("$last", last);
        using var reader = cmd.ExecuteReader();
        System.Text.StringBuilder? sb = null;
        while (reader.Read())
        {
            sb ??= new System.Text.StringBuilder();
            sb.Append(TextBlocks.Unpack((byte[])reader.GetValue(0)).Source);
        }
        return sb?.ToString();
    }

    public Task<IReadOnlyList<Passage>> GetPassagesAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        if (DocKey(lease.Connection, id) is not { } key) return Task.FromResult<IReadOnlyList<Passage>>([]);
        var (first, last) = TextBlocks.Range(key);
        return Task.FromResult<IReadOnlyList<Passage>>(ReadPassages(lease.Connection, id, $"p.id BETWEEN {first} AND {last}", null));
    }

    private const string PassageSelect = """
        SELECT p.id, p.kind, coalesce(p.section_id, s.id), coalesce(p.path, s.path, ''), p.line, p.end_line, p.start, p."end"
        FROM passage_rows p LEFT JOIN sections s ON s.doc_id = $doc AND s.ord = p.section
        """;

    /// <summary>The passages of document <paramref name="id"/> whose rows pass <paramref name="where"/>, in order, with their text.</summary>
    private static List<Passage> ReadPassages(SqliteConnection connection, DocumentId id, string where, string? idsJson)
    {
        var rows = new List<(long Key, PassageKind Kind, string? SectionId, string Path, Provenance Source)>();
        using (var cmd = Command(connection, $"{PassageSelect} WHERE {where} ORDER BY p.id"))
        {
            cmd.Parameters.AddWithValue("$doc", id.Value);
            if (idsJson is not null) cmd.Parameters.AddWithValue("$ids", idsJson);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                rows.Add((reader.GetInt64(0), PassageKindNames.Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    new Provenance(id, reader.GetInt32(4), reader.GetInt32(5), new CharSpan(reader.GetInt32(6), reader.GetInt32(7)))));
        }
        var blocks = new Dictionary<long, TextBlocks.Block>();
        using (var cmd = Command(connection, "SELECT data FROM text_blocks WHERE id = $id"))
        {
            var pid = cmd.Parameters.Add("$id", SqliteType.Integer);
            var list = new List<Passage>(rows.Count);
            foreach (var (key, kind, sectionId, path, source) in rows)
            {
                int ordinal = (int)(key & TextBlocks.OrdinalMask);
                long blockKey = (key & ~TextBlocks.OrdinalMask) | (long)TextBlocks.BlockOf(ordinal);
                if (!blocks.TryGetValue(blockKey, out var block))
                {
                    pid.Value = blockKey;
                    block = cmd.ExecuteScalar() is byte[] data ? TextBlocks.Unpack(data) : new TextBlocks.Block("", []);
                    blocks[blockKey] = block;
                }
                var (text, map) = block.Passage(ordinal) ?? ("", []);
                list.Add(new Passage(id, ordinal, kind, text, sectionId, path, source, OffsetMap.FromBytes(map)));
            }
            return list;
        }
    }

    public Task<IReadOnlyList<Passage>> GetPassagesByIdAsync(IReadOnlyCollection<string> passageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passageIds);
        // A passage id is a short document id and an ordinal: the ordinals asked for, per short id, in the order first asked.
        var ordinals = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var pid in passageIds)
        {
            int dash = pid.LastIndexOf('-');
            if (dash <= 0 || !int.TryParse(pid.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > TextBlocks.OrdinalMask) continue;
            var hex = pid[..dash].ToLowerInvariant();
            if (hex.Any(c => !Uri.IsHexDigit(c))) continue;
            if (!ordinals.TryGetValue(hex, out var list)) ordinals[hex] = list = new List<int>();
            list.Add(n);
        }
        var result = new List<Passage>(passageIds.Count);
        using var lease = Rent();
        using var snapshot = new Snapshot(lease.Connection);
        // Ids are lower-case hex: those starting with a short id sort from it up to it followed by 'g' (a range on the key).
        using var docs = Command(lease.Connection, "SELECT id, doc_key FROM documents WHERE id >= $prefix AND id < $prefix || 'g'");
        var prefix = docs.Parameters.Add("$prefix", SqliteType.Text);
        var found = new List<(string Id, long Key)>(1);
        foreach (var (hex, wanted) in ordinals)
        {
            prefix.Value = hex;
            found.Clear();
            using (var reader = docs.ExecuteReader())
                while (reader.Read()) found.Add((reader.GetString(0), reader.GetInt64(1)));
            foreach (var (id, key) in found)
            {
                var json = "[" + string.Join(",", wanted.Select(o => TextBlocks.Key(key, o))) + "]";
                result.AddRange(ReadPassages(lease.Connection, new DocumentId(id), "p.id IN (SELECT value FROM json_each($ids))", json));
            }
        }
        return Task.FromResult<IReadOnlyList<Passage>>(result);
    }

    /// <summary>
    /// Moves documents stored before schema 4 (plain passages and a compressed source per document) into passage rows
    /// and text blocks, one transaction per document, then drops the old tables (true then: the caller vacuums). An interrupted move resumes on the next open.
    /// </summary>
    private bool MoveLegacyText()
    {
        var writer = Writer;
        bool Exists(string table)
        {
            using var cmd = Command(writer, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $n");
            cmd.Parameters.AddWithValue("$n", table);
            return (long)cmd.ExecuteScalar()! > 0;
        }
        if (!Exists("sources") && !Exists("passages")) return false;
        var docs = new List<(string Id, long Key)>();
        using (var cmd = Command(writer, "SELECT id, doc_key FROM documents WHERE NOT EXISTS (SELECT 1 FROM text_blocks WHERE id BETWEEN doc_key << 24 AND (doc_key << 24) | 16777215) ORDER BY doc_key"))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) docs.Add((reader.GetString(0), reader.GetInt64(1)));
        foreach (var (docId, key) in docs)
        {
            var id = new DocumentId(docId);
            string? source = null;
            using (var cmd = Command(writer, "SELECT text FROM sources WHERE doc_id = $id"))
            {
                cmd.Parameters.AddWithValue("$id", docId);
                var stored = cmd.ExecuteScalar();
                if (stored is string t) source = t;
                else if (stored is byte[] b) source = FactBlob.UnpackText(b);
            }
            var passages = new List<Passage>();
            using (var cmd = Command(writer, """SELECT ordinal, kind, text, section_id, section_path, line, end_line, start, "end", map FROM passages WHERE doc_id = $id ORDER BY ordinal"""))
            {
                cmd.Parameters.AddWithValue("$id", docId);
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                    passages.Add(new Passage(id, reader.GetInt32(0), PassageKindNames.Parse(reader.GetString(1)), reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                        new Provenance(id, reader.GetInt32(5), reader.GetInt32(6), new CharSpan(reader.GetInt32(7), reader.GetInt32(8))),
                        OffsetMap.FromBytes((byte[])reader.GetValue(9))));
            }
            // A store of schema 1 could lack the source: the document keeps no text then, as before.
            if (source is null && passages.Count == 0) continue;
            var sections = new List<Section>();
            using (var cmd = Command(writer, "SELECT id FROM sections WHERE doc_id = $id ORDER BY ord"))
            {
                cmd.Parameters.AddWithValue("$id", docId);
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) sections.Add(new Section(reader.GetString(0), null, "", SectionKind.Heading, 0, 0, 0, null));
            }
            using var tx = writer.BeginTransaction(deferred: false);
            WriteText(key, id, sections, passages, TextBlocks.Pack(source ?? "", passages), tx, insertSections: false);
            tx.Commit();
        }
        Execute(writer, "DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS sources;");
        return true;
    }
}
