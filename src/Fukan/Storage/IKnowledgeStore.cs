using Fukan.Model;
using Fukan.Pipeline;

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

/// <summary>A fact as stored: its kind, provenance and JSON payload (deserialise with <see cref="FactSerializer"/>).</summary>
public sealed record StoredFact(DocumentId Document, string Kind, Provenance Source, string Json);

/// <summary>No document matches a reference, or several do.</summary>
public sealed class DocumentReferenceException(string message) : Exception(message);

/// <summary>
/// The knowledge base. Each document is written in one transaction: after a crash every document is either
/// fully present or absent. Implementations: SQLite (embedded, default); PostgreSQL follows.
/// </summary>
public interface IKnowledgeStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for messages.</summary>
    string Location { get; }

    /// <summary>Writes a processed document, replacing an older version stored for the same path.</summary>
    Task<SaveOutcome> SaveAsync(ProcessedDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Optional work for <see cref="SaveAsync"/> that needs no database (serialising facts, analysing text for an index).
    /// Thread-safe; an ingest calls it on the worker that processed the document so the single writer only writes.
    /// <see cref="SaveAsync"/> does the work itself for a document that was not prepared.
    /// </summary>
    void Prepare(ProcessedDocument document)
    {
    }

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

    Task<IReadOnlyList<Section>> GetSectionsAsync(DocumentId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Passage>> GetPassagesAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Passages by id ("docshort-ordinal"); unknown ids are left out.</summary>
    Task<IReadOnlyList<Passage>> GetPassagesByIdAsync(IReadOnlyCollection<string> passageIds, CancellationToken cancellationToken = default);

    /// <summary>Facts of a kind, for one document or all, in document and source order.</summary>
    Task<IReadOnlyList<StoredFact>> GetFactsAsync(string kind, DocumentId? document = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Diagnostic>> GetDiagnosticsAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and everything derived from it. False when it was not stored.</summary>
    Task<bool> RemoveAsync(DocumentId id, CancellationToken cancellationToken = default);
}
