using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Conflicts;

/// <summary>
/// What the conflict and change rules read: the documents (for titles and publication dates) and the stored fact
/// rows of the kinds asked for, each read once with the store's indexed query.
/// </summary>
public sealed class ConflictInput
{
    private readonly Dictionary<DocumentId, DocumentInfo> _documents;
    private readonly Dictionary<string, IReadOnlyList<StoredFact>> _facts;

    public ConflictInput(IReadOnlyList<DocumentInfo> documents, IReadOnlyDictionary<string, IReadOnlyList<StoredFact>> facts)
    {
        _documents = documents.ToDictionary(d => d.Id);
        _facts = facts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>Reads the documents and the facts behind <paramref name="kinds"/> (quantities with their sentence's entities).</summary>
    public static async Task<ConflictInput> LoadAsync(IKnowledgeStore store, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        var documents = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var facts = new Dictionary<string, IReadOnlyList<StoredFact>>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var page = await store.QueryFactsAsync(new FactQuery(kind) { WithEntities = kind == ConflictKinds.Quantity }, cancellationToken).ConfigureAwait(false);
            facts[kind] = page.Facts;
        }
        return new ConflictInput(documents, facts);
    }

    private readonly Dictionary<DocumentId, SourceText> _sources = [];

    /// <summary>Reads the source text of <paramref name="ids"/> (those not read yet), for rules that need a fact's sentence.</summary>
    public async Task ReadSourcesAsync(IKnowledgeStore store, IEnumerable<DocumentId> ids, CancellationToken cancellationToken = default)
    {
        foreach (var id in ids)
            if (!_sources.ContainsKey(id)) _sources[id] = await store.GetSourceAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a source text read elsewhere.</summary>
    public void AddSource(DocumentId id, SourceText text) => _sources[id] = text;

    /// <summary>The source text of a document, when read.</summary>
    public SourceText? Source(DocumentId id) => _sources.GetValueOrDefault(id);

    public IReadOnlyList<StoredFact> Facts(string kind) => _facts.TryGetValue(kind, out var list) ? list : [];

    public DocumentInfo? Document(DocumentId id) => _documents.GetValueOrDefault(id);

    /// <summary>A side of a conflict or change: the document's title and date with the fact's value and text.</summary>
    public ConflictSide Side(DocumentInfo doc, StoredFact fact, string value, string text, DateOnly? stated = null) =>
        new(doc.Id.Value, doc.Title, stated is { } s ? s.ToString("yyyy-MM-dd") : doc.DateText ?? doc.Date?.ToString("yyyy-MM-dd"), value, text, fact.Source);
}
