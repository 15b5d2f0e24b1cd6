using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Storage;
using Fukan.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Storage;

public class MigrationTests
{
    [Fact]
    public async Task Version1Store_IsMigrated_FactsKeptInOrder()
    {
        using var dir = new TempDir();
        var db = dir.File("old.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            SqliteMigrations.Apply(c, 1);
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO documents VALUES ('abc', '/x.txt', 'T', 'other', NULL, NULL, 'ja', 3, 'text', 'utf-8', '{}', 0, 0, '2026-01-01T00:00:00+00:00');
                INSERT INTO facts VALUES ('abc', 1, 'date', 2, 2, 5, 9, '{"kind":"date","text":"second","provenance":{"documentId":"abc","line":2,"endLine":2,"start":5,"end":9}}');
                INSERT INTO facts VALUES ('abc', 0, 'date', 1, 1, 0, 4, '{"kind":"date","text":"first","provenance":{"documentId":"abc","line":1,"endLine":1,"start":0,"end":4}}');
                """;
            cmd.ExecuteNonQuery();
        }
        await using var store = await SqliteKnowledgeStore.OpenAsync(db);
        Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.UserVersion(store.Connection!));
        var facts = await store.GetFactsAsync("date");
        Assert.Equal(["first", "second"], facts.Select(f => System.Text.Json.JsonDocument.Parse(f.Json).RootElement.GetProperty("text").GetString()));
        Assert.Equal(2, facts[1].Source.Line);
        // Migrating to fact rows filled them in from the stored facts.
        var rows = await store.QueryFactsAsync(new FactQuery("date"));
        Assert.Equal(facts.Select(f => f.Json), rows.Facts.Select(f => f.Json));
    }

    [Fact]
    public async Task NewerStore_IsRefusedNotDowngraded()
    {
        using var dir = new TempDir();
        var db = dir.File("new.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {SqliteMigrations.CurrentVersion + 1}";
            cmd.ExecuteNonQuery();
        }
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteKnowledgeStore.OpenAsync(db));
        Assert.Contains("is newer than this fukan supports", e.Message);
    }

    [Fact]
    public async Task FactsOfSeveralKinds_RoundTripThroughTheStore()
    {
        using var dir = new TempDir();
        await using var store = await FukanDefaults.OpenStoreAsync(dir.File("kb.db"));
        var doc = SeedDocuments.Get("000");
        await store.SaveAsync(doc);
        foreach (var kind in doc.Facts.Select(f => f.Kind).Distinct())
        {
            var expected = doc.Facts.Where(f => f.Kind == kind).ToList();
            var stored = await store.GetFactsAsync(kind, doc.Info.Id);
            Assert.Equal(expected.Count, stored.Count);
            Assert.Equal(expected.Select(f => f.Source), stored.Select(f => f.Source));
            Assert.Equal(expected.Select(FactSerializer.Serialize), stored.Select(f => f.Json));
        }
    }
}

public class SearchLayoutTests
{
    [Fact]
    public async Task StoreWithoutAnIndex_GetsOneBuiltWhenOpenedWithTheSearchHook()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        await using (var plain = await SqliteKnowledgeStore.OpenAsync(db))   // no hooks: no index
            await plain.SaveAsync(SeedDocuments.Get("000"));
        await using var store = await FukanDefaults.OpenStoreAsync(db);
        var hits = store.Search.Search(Fukan.Search.SearchQueryParser.Parse("SWE-bench"), new Fukan.Search.SearchOptions(5));
        Assert.NotEmpty(hits);
        Assert.Contains("SWE", hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IndexBesideAStore_KeepsNoCopyOfPassageText()
    {
        using var dir = new TempDir();
        await using var store = await FukanDefaults.OpenStoreAsync(dir.File("kb.db"));
        using var cmd = ((SqliteKnowledgeStore)store).Connection!.CreateCommand();
        cmd.CommandText = "SELECT type FROM sqlite_schema WHERE name = 'search_passage'";
        Assert.Equal("view", cmd.ExecuteScalar());
        cmd.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'search_content'";
        Assert.Equal(0L, cmd.ExecuteScalar());
    }
}

public class TextBlockMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store of schema 3 as it was written then: plain passages with their section path, a zlib source per document.</summary>
    private static void WriteSchema3(string db, Fukan.Pipeline.ProcessedDocument doc)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        SqliteMigrations.Apply(c, 3);
        using var tx = c.BeginTransaction();
        void Exec(string sql, params (string, object?)[] args)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
        var id = doc.Info.Id.Value;
        Exec("INSERT INTO documents VALUES ($id, '/x/000.txt', 'T', 'report', NULL, NULL, 'ja', 3, 'text', 'utf-8', '{}', $s, $p, '2026-01-01T00:00:00+00:00', 1)",
            ("$id", (object?)id), ("$s", doc.Sections.Count), ("$p", doc.Passages.Count));
        using var packed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            z.Write(System.Text.Encoding.UTF8.GetBytes(doc.Source.Text));
        Exec("INSERT INTO sources VALUES ($id, $t)", ("$id", (object?)id), ("$t", packed.ToArray()));
        for (int i = 0; i < doc.Sections.Count; i++)
        {
            var s = doc.Sections[i];
            Exec("INSERT INTO sections VALUES ($id, $o, $sid, $n, $t, $k, $l, $a, $b, $parent)", ("$id", (object?)id), ("$o", i), ("$sid", s.Id), ("$n", s.Number),
                ("$t", s.Title), ("$k", s.Kind.ToName()), ("$l", s.Level), ("$a", s.StartLine), ("$b", s.EndLine), ("$parent", s.ParentId));
        }
        foreach (var p in doc.Passages)
            Exec("""INSERT INTO passages VALUES ($id, $o, $k, $t, $sid, $path, $l, $el, $s, $e, $map)""", ("$id", (object?)id), ("$o", p.Ordinal), ("$k", p.Kind.ToName()),
                ("$t", p.Text), ("$sid", p.SectionId), ("$path", p.SectionPath), ("$l", p.Source.Line), ("$el", p.Source.EndLine),
                ("$s", p.Source.Span.Start), ("$e", p.Source.Span.End), ("$map", p.Map.ToBytes()));
        // The search index of then (layout 4): a passage table referencing its documents, text read through a view.
        Exec("""
            CREATE TABLE search_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO search_meta VALUES ('layout', '4'), ('analyzer', 'bigram');
            CREATE TABLE search_document(doc_rowid INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, date TEXT);
            CREATE TABLE search_passage(rowid INTEGER PRIMARY KEY, passage_id TEXT NOT NULL UNIQUE, doc_rowid INTEGER NOT NULL REFERENCES search_document(doc_rowid),
                ordinal INTEGER NOT NULL, section_id TEXT, section_path TEXT NOT NULL, line INTEGER NOT NULL, end_line INTEGER NOT NULL,
                span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, row_path TEXT);
            CREATE VIEW search_content AS SELECT sp.rowid AS rowid, p.text AS text, p.map AS map FROM search_passage sp
                JOIN search_document d ON d.doc_rowid = sp.doc_rowid JOIN passages p ON p.doc_id = d.document_id AND p.ordinal = sp.ordinal;
            """);
        Exec("INSERT INTO search_document VALUES (1, $id, '000.txt', 'T', 'report', NULL)", ("$id", (object?)id));
        Exec("INSERT INTO search_passage VALUES (1, 'x-0', 1, 0, NULL, '', 1, 1, 0, 1, NULL)");
        tx.Commit();
    }

    [Fact]
    public async Task Schema3Store_IsMovedToTextBlocks_SourceAndPassagesExact_AndSearchable()
    {
        using var dir = new TempDir();
        var db = dir.File("old.db");
        var doc = SeedDocuments.Get("001");
        WriteSchema3(db, doc);
        await using (var store = await FukanDefaults.OpenStoreAsync(db))
        {
            Assert.Equal(doc.Source.Text, (await store.GetSourceAsync(doc.Info.Id, Ct)).Text);
            var passages = await store.GetPassagesAsync(doc.Info.Id, Ct);
            Assert.Equal(doc.Passages.Count, passages.Count);
            for (int i = 0; i < passages.Count; i++)
            {
                var (a, b) = (doc.Passages[i], passages[i]);
                Assert.Equal((a.Id, a.Kind, a.Text, a.SectionId, a.SectionPath, a.Source), (b.Id, b.Kind, b.Text, b.SectionId, b.SectionPath, b.Source));
                Assert.Equal(a.Map.ToBytes(), b.Map.ToBytes());
            }
            var some = new[] { doc.Passages[0].Id, doc.Passages[^1].Id, doc.Passages[doc.Passages.Count / 2].Id };
            Assert.Equal(some.Order(StringComparer.Ordinal), (await store.GetPassagesByIdAsync(some, Ct)).Select(p => p.Id).Order(StringComparer.Ordinal));
            var hits = store.Search.Search(Fukan.Search.SearchQueryParser.Parse("全固体電池"), new Fukan.Search.SearchOptions(5));
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Contains(h.PassageId, doc.Passages.Select(p => p.Id)));
        }
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name IN ('passages', 'sources')";
        Assert.Equal(0L, cmd.ExecuteScalar());
        Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.UserVersion(c));
    }

    [Fact]
    public async Task StoredText_RoundTripsExactly_ForEverySeed()
    {
        using var dir = new TempDir();
        await using var store = await FukanDefaults.OpenStoreAsync(dir.File("kb.db"));
        foreach (var prefix in new[] { "000", "001", "002", "003" })
        {
            var doc = SeedDocuments.Get(prefix);
            await store.SaveAsync(doc, Ct);
            Assert.Equal(doc.Source.Text, (await store.GetSourceAsync(doc.Info.Id, Ct)).Text);
            var passages = await store.GetPassagesAsync(doc.Info.Id, Ct);
            Assert.Equal(doc.Passages.Select(p => (p.Id, p.Kind, p.Text, p.SectionId, p.SectionPath, p.Source)),
                passages.Select(p => (p.Id, p.Kind, p.Text, p.SectionId, p.SectionPath, p.Source)));
            Assert.Equal(doc.Passages.Select(p => Convert.ToHexString(p.Map.ToBytes())), passages.Select(p => Convert.ToHexString(p.Map.ToBytes())));
        }
    }

    [Fact]
    public void TextBlocks_KeepSurrogatePairsAndTextOutsidePassages()
    {
        var id = new Fukan.Model.DocumentId(new string('a', 64));
        var source = "前書き\n𠮷野家の𩸽を食べた。\n後書き😀";
        var passages = Enumerable.Range(0, 70).Select(i => new Fukan.Model.Passage(id, i, Fukan.Model.PassageKind.Paragraph, "𩸽" + i, null, "",
            new Fukan.Model.Provenance(id, 2, 2, new Fukan.Model.CharSpan(Math.Min(i, source.Length), Math.Min(i + 2, source.Length))),
            Fukan.Model.OffsetMap.Identity(i, 1))).ToList();
        var blocks = TextBlocks.Pack(source, passages);
        Assert.Equal(3, blocks.Count);
        Assert.Equal(source, string.Concat(blocks.Select(b => TextBlocks.Unpack(b.Data).Source)));
        Assert.Equal("𩸽69", TextBlocks.Unpack(blocks[2].Data).Passage(69)?.Text);
        Assert.Equal(source, TextBlocks.Unpack(TextBlocks.Pack(source, [])[0].Data).Source);
    }
}
