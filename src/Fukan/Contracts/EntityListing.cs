using Fukan.Extraction.Entities;

namespace Fukan.Contracts;

/// <summary>Mentions of an entity in one document.</summary>
public sealed record EntityDocumentMentions(string DocumentId, int Mentions);

/// <summary>One entity of <c>fukan entities --json</c> and <c>GET /api/entities</c>.</summary>
public sealed record EntityListing(string Id, string Name, string Type, IReadOnlyList<string> Aliases, int Mentions, IReadOnlyList<EntityDocumentMentions> Documents)
{
    public static EntityListing Of(EntitySummary e)
    {
        var docs = new List<EntityDocumentMentions>(e.Documents.Count);
        foreach (var d in e.Documents) docs.Add(new EntityDocumentMentions(d.Document.Value, d.Mentions));
        return new(e.Id, e.Name, e.Type.ToName(), e.Aliases, e.Mentions, docs);
    }
}

/// <summary>One entity with every mention: <c>GET /api/entities/{name}</c>.</summary>
public sealed record EntityDetails(EntityListing Entity, int Total, IReadOnlyList<MentionFact> Mentions);
