using Fukan.Pipeline;
using Fukan.Search;
using Fukan.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fukan.Tests.Search;

/// <summary>The index kept in step by the real store: re-ingesting or removing a file leaves no stale hits.</summary>
public sealed class SearchStoreHookTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fukan-search-store-").FullName;
    private readonly FukanPipeline _pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(_dir, recursive: true);
    }

    private ProcessedDocument Process(string name, string text) =>
        _pipeline.Process(Path.Combine(_dir, name), System.Text.Encoding.UTF8.GetBytes(text)).Document!;

    private static IReadOnlyList<SearchHit> Search(SearchStoreHook hook, string q) =>
        hook.Index.Search(SearchQueryParser.Parse(q), SearchOptions.Default);

    [Fact]
    public async Task ReplacedAndRemovedDocuments_LeaveNothingInTheIndex()
    {
        var hook = new SearchStoreHook();
        await using (var store = await SqliteKnowledgeStore.OpenAsync(Path.Combine(_dir, "kb.db"), [hook], TestContext.Current.CancellationToken))
        {
            var v1 = Process("note.md", "# 概要\n\n旧版では歩留まりが課題だった。\n");
            await store.SaveAsync(v1, TestContext.Current.CancellationToken);
            Assert.Single(Search(hook, "歩留まり"));

            // Same path, new content: the store replaces the document and the index follows.
            var v2 = Process("note.md", "# 概要\n\n新版では加圧条件が課題である。\n");
            Assert.Equal(SaveOutcome.Replaced, await store.SaveAsync(v2, TestContext.Current.CancellationToken));
            Assert.Empty(Search(hook, "歩留まり"));
            var hit = Search(hook, "加圧条件").Single();
            Assert.Equal(v2.Info.Id, hit.DocumentId);
            Assert.Equal(3, hit.Provenance.Line);

            await store.RemoveAsync(v2.Info.Id, TestContext.Current.CancellationToken);
            Assert.Empty(Search(hook, "加圧条件"));
            Assert.Equal(0, hook.Index.PassageCount());
        }

        // Reopened: the index is still in step with the store.
        var again = new SearchStoreHook();
        await using var reopened = await SqliteKnowledgeStore.OpenAsync(Path.Combine(_dir, "kb.db"), [again], TestContext.Current.CancellationToken);
        Assert.Empty(Search(again, "加圧条件"));
    }

    [Fact]
    public async Task APreparedDocument_IsStoredExactlyAsAnUnpreparedOne()
    {
        // Given the same report saved twice: once prepared ahead (as an ingest does on its workers), once not
        const string text = "# 水素\n\n2024年に放出温度は180 ℃まで下がった。総額45億円の計画が進む。\n";
        var prepared = Process("a.md", text);
        var plain = Process("b.md", text + "\n");
        var hook = new SearchStoreHook();
        await using var store = await SqliteKnowledgeStore.OpenAsync(Path.Combine(_dir, "prep.db"), [hook], TestContext.Current.CancellationToken);
        ((IKnowledgeStore)store).Prepare(prepared);
        await store.SaveAsync(prepared, TestContext.Current.CancellationToken);
        await store.SaveAsync(plain, TestContext.Current.CancellationToken);

        // Then both have the same facts and both are found by search
        foreach (var kind in new[] { "quantity", "date" })
        {
            var a = await store.GetFactsAsync(kind, prepared.Info.Id, TestContext.Current.CancellationToken);
            var b = await store.GetFactsAsync(kind, plain.Info.Id, TestContext.Current.CancellationToken);
            Assert.NotEmpty(a);
            Assert.Equal(b.Select(f => f.Json.Replace(plain.Info.Id.Value, "")), a.Select(f => f.Json.Replace(prepared.Info.Id.Value, "")));
        }
        Assert.Equal(new[] { prepared.Info.Id.Value, plain.Info.Id.Value }.Order(), Search(hook, "放出温度").Select(h => h.DocumentId.Value).Order());
    }
}
