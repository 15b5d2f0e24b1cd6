using System.Text.Json;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;
using Fukan.Storage;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>
/// The store contract, written once against <see cref="IKnowledgeStore"/> and run on every engine: SQLite (a temp
/// file) and PostgreSQL (a new database on the server ./test.sh starts; skipped locally without one, failing on CI).
/// </summary>
public sealed class EngineContractTests
{
    public static TheoryData<string> Engines => new("sqlite", "postgres");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A seed's text written to <paramref name="dir"/> under a fixed name, with <paramref name="extra"/> appended, processed.</summary>
    private static ProcessedDocument Process(TempDir dir, string prefix, string name, string extra = "")
    {
        var path = dir.Write(name, Seeds.ReadText(prefix) + extra);
        return SeedDocuments.Pipeline.Process(path, File.ReadAllBytes(path)).Document!;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Save_ThenEverythingReadsBackAsProcessed(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        var doc = SeedDocuments.Get("000");

        Assert.Equal(SaveOutcome.Added, await store.SaveAsync(doc, Ct));
        Assert.Equal(SaveOutcome.Unchanged, await store.SaveAsync(doc, Ct));

        Assert.True(await store.ContainsAsync(doc.Info.Id, Ct));
        var listed = Assert.Single(await store.ListDocumentsAsync(Ct));
        Assert.Equal(doc.Info.Id, listed.Id);
        Assert.Equal(doc.Info.Title, listed.Title);
        Assert.Equal(doc.Info.DateText, listed.DateText);
        Assert.Equal(doc.Info.Date, listed.Date);
        Assert.Equal(doc.Source.Text, (await store.GetSourceAsync(doc.Info.Id, Ct)).Text);
        Assert.Equal(doc.Sections, await store.GetSectionsAsync(doc.Info.Id, Ct));
        var passages = await store.GetPassagesAsync(doc.Info.Id, Ct);
        Assert.Equal(doc.Passages.Select(p => (p.Id, p.Text, p.Source, p.SectionPath)), passages.Select(p => (p.Id, p.Text, p.Source, p.SectionPath)));
        Assert.Equal([passages[3]], (await store.GetPassagesByIdAsync([passages[3].Id, "ffffffffffff-1", "bad"], Ct)).Select(p => p with { Map = passages[3].Map }));
        Assert.Equal(doc.Diagnostics.Count, (await store.GetDiagnosticsAsync(doc.Info.Id, Ct)).Count);
        foreach (var kind in doc.Facts.Select(f => f.Kind).Distinct())
            Assert.Equal(doc.Facts.Count(f => f.Kind == kind), (await store.GetFactsAsync(kind, doc.Info.Id, Ct)).Count);
        Assert.Equal(doc.Info.Id, (await store.ResolveAsync(Path.GetFileName(doc.Info.Path)[..3], Ct)).Id);
        Assert.Equal(doc.Info.Id, (await store.FindByPathAsync(doc.Info.Path, Ct))!.Id);
        await Assert.ThrowsAsync<DocumentReferenceException>(() => store.ResolveAsync("zzz-no-such", Ct));
        Assert.NotEmpty(store.Search.Search(SearchQueryParser.Parse("全固体電池"), SearchOptions.Default));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Replace_SwapsTheOldVersionForTheNew_WithNothingLeftOfIt(string engine)
    {
        using var dir = new TempDir();
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        var v1 = Process(dir, "000", "roadmap.txt");
        var v2 = Process(dir, "000", "roadmap.txt", "\n\n追記：全固体電池の量産は2031年に延期された。\n");
        Assert.NotEqual(v1.Info.Id, v2.Info.Id);

        Assert.Equal(SaveOutcome.Added, await store.SaveAsync(v1, Ct));
        var entitiesBefore = await store.ListEntitiesAsync(new EntityQuery(), Ct);
        Assert.Equal(SaveOutcome.Replaced, await store.SaveAsync(v2, Ct));

        Assert.Equal(v2.Info.Id, Assert.Single(await store.ListDocumentsAsync(Ct)).Id);
        Assert.False(await store.ContainsAsync(v1.Info.Id, Ct));
        Assert.Empty(await store.GetPassagesAsync(v1.Info.Id, Ct));
        Assert.Empty(await store.GetFactsAsync("date", v1.Info.Id, Ct));
        Assert.Equal(0, (await store.QueryFactsAsync(new FactQuery("event") { Document = v1.Info.Id }, Ct)).Total);
        // The catalogue counts each entity once: the old version's mentions are gone.
        var after = await store.ListEntitiesAsync(new EntityQuery(), Ct);
        Assert.All(after, e => Assert.Single(e.Documents));
        Assert.Equal(entitiesBefore.Count, after.Count);
        Assert.All(store.Search.Search(SearchQueryParser.Parse("全固体電池"), new SearchOptions(50)), h => Assert.Equal(v2.Info.Id, h.DocumentId));
        Assert.Contains(store.Search.Search(SearchQueryParser.Parse("延期"), SearchOptions.Default), h => h.DocumentId == v2.Info.Id);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Remove_TakesEverythingDerived_AndABatchIsAllOrNothing(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        var a = SeedDocuments.Get("000");
        var b = SeedDocuments.Get("002");
        await store.SaveAsync(a, Ct);
        await store.SaveAsync(b, Ct);

        Assert.True(await store.RemoveAsync(a.Info.Id, Ct));
        Assert.False(await store.RemoveAsync(a.Info.Id, Ct));
        Assert.Equal(b.Info.Id, Assert.Single(await store.ListDocumentsAsync(Ct)).Id);
        Assert.Empty(await store.GetFactsAsync("quantity", a.Info.Id, Ct));
        Assert.All(await store.ListEntitiesAsync(new EntityQuery(), Ct), e => Assert.DoesNotContain(e.Documents, d => d.Document == a.Info.Id));
        Assert.DoesNotContain(store.Search.Search(SearchQueryParser.Parse("全固体電池"), new SearchOptions(50)), h => h.DocumentId == a.Info.Id);

        await store.SaveAsync(a, Ct);
        Assert.Equal(2, await store.RemoveAsync([a.Info.Id, b.Info.Id, new DocumentId(new string('0', 64))], Ct));
        Assert.Empty(await store.ListDocumentsAsync(Ct));
        Assert.Empty(await store.ListEntitiesAsync(new EntityQuery(), Ct));
        Assert.Empty(store.Search.Search(SearchQueryParser.Parse("半導体"), SearchOptions.Default));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ReadAccess_WritesNothing_AndRefusesWrites(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        // Nothing there yet: a reader refuses, and creates nothing.
        var missing = await Assert.ThrowsAsync<StoreException>(() => location.OpenAsync(StoreAccess.Read));
        Assert.DoesNotContain("\n", missing.Message);
        if (engine == "postgres") Assert.Equal(0L, await TestPostgres.ScalarAsync(location.Location, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        else Assert.False(File.Exists(location.Location));

        await using (var writer = await location.OpenAsync()) await writer.SaveAsync(SeedDocuments.Get("002"), Ct);
        await using var reader = await location.OpenAsync(StoreAccess.Read);
        Assert.True(reader.IsReadOnly);
        Assert.Single(await reader.ListDocumentsAsync(Ct));
        await Assert.ThrowsAsync<StoreException>(() => reader.SaveAsync(SeedDocuments.Get("000"), Ct));
        await Assert.ThrowsAsync<StoreException>(() => reader.RemoveAsync(SeedDocuments.Get("002").Info.Id, Ct));
        Assert.Single(await reader.ListDocumentsAsync(Ct));
    }

    /// <summary>Every fact filter on one engine gives what the same filter gives on SQLite, and pages add up to the whole.</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task FactFilters_AndPaging_AnswerAsTheirKeysSay(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        foreach (var p in new[] { "000", "002", "003" }) await store.SaveAsync(SeedDocuments.Get(p), Ct);
        var article = SeedDocuments.Get("000").Info.Id;

        async Task<FactPage> Q(FactQuery q) => await store.QueryFactsAsync(q, Ct);
        static JsonElement J(StoredFact f) => JsonDocument.Parse(f.Json).RootElement;

        var all = await Q(new FactQuery("quantity"));
        Assert.True(all.Total > 10, $"{all.Total} quantities");
        Assert.Equal(all.Total, all.Facts.Count);
        // Paging: pages of 7 add up to the whole, in order.
        var paged = new List<StoredFact>();
        for (int offset = 0; offset < all.Total; offset += 7)
        {
            var page = await Q(new FactQuery("quantity") { Offset = offset, Limit = 7 });
            Assert.Equal(all.Total, page.Total);
            paged.AddRange(page.Facts);
        }
        Assert.Equal(all.Facts.Select(f => f.Json), paged.Select(f => f.Json));
        Assert.Empty((await Q(new FactQuery("quantity") { Offset = all.Total })).Facts);

        var byDoc = await Q(new FactQuery("quantity") { Document = article });
        Assert.NotEmpty(byDoc.Facts);
        Assert.All(byDoc.Facts, f => Assert.Equal(article, f.Document));

        var unit = J(all.Facts[0]).GetProperty("unit").GetString()!;
        var byUnit = await Q(new FactQuery("quantity") { Unit = unit.ToUpperInvariant() == unit ? unit : unit.ToUpperInvariant() });
        Assert.NotEmpty(byUnit.Facts);
        Assert.All(byUnit.Facts, f => Assert.Equal(unit, J(f).GetProperty("unit").GetString(), ignoreCase: true));

        var values = all.Facts.Select(f => J(f).GetProperty("value").GetDecimal()).Order().ToList();
        decimal mid = values[values.Count / 2];
        var high = await Q(new FactQuery("quantity") { Min = mid });
        var low = await Q(new FactQuery("quantity") { Max = mid });
        Assert.InRange(high.Total, 1, all.Total - 1);
        Assert.All(low.Facts, f => Assert.True(J(f).GetProperty("value").GetDecimal() <= mid));

        var dated = await Q(new FactQuery("event") { After = new DateOnly(2030, 1, 1) });
        var early = await Q(new FactQuery("event") { Before = new DateOnly(2029, 12, 31) });
        var events = await Q(new FactQuery("event"));
        Assert.True(dated.Total > 0 && early.Total > 0, $"{dated.Total} after 2030, {early.Total} before");
        Assert.True(dated.Total + early.Total <= events.Total);
        var status = J(events.Facts[0]).GetProperty("status").GetString()!;
        Assert.All((await Q(new FactQuery("event") { Status = status })).Facts, f => Assert.Equal(status, J(f).GetProperty("status").GetString()));

        var signals = await Q(new FactQuery("signal"));
        if (signals.Total > 0)
        {
            var domain = J(signals.Facts[0]).GetProperty("domain").GetString()!;
            Assert.All((await Q(new FactQuery("signal") { Domain = domain })).Facts, f => Assert.Equal(domain, J(f).GetProperty("domain").GetString()));
        }

        var top = (await store.ListEntitiesAsync(new EntityQuery { Limit = 1 }, Ct))[0];
        var named = await Q(new FactQuery("event") { Entity = top.Name, WithEntities = true });
        Assert.All(named.Facts, f => Assert.Contains(top.Id, f.Entities!.Select(e => e.Id)));
        var mentions = await Q(new FactQuery("mention") { Entity = top.Id, Limit = 5 });
        Assert.Equal(top.Mentions, mentions.Total);
        Assert.Equal(0, (await Q(new FactQuery("event") { Entity = "no such entity anywhere" })).Total);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryFactsAsync(new FactQuery("event") { Offset = -1 }, Ct));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Events_HighestSalienceFirst_AndOnePerStatement_CountTheCopies(string engine)
    {
        // Given the roadmap seed stored twice, the second copy with a line added (every statement copied once)
        using var dir = new TempDir();
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        await store.SaveAsync(Process(dir, "000", "a.md"), Ct);
        await store.SaveAsync(Process(dir, "000", "b.md", "\n追記の一文。\n"), Ct);
        static double Salience(StoredFact f) => JsonDocument.Parse(f.Json).RootElement.GetProperty("salience").GetDouble();

        // Then the most salient come first
        var ranked = await store.QueryFactsAsync(new FactQuery("event") { HighestValueFirst = true }, Ct);
        Assert.True(ranked.Total > 10);
        var scores = ranked.Facts.Select(Salience).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);
        // And one row per statement stands for both copies, still highest first, the total counting rows
        var once = await store.QueryFactsAsync(new FactQuery("event") { HighestValueFirst = true, OnePerSubject = true }, Ct);
        Assert.Equal(ranked.Total, once.Total);
        Assert.Equal(ranked.Total / 2, once.Facts.Count);
        Assert.All(once.Facts, f => Assert.Equal(2, f.Copies));
        Assert.Equal(once.Facts.Select(Salience).OrderByDescending(x => x), once.Facts.Select(Salience));
        var page = await store.QueryFactsAsync(new FactQuery("event") { HighestValueFirst = true, OnePerSubject = true, Offset = 3, Limit = 4 }, Ct);
        Assert.Equal(once.Facts.Skip(3).Take(4).Select(f => f.Json), page.Facts.Select(f => f.Json));
        // AnchorFrom keeps what starts (or, end-only, ends) on or after the day; periods begun earlier are left out
        static DateOnly Anchor(StoredFact f)
        {
            var date = JsonDocument.Parse(f.Json).RootElement.GetProperty("date");
            return DateOnly.Parse((date.GetProperty("start").GetString() ?? date.GetProperty("end").GetString())!, System.Globalization.CultureInfo.InvariantCulture);
        }
        var anchored = await store.QueryFactsAsync(new FactQuery("event") { AnchorFrom = new DateOnly(2026, 1, 1) }, Ct);
        Assert.InRange(anchored.Total, 1, ranked.Total - 1);
        Assert.All(anchored.Facts, f => Assert.True(Anchor(f) >= new DateOnly(2026, 1, 1)));
        Assert.Equal(ranked.Facts.Count(f => Anchor(f) >= new DateOnly(2026, 1, 1)), anchored.Total);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Entities_AreACatalogue_ByTypeDocumentAndAlias(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        foreach (var p in new[] { "000", "002" }) await store.SaveAsync(SeedDocuments.Get(p), Ct);

        var all = await store.ListEntitiesAsync(new EntityQuery(), Ct);
        Assert.NotEmpty(all);
        Assert.True(all.Zip(all.Skip(1)).All(x => x.First.Mentions >= x.Second.Mentions));
        var page = await store.ListEntitiesAsync(new EntityQuery { Offset = 2, Limit = 3 }, Ct);
        Assert.Equal(all.Skip(2).Take(3).Select(e => e.Id), page.Select(e => e.Id));
        var type = all[0].Type;
        Assert.All(await store.ListEntitiesAsync(new EntityQuery { Type = type }, Ct), e => Assert.Equal(type, e.Type));
        var minutes = SeedDocuments.Get("002").Info.Id;
        Assert.All(await store.ListEntitiesAsync(new EntityQuery { Document = minutes }, Ct), e => Assert.Equal(minutes, Assert.Single(e.Documents).Document));

        var detail = await store.FindEntityAsync(all[0].Name.ToLowerInvariant(), Ct);
        Assert.NotNull(detail);
        Assert.Equal(all[0].Id, detail.Entity.Id);
        Assert.Equal(all[0].Mentions, detail.Mentions.Count);
        Assert.Null(await store.FindEntityAsync("no such entity anywhere", Ct));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Readers_SeeEveryDocumentWholeOrNotAtAll_WhileAWriterCommits(string engine)
    {
        using var dir = new TempDir();
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var writer = await location.OpenAsync();
        await writer.SaveAsync(SeedDocuments.Get("002"), Ct);
        var versions = Enumerable.Range(0, 6).Select(i => Process(dir, "000", "roadmap.txt", $"\n\n追記 {i}：更新。\n")).ToList();
        await using var reader = await location.OpenAsync(StoreAccess.Read);

        using var done = new CancellationTokenSource();
        var observed = 0;
        async Task Read()
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var d in await reader.ListDocumentsAsync(Ct))
                {
                    // A document listed is whole: all its passages are there (a replaced one may be gone by now).
                    var passages = await reader.GetPassagesAsync(d.Id, Ct);
                    if (passages.Count > 0) Assert.Equal(d.PassageCount, passages.Count);
                    Interlocked.Increment(ref observed);
                }
                Assert.NotEmpty(reader.Search.Search(SearchQueryParser.Parse("半導体"), SearchOptions.Default));
            }
        }
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(Read, Ct)).ToList();
        foreach (var v in versions) await writer.SaveAsync(v, Ct);
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.True(observed > 0);
        var final = await reader.ListDocumentsAsync(Ct);
        Assert.Equal(2, final.Count);
        Assert.Contains(final, d => d.Id == versions[^1].Info.Id);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AsOfView_LeavesOutLaterDocuments_InEveryQuery(string engine)
    {
        await using var location = await TestStoreLocation.CreateAsync(engine);
        await using var store = await location.OpenAsync();
        var report = SeedDocuments.Get("001");   // 2023-03
        var article = SeedDocuments.Get("000");  // 2026-01-20
        await store.SaveAsync(report, Ct);
        await store.SaveAsync(article, Ct);
        await using var view = new AsOfKnowledgeStore(store, new AsOf(new DateOnly(2024, 12, 31)), leaveOpen: true);

        Assert.Equal([report.Info.Id], (await view.ListDocumentsAsync(Ct)).Select(d => d.Id));
        Assert.Equal(1, await view.LeftOutAsync(Ct));
        // Facts as rows: the engine filters on the document's date, paging and totals included.
        var events = await store.QueryFactsAsync(new FactQuery("event") { Limit = 5 }, Ct);
        var eventsThen = await view.QueryFactsAsync(new FactQuery("event") { Limit = 5 }, Ct);
        Assert.Equal(report.Facts.Count(f => f.Kind == "event"), eventsThen.Total);
        Assert.True(events.Total > eventsThen.Total);
        Assert.All(eventsThen.Facts, f => Assert.Equal(report.Info.Id, f.Document));
        Assert.Empty((await view.QueryFactsAsync(new FactQuery("event") { Document = article.Info.Id }, Ct)).Facts);
        Assert.Equal([report.Info.Id], (await view.CountFactsAsync("date", Ct)).Keys);
        Assert.Empty(await view.GetFactsAsync("date", article.Info.Id, Ct));
        Assert.All(await view.GetFactsAsync("date", null, Ct), f => Assert.Equal(report.Info.Id, f.Document));
        // Known at the moment the first of the two was processed for ingest: only that one, even with a later as-of date.
        var stored = await store.ListDocumentsAsync(Ct);
        var first = stored.MinBy(d => d.IngestedAt)!;
        Assert.True(stored.Max(d => d.IngestedAt) > first.IngestedAt);
        await using (var known = new AsOfKnowledgeStore(store, new AsOf(new DateOnly(2030, 1, 1), first.IngestedAt), leaveOpen: true))
        {
            Assert.Equal([first.Id], (await known.ListDocumentsAsync(Ct)).Select(d => d.Id));
            var firstDoc = first.Id == report.Info.Id ? report : article;
            Assert.Equal(firstDoc.Facts.Count(f => f.Kind == "event"), (await known.QueryFactsAsync(new FactQuery("event"), Ct)).Total);
            var hits = known.Search.Search(SearchQueryParser.Parse("2nm"), new SearchOptions(50));
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(first.Id, h.DocumentId));
        }
        // Search: only passages of documents in the view; the article's passages are not found or related.
        var all = store.Search.Search(SearchQueryParser.Parse("2nm"), new SearchOptions(50));
        Assert.Contains(all, h => h.DocumentId == article.Info.Id);
        Assert.All(view.Search.Search(SearchQueryParser.Parse("2nm"), new SearchOptions(50)), h => Assert.Equal(report.Info.Id, h.DocumentId));
        Assert.All(view.Search.Matches(SearchQueryParser.Parse("2nm")), id => Assert.StartsWith(report.Info.Id.Short, id));
        var articlePassage = (await store.GetPassagesAsync(article.Info.Id, Ct))[5].Id;
        Assert.Empty(view.Search.Related(articlePassage, 5));
        await Assert.ThrowsAsync<DocumentOutOfViewException>(() => view.ResolveAsync(Path.GetFileName(article.Info.Path)[..3], Ct));
        await Assert.ThrowsAsync<StoreException>(() => ((IKnowledgeStore)view).SaveAsync(article, Ct));
        // The view left the store open and intact.
        Assert.Equal(2, (await store.ListDocumentsAsync(Ct)).Count);
    }
}
