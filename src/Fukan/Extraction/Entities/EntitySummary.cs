using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>How often an entity is mentioned in one document.</summary>
public sealed record EntityDocumentCount(DocumentId Document, int Mentions);

/// <summary>
/// One entity across the knowledge base, as <c>fukan entities</c> lists it:
/// <c>{ "id", "name", "type", "aliases": [..], "mentions", "documents": [ { "document", "mentions" } ] }</c>.
/// <see cref="Aliases"/> are the surfaces seen in the text, most frequent first.
/// </summary>
public sealed record EntitySummary(
    string Id,
    string Name,
    EntityType Type,
    IReadOnlyList<string> Aliases,
    int Mentions,
    IReadOnlyList<EntityDocumentCount> Documents);
