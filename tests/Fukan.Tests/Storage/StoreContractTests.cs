using System.Security.Cryptography;
using System.Text.Json;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Search;
using Fukan.Storage;
using Fukan.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>
/// The store contract, written against <see cref="IKnowledgeStore"/> as hosts obtain it (<see cref="KnowledgeBase.OpenAsync"/>):
/// filters agree with the stored facts, paging, the entity catalogue, removal, concurrent readers, read-only opening.
/// </summary>
public sealed class StoreContractTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<IKnowledgeStore> OpenSeeds() => KnowledgeBase.OpenAsync(seeds.DbPath, StoreAccess.Read, null, Ct);

    [Fact]
    public async Task QuantityFilters_KeepExactlyTheFactsThatPassThem()
    {
        await using var store = await OpenSeeds();
        var all = (await store.GetFactsAsync("quantity", null, Ct)).Select(f => (f, q: FactSerializer.Deserialize<QuantityFact>(f))).ToList();
        var expected = all.Where(x => x.q.Unit == "JPY" && (x.q.ValueMax ?? x.q.Value) >= 100_000_000m).Select(x => x.f.Json).ToList();
        var page = await store.QueryFactsAsync(new FactQuery("quantity") { Unit = "JPY", Min = 100_000_000m }, Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Facts.Select(f => f.Json));
        Assert.Equal(expected.Count, page.Total);

        var capped = await store.QueryFactsAsync(new FactQuery("quantity") { Unit = "JPY", Min = 100_000_000m, Max = 1_000_000_000_000m }, Ct);
        Assert.All(capped.Facts, f => Assert.InRange(FactSerializer.Deserialize<QuantityFact>(f).Value, 0m, 1_000_000_000_000m));
        Assert.True(capped.Total < page.Total);
    }

    [Fact]
    public async Task ComparisonAndEventFilters_AgreeWithTheStoredFacts()
    {
        await using var store = await OpenSeeds();
        var rows = (await store.GetFactsAsync(ComparisonRow.FactKind, null, Ct)).Select(FactSerializer.Deserialize<ComparisonRow>).ToList();
        var cn = await store.QueryFactsAsync(new FactQuery(ComparisonRow.FactKind) { Country = "CN", Rating = "◎" }, Ct);
        Assert.Equal(rows.Count(r => r.Country == "CN" && r.Rating == "◎"), cn.Total);
        Assert.True(cn.Total > 0);

        var events = (await store.GetFactsAsync(EventFact.FactKind, null, Ct)).Select(FactSerializer.Deserialize<EventFact>).ToList();
        var from = new DateOnly(2025, 1, 1);
        int expected = events.Count(e => e.Status == "planned" && e.Domain == "semiconductors" && (e.Date.End ?? e.Date.Start) >= from);
        var planned = await store.QueryFactsAsync(new FactQuery(EventFact.FactKind) { Status = "planned", Domain = "semiconductors", After = from }, Ct);
        Assert.Equal(expected, planned.Total);
        Assert.True(expected > 0);
    }

    [Fact]
    public async Task Pages_ConcatenateToTheWholeList()
    {
        await using var store = await OpenSeeds();
        var whole = await store.QueryFactsAsync(new FactQuery("date"), Ct);
        var pages = new List<string>();
        for (int offset = 0; offset < whole.Total; offset += 97)
        {
            var page = await store.QueryFactsAsync(new FactQuery("date") { Offset = offset, Limit = 97 }, Ct);
            Assert.Equal(whole.Total, page.Total);
            pages.AddRange(page.Facts.Select(f => f.Json));
        }
        Assert.Equal(whole.Facts.Select(f => f.Json), pages);
        Assert.Equal((await store.GetFactsAsync("date", null, Ct)).Select(f => f.Json), pages);
    }

    [Fact]
    public async Task EntityFilter_KeepsFactsWhoseSentenceNamesTheEntity()
    {
        await using var store = await OpenSeeds();
        var page = await store.QueryFactsAsync(new FactQuery("quantity") { Entity = "NSF", WithEntities = true }, Ct);
        Assert.True(page.Total > 0);
        Assert.All(page.Facts, f => Assert.Contains(f.Entities!, e => e.Name.Contains("国立科学財団", StringComparison.Ordinal) || e.Id.Contains("nsf", StringComparison.Ordinal)));
        var none = await store.QueryFactsAsync(new FactQuery("quantity") { Entity = "no such entity anywhere" }, Ct);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task EntityCatalogue_MatchesAnAggregateOfEveryMention()
    {
        await using var store = await OpenSeeds();
        var mentions = (await store.GetFactsAsync(MentionFact.KindName, null, Ct)).Select(FactSerializer.Deserialize<MentionFact>).ToList();
        var expected = EntityCatalog.Aggregate(mentions).Take(40).ToList();
        var listed = await store.ListEntitiesAsync(new EntityQuery { Limit = 40 }, Ct);
        Assert.Equal(expected.Select(e => (e.Id, e.Mentions, e.Documents.Count)), listed.Select(e => (e.Id, e.Mentions, e.Documents.Count)));
        Assert.Equal(expected.Select(e => string.Join("|", e.Aliases)), listed.Select(e => string.Join("|", e.Aliases)));

        var orgs = await store.ListEntitiesAsync(new EntityQuery { Type = EntityType.Org, Limit = 10 }, Ct);
        Assert.All(orgs, e => Assert.Equal(EntityType.Org, e.Type));

        var one = await store.FindEntityAsync("rapidus", Ct);
        Assert.NotNull(one);
        Assert.Equal(mentions.Count(m => m.EntityId == one.Entity.Id), one.Mentions.Count);
        Assert.Equal(one.Entity.Mentions, one.Mentions.Count);
        var source = await store.GetSourceAsync(one.Mentions[0].Provenance.Document, Ct);
        var m0 = one.Mentions[0];
        Assert.Equal(m0.Surface, source.Text[m0.Provenance.Span.Start..m0.Provenance.Span.End].Trim());
        Assert.Null(await store.FindEntityAsync("no such entity anywhere", Ct));
    }

    [Fact]
    public async Task ReadingOpen_WritesNothing()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        File.Copy(seeds.DbPath, db);
        var before = SHA256.HashData(File.ReadAllBytes(db));
        await using (var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Read, null, Ct))
        {
            Assert.True(store.IsReadOnly);
            Assert.NotEmpty(await store.ListDocumentsAsync(Ct));
            Assert.NotEmpty(store.Search.Search(SearchQueryParser.Parse("全固体電池"), new SearchOptions(3)));
            var first = (await store.ListDocumentsAsync(Ct))[0].Id;
            await Assert.ThrowsAsync<StoreException>(() => store.RemoveAsync(first, Ct));
        }
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.False(File.Exists(db + "-wal") && new FileInfo(db + "-wal").Length > 0);

        // A knowledge base whose file is read-only can still be queried.
        File.SetAttributes(db, FileAttributes.ReadOnly);
        try
        {
            await using var ro = await KnowledgeBase.OpenAsync(db, StoreAccess.Read, null, Ct);
            Assert.NotEmpty(await ro.ListDocumentsAsync(Ct));
        }
        finally { File.SetAttributes(db, FileAttributes.Normal); }
    }

    [Theory]
    [InlineData(StoreAccess.Read)]
    [InlineData(StoreAccess.Write)]
    public async Task AnotherApplicationsDatabase_IsRefusedAndLeftUntouched(StoreAccess access)
    {
        using var dir = new TempDir();
        var db = dir.File("other.sqlite");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('keep me');";
            cmd.ExecuteNonQuery();
        }
        var before = SHA256.HashData(File.ReadAllBytes(db));
        var e = await Assert.ThrowsAsync<StoreException>(() => KnowledgeBase.OpenAsync(db, access, null, Ct));
        Assert.Contains("not a Fukan knowledge base", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.False(File.Exists(db + "-wal"));

        var text = dir.Write("notes.txt", "not a database at all, just text that is long enough to have a header's worth of bytes........");
        var e2 = await Assert.ThrowsAsync<StoreException>(() => KnowledgeBase.OpenAsync(text, access, null, Ct));
        Assert.Contains("not a Fukan knowledge base", e2.Message);
    }

    [Fact]
    public async Task RemovedDocuments_LeaveNoRowsIndexEntriesOrCatalogueCounts()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        await using (var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Write, null, Ct))
        {
            foreach (var p in new[] { "000", "002", "003" }) await store.SaveAsync(SeedDocuments.Get(p), Ct);
            var keep = SeedDocuments.Get("000").Info.Id;
            var gone = new[] { SeedDocuments.Get("002").Info.Id, SeedDocuments.Get("003").Info.Id };
            Assert.Equal(2, await store.RemoveAsync([.. gone, new DocumentId("not-stored")], Ct));

            var mentions = (await store.GetFactsAsync(MentionFact.KindName, null, Ct)).Select(FactSerializer.Deserialize<MentionFact>);
            var expected = EntityCatalog.Aggregate(mentions);
            var listed = await store.ListEntitiesAsync(new EntityQuery(), Ct);
            Assert.Equal(expected.Select(e => (e.Id, e.Mentions)), listed.Select(e => (e.Id, e.Mentions)));
            Assert.All(listed, e => Assert.All(e.Documents, d => Assert.Equal(keep, d.Document)));
            Assert.Empty(store.Search.Search(SearchQueryParser.Parse("doc:" + gone[0].Short + " の"), new SearchOptions(5)));
        }
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        foreach (var table in new[] { "fact_rows", "fact_entities", "entity_docs", "fact_sets", "passage_rows", "text_blocks", "sections", "search_document" })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = table is "passage_rows" or "text_blocks"
                ? $"SELECT count(*) FROM {table} WHERE id >> 24 NOT IN (SELECT doc_key FROM documents)"
                : table is "fact_sets" or "sections"
                ? $"SELECT count(*) FROM {table} WHERE doc_id <> $keep"
                : table == "search_document" ? "SELECT count(*) FROM search_document WHERE document_id <> $keep"
                : $"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT doc_key FROM documents)";
            cmd.Parameters.AddWithValue("$keep", SeedDocuments.Get("000").Info.Id.Value);
            Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
        }
    }

    [Fact]
    public async Task ConcurrentReaders_WorkWhileAWriterCommits()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        await using var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Write, null, Ct);
        await store.SaveAsync(SeedDocuments.Get("000"), Ct);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            int rounds = 0;
            // Each reader runs until the writer is done, and at least a few rounds.
            while (rounds < 3 || (!stop.IsCancellationRequested && rounds < 2000))
            {
                var docs = await store.ListDocumentsAsync(Ct);
                Assert.NotEmpty(docs);
                Assert.True((await store.QueryFactsAsync(new FactQuery("date") { Limit = 5 }, Ct)).Total > 0);
                Assert.NotEmpty(store.Search.Search(SearchQueryParser.Parse("AI"), new SearchOptions(3)));
                rounds++;
            }
            return rounds;
        })).ToList();
        await Task.Delay(50, Ct);
        foreach (var p in new[] { "002", "003" }) await store.SaveAsync(SeedDocuments.Get(p), Ct);
        await store.RemoveAsync(SeedDocuments.Get("002").Info.Id, Ct);
        stop.Cancel();
        var rounds = await Task.WhenAll(readers);
        Assert.All(rounds, r => Assert.True(r > 0));
        Assert.Equal(2, (await store.ListDocumentsAsync(Ct)).Count);
    }
}
