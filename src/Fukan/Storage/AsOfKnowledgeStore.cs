using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;

namespace Fukan.Storage;

/// <summary>
/// A read-only view of a knowledge base <see cref="AsOf"/> a date: documents published later (or ingested later
/// than <see cref="AsOf.KnownAt"/>) and undated documents are not there, nor are their facts, passages or search
/// hits. Every analysis run on the view answers as of that date without knowing it (one rule, in one place).
/// Disposing the view disposes the store it wraps unless it was made to leave it open.
/// </summary>
public sealed class AsOfKnowledgeStore : IKnowledgeStore
{
    private readonly IKnowledgeStore _inner;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _leaveOpen;
    private Scope? _scope;

    /// <param name="inner">The knowledge base.</param>
    /// <param name="asOf">The point of view.</param>
    /// <param name="leaveOpen">True: disposing the view leaves <paramref name="inner"/> open (a view made for one question).</param>
    public AsOfKnowledgeStore(IKnowledgeStore inner, AsOf asOf, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(asOf);
        _inner = inner;
        _leaveOpen = leaveOpen;
        AsOf = asOf;
        Search = new AsOfSearchIndex(this);
    }

    public AsOf AsOf { get; }

    public string Location => _inner.Location;

    public bool IsReadOnly => true;

    public ISearchIndex Search { get; }

    /// <summary>How many stored documents have no date (left out of every as-of answer).</summary>
    public async Task<int> UndatedAsync(CancellationToken cancellationToken = default) => (await ScopeAsync(cancellationToken).ConfigureAwait(false)).Undated;

    /// <summary>How many stored documents the view leaves out (published or ingested later, or undated).</summary>
    public async Task<int> LeftOutAsync(CancellationToken cancellationToken = default) => (await ScopeAsync(cancellationToken).ConfigureAwait(false)).LeftOut;

    private sealed record Scope(IReadOnlyList<DocumentInfo> Documents, HashSet<DocumentId> Ids, HashSet<string> ShortIds, int Undated, int LeftOut);

    private async Task<Scope> ScopeAsync(CancellationToken cancellationToken)
    {
        if (_scope is { } ready) return ready;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_scope is { } again) return again;
            var all = await _inner.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
            var inScope = all.Where(AsOf.Includes).ToList();
            int undated = all.Count(d => d.Date is null);
            return _scope = new Scope(inScope, inScope.Select(d => d.Id).ToHashSet(), inScope.Select(d => d.Id.Short).ToHashSet(StringComparer.Ordinal),
                undated, all.Count - inScope.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> InScopeAsync(DocumentId id, CancellationToken cancellationToken) =>
        (await ScopeAsync(cancellationToken).ConfigureAwait(false)).Ids.Contains(id);

    private async Task RequireAsync(DocumentId id, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, cancellationToken).ConfigureAwait(false)) throw new DocumentOutOfViewException(OutOfScope(id.Short));
    }

    private string OutOfScope(string name) => $"document {name} is not part of the knowledge base {AsOf} (published later, ingested later or undated)";

    public PreparedDocument Prepare(ProcessedDocument document) => throw ReadOnly();

    public Task<SaveOutcome> SaveAsync(PreparedDocument document, CancellationToken cancellationToken = default) => throw ReadOnly();

    public Task<bool> RemoveAsync(DocumentId id, CancellationToken cancellationToken = default) => throw ReadOnly();

    public Task<int> RemoveAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default) => throw ReadOnly();

    public Task<ReindexSummary> ReindexAsync(ISearchAnalyzer analyzer, CancellationToken cancellationToken = default) => throw ReadOnly();

    private StoreException ReadOnly() => new($"{Location}: an {AsOf} view is read-only");

    public async Task<bool> ContainsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await InScopeAsync(id, cancellationToken).ConfigureAwait(false) && await _inner.ContainsAsync(id, cancellationToken).ConfigureAwait(false);

    public async Task<DocumentInfo?> FindByPathAsync(string path, CancellationToken cancellationToken = default) =>
        await _inner.FindByPathAsync(path, cancellationToken).ConfigureAwait(false) is { } d && await InScopeAsync(d.Id, cancellationToken).ConfigureAwait(false) ? d : null;

    public async Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        (await ScopeAsync(cancellationToken).ConfigureAwait(false)).Documents;

    public async Task<DocumentInfo> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        var d = await _inner.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
        if (!await InScopeAsync(d.Id, cancellationToken).ConfigureAwait(false))
            throw new DocumentOutOfViewException(OutOfScope($"'{reference}' ({d.Id.Short}, dated {d.DateText ?? "never"})"));
        return d;
    }

    public async Task<SourceText> GetSourceAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        return await _inner.GetSourceAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetSourceTextAsync(DocumentId id, IReadOnlyList<CharSpan> spans, CancellationToken cancellationToken = default)
    {
        await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        return await _inner.GetSourceTextAsync(id, spans, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Section>> GetSectionsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await InScopeAsync(id, cancellationToken).ConfigureAwait(false) ? await _inner.GetSectionsAsync(id, cancellationToken).ConfigureAwait(false) : [];

    public async Task<IReadOnlyList<Passage>> GetPassagesAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await InScopeAsync(id, cancellationToken).ConfigureAwait(false) ? await _inner.GetPassagesAsync(id, cancellationToken).ConfigureAwait(false) : [];

    public async Task<IReadOnlyList<Passage>> GetPassagesByIdAsync(IReadOnlyCollection<string> passageIds, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await _inner.GetPassagesByIdAsync(passageIds, cancellationToken).ConfigureAwait(false)).Where(p => scope.Ids.Contains(p.Source.Document))];
    }

    public async Task<IReadOnlyList<StoredFact>> GetFactsAsync(string kind, DocumentId? document = null, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        if (document is { } one)
            return scope.Ids.Contains(one) ? await _inner.GetFactsAsync(kind, one, cancellationToken).ConfigureAwait(false) : [];
        // Document by document: facts of documents outside the view are never read.
        var list = new List<StoredFact>();
        foreach (var d in scope.Documents.OrderBy(d => d.Id.Value, StringComparer.Ordinal))
            list.AddRange(await _inner.GetFactsAsync(kind, d.Id, cancellationToken).ConfigureAwait(false));
        return list;
    }

    public async Task<IReadOnlyList<string>> GetFactKindsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await InScopeAsync(id, cancellationToken).ConfigureAwait(false) ? await _inner.GetFactKindsAsync(id, cancellationToken).ConfigureAwait(false) : [];

    public async Task<FactPage> QueryFactsAsync(FactQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        if (query.Document is { } one && !scope.Ids.Contains(one)) return new FactPage([], 0);
        if (query.Kind != MentionFact.KindName) return await _inner.QueryFactsAsync(query with { AsOf = AsOf }, cancellationToken).ConfigureAwait(false);
        // Mentions are not rows with document keys: filtered here, then paged.
        var all = await _inner.QueryFactsAsync(query with { Offset = 0, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var kept = all.Facts.Where(f => scope.Ids.Contains(f.Document)).ToList();
        return new FactPage(kept.Skip(query.Offset).Take(query.Limit).ToList(), kept.Count);
    }

    public async Task<IReadOnlyDictionary<DocumentId, int>> CountFactsAsync(string kind, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        var all = await _inner.CountFactsAsync(kind, cancellationToken).ConfigureAwait(false);
        return all.Where(p => scope.Ids.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>The entity catalogue counts every stored document; the view lists it as it is.</summary>
    public Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default) =>
        _inner.ListEntitiesAsync(query, cancellationToken);

    /// <summary>One entity with the mentions in documents of the view.</summary>
    public async Task<EntityDetail?> FindEntityAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(cancellationToken).ConfigureAwait(false);
        if (await _inner.FindEntityAsync(nameOrId, cancellationToken).ConfigureAwait(false) is not { } detail) return null;
        var mentions = detail.Mentions.Where(m => scope.Ids.Contains(m.Provenance.Document)).ToList();
        return detail with { Mentions = mentions };
    }

    public Task SaveResolutionAsync(StoredResolution resolution, CancellationToken cancellationToken = default) => throw ReadOnly();

    /// <summary>Decisions are the analyst's, not the documents': the view lists them as stored.</summary>
    public Task<IReadOnlyList<StoredResolution>> ListResolutionsAsync(CancellationToken cancellationToken = default) => _inner.ListResolutionsAsync(cancellationToken);

    public async Task<IReadOnlyList<Diagnostic>> GetDiagnosticsAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        await InScopeAsync(id, cancellationToken).ConfigureAwait(false) ? await _inner.GetDiagnosticsAsync(id, cancellationToken).ConfigureAwait(false) : [];

    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        if (!_leaveOpen) await _inner.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The store's index, answering only with passages of documents in the view.</summary>
    private sealed class AsOfSearchIndex(AsOfKnowledgeStore view) : ISearchIndex
    {
        private ISearchIndex Inner => view._inner.Search;

        private Scope Scope => view.ScopeAsync(CancellationToken.None).GetAwaiter().GetResult();

        public string AnalyzerName => Inner.AnalyzerName;

        public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options) =>
            [.. Inner.Search(Narrow(query), options).Where(h => Scope.Ids.Contains(h.DocumentId))];

        public IReadOnlyList<string> Matches(SearchQuery query)
        {
            var scope = Scope;
            return [.. Inner.Matches(Narrow(query)).Where(id => scope.ShortIds.Contains(DocumentShortOf(id)))];
        }

        public IReadOnlyList<SearchHit> Related(string passageId, int limit)
        {
            var scope = Scope;
            if (!scope.ShortIds.Contains(DocumentShortOf(passageId))) return [];
            // Asks for more than wanted: hits of later documents are dropped.
            var hits = Inner.Related(passageId, Math.Min(limit * 4, 1000)).Where(h => scope.Ids.Contains(h.DocumentId)).Take(limit).ToList();
            return hits;
        }

        /// <summary>The query with the view's bounds as filters: published by the as-of date, and only the documents known then.</summary>
        private SearchQuery Narrow(SearchQuery query)
        {
            var f = query.Filters;
            var before = f.Before is { } b && b < view.AsOf.Published ? b : view.AsOf.Published;
            var documents = f.Documents;
            // Documents ingested after the known-at moment: the ids of those in the view become the document filter
            // (an explicit filter of the user's stays, and the hits are checked against the view afterwards).
            // (No document in the view: a filter no id matches.)
            if (view.AsOf.KnownAt is not null && documents.Count == 0)
                documents = Scope.Documents.Count > 0 ? [.. Scope.Documents.Select(d => d.Id.Value)] : ["(none)"];
            return query with { Filters = f with { Before = before, Documents = documents } };
        }

        private static string DocumentShortOf(string passageId)
        {
            int dash = passageId.LastIndexOf('-');
            return dash > 0 ? passageId[..dash] : passageId;
        }
    }
}

/// <summary>A document that is stored but not part of an <see cref="AsOf"/> view.</summary>
public sealed class DocumentOutOfViewException(string message) : DocumentReferenceException(message);
