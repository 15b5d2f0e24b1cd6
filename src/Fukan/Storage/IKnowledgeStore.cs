using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;

namespace Fukan.Storage;

/// <summary>What saving a document did.</summary>
public enum SaveOutcome
{
    /// <summary>A new document.</summary>
    Added,
    /// <summary>The same content was already stored: nothing changed.</summary>
    Unchanged,
    /// <summary>The file at this path changed: the old version was replaced in the same transaction.</summary>
    Replaced,
}

/// <summary>How a knowledge base is opened.</summary>
public enum StoreAccess
{
    /// <summary>Queries only: nothing is written (no schema set-up, no migration, no lock taken); the store must exist.</summary>
    Read,
    /// <summary>Ingest, remove, reindex: created when missing and migrated to the current schema.</summary>
    Write,
}

/// <summary>A fact as stored: its kind, provenance and JSON payload (deserialise with <see cref="FactSerializer"/>).</summary>
/// <remarks>
/// Read from a store, the JSON stays the UTF-8 bytes of its chunk until someone asks for <see cref="Json"/> as a
/// string: deserialising reads the bytes directly, and a listing of thousands of facts makes no string copies.
/// </remarks>
public sealed record StoredFact
{
    private readonly ReadOnlyMemory<byte> _utf8Json;
    private string? _json;

    public StoredFact(DocumentId document, string kind, Provenance source, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        (Document, Kind, Source, _json) = (document, kind, source, json);
    }

    /// <summary>A fact read from a chunk: <paramref name="utf8Json"/> is its JSON as UTF-8, kept as it is (not copied).</summary>
    public StoredFact(DocumentId document, string kind, Provenance source, ReadOnlyMemory<byte> utf8Json) =>
        (Document, Kind, Source, _utf8Json) = (document, kind, source, utf8Json);

    public DocumentId Document { get; init; }

    public string Kind { get; init; }

    public Provenance Source { get; init; }

    /// <summary>The fact's JSON (the same JSON the CLI prints).</summary>
    public string Json => _json ??= System.Text.Encoding.UTF8.GetString(_utf8Json.Span);

    /// <summary>The fact's JSON as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8Json => _json is null ? _utf8Json.Span : System.Text.Encoding.UTF8.GetBytes(_json);

    /// <summary>The entities named in the fact's sentence, when the query asked for them (<see cref="FactQuery.WithEntities"/>).</summary>
    public IReadOnlyList<EntityRef>? Entities { get; init; }

    /// <summary>The date the fact is filed under (its own, the date in its sentence, or its document's), when queried as a row.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>With <see cref="FactQuery.OnePerSubject"/>: how many matching rows share this fact's subject (itself included).</summary>
    public int Copies { get; init; } = 1;
}

/// <summary>An entity as a fact links to it.</summary>
public sealed record EntityRef(string Id, string Name, EntityType Type);

/// <summary>No document matches a reference, or several do.</summary>
public class DocumentReferenceException(string message) : Exception(message);

/// <summary>
/// A processed document with the store's own work for it done ahead (serialised facts, analysed index terms):
/// what <see cref="IKnowledgeStore.SaveAsync(PreparedDocument, CancellationToken)"/> writes. Made by
/// <see cref="IKnowledgeStore.Prepare"/> of the store that writes it.
/// </summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(ProcessedDocument document, object? payload)
    {
        Document = document;
        Payload = payload;
    }

    public ProcessedDocument Document { get; }

    /// <summary>The store's prepared rows; opaque outside the store that made them.</summary>
    internal object? Payload { get; }

    /// <summary>The same preparation for a copy of the document (timings added, say).</summary>
    public PreparedDocument With(ProcessedDocument document) => new(document, Payload);
}

/// <summary>What a reindex did.</summary>
public sealed record ReindexSummary(int Documents, int Passages, string Analyzer, double Seconds);

/// <summary>
/// The knowledge base. Each document is written in one transaction: after a crash every document is either
/// fully present or absent. Obtain one with <see cref="KnowledgeBase.OpenAsync"/>. Safe for many concurrent
/// readers; writes are serialised. Implementations: SQLite (embedded, default) and PostgreSQL (a server, for teams), tested against one contract.
/// </summary>
public interface IKnowledgeStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for messages.</summary>
    string Location { get; }

    /// <summary>True when opened with <see cref="StoreAccess.Read"/>: every write throws <see cref="StoreException"/>.</summary>
    bool IsReadOnly { get; }

    /// <summary>The full-text index over the stored passages (query side).</summary>
    ISearchIndex Search { get; }

    /// <summary>
    /// The work <see cref="SaveAsync(PreparedDocument, CancellationToken)"/> needs that needs no database
    /// (serialising facts, analysing text for the index). Thread-safe: an ingest calls it on its workers.
    /// </summary>
    PreparedDocument Prepare(ProcessedDocument document);

    /// <summary>Writes a prepared document, replacing an older version stored for the same path.</summary>
    Task<SaveOutcome> SaveAsync(PreparedDocument document, CancellationToken cancellationToken = default);

    /// <summary>Writes a processed document (prepared here), replacing an older version stored for the same path.</summary>
    Task<SaveOutcome> SaveAsync(ProcessedDocument document, CancellationToken cancellationToken = default) =>
        SaveAsync(Prepare(document), cancellationToken);

    /// <summary>True when a document with this content is stored.</summary>
    Task<bool> ContainsAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>The document stored for <paramref name="path"/> (full path), if any.</summary>
    Task<DocumentInfo?> FindByPathAsync(string path, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves a user's reference: an id prefix ("001" matches a file name prefix too, "972bf7" an id prefix),
    /// a path, or a file name. Throws <see cref="DocumentReferenceException"/> when none or several match.
    /// </summary>
    Task<DocumentInfo> ResolveAsync(string reference, CancellationToken cancellationToken = default);

    Task<SourceText> GetSourceAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The original characters of each of <paramref name="spans"/> (UTF-16 offsets into the source, as in a
    /// <see cref="Provenance"/>) of a stored document: what a caller needing a few lines (the line of a match inside
    /// a passage) reads instead of the whole source. The default reads the whole source.
    /// </summary>
    async Task<IReadOnlyList<string>> GetSourceTextAsync(DocumentId id, IReadOnlyList<CharSpan> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var source = await GetSourceAsync(id, cancellationToken).ConfigureAwait(false);
        var texts = new string[spans.Count];
        for (int i = 0; i < spans.Count; i++) texts[i] = source.Text[spans[i].Start..spans[i].End];
        return texts;
    }

    Task<IReadOnlyList<Section>> GetSectionsAsync(DocumentId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Passage>> GetPassagesAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Passages by id ("docshort-ordinal"), document by document in ordinal order; unknown ids are left out.</summary>
    Task<IReadOnlyList<Passage>> GetPassagesByIdAsync(IReadOnlyCollection<string> passageIds, CancellationToken cancellationToken = default);

    /// <summary>Facts of a kind, for one document or all, in document and source order.</summary>
    Task<IReadOnlyList<StoredFact>> GetFactsAsync(string kind, DocumentId? document = null, CancellationToken cancellationToken = default);

    /// <summary>The kinds of fact stored for a document, in ordinal order.</summary>
    Task<IReadOnlyList<string>> GetFactKindsAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Facts of one kind that pass the query's filters, in document and source order, one page of them; the cost
    /// follows the rows returned (filters run on indexed columns).
    /// </summary>
    Task<FactPage> QueryFactsAsync(FactQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many facts of <paramref name="kind"/> each document has (documents with none are left out).</summary>
    Task<IReadOnlyDictionary<DocumentId, int>> CountFactsAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>The entity catalogue, most mentioned first: kept at ingest, so this is a grouped lookup.</summary>
    Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default);

    /// <summary>One entity by id, name or alias (exact, case-insensitive), with every mention; null when unknown.</summary>
    Task<EntityDetail?> FindEntityAsync(string nameOrId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Diagnostic>> GetDiagnosticsAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and everything derived from it. False when it was not stored.</summary>
    Task<bool> RemoveAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Removes several documents in one transaction: all or none. Returns how many were stored.</summary>
    Task<int> RemoveAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the search index from the stored passages with <paramref name="analyzer"/>, in one transaction.</summary>
    Task<ReindexSummary> ReindexAsync(ISearchAnalyzer analyzer, CancellationToken cancellationToken = default);

    /// <summary>Appends an analyst's decision on a conflict group (nothing stored is overwritten).</summary>
    Task SaveResolutionAsync(StoredResolution resolution, CancellationToken cancellationToken = default) =>
        throw new StoreException($"{Location}: this store keeps no conflict resolutions");

    /// <summary>The decision in force for each conflict group (the latest stored), cleared ones left out.</summary>
    Task<IReadOnlyList<StoredResolution>> ListResolutionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredResolution>>([]);
}
