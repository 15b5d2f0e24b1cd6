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
