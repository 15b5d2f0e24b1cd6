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

/// <summary>One mention of an entity: the document, the surface written, and where.</summary>
public sealed record EntityOccurrence(string DocumentId, string Surface, Fukan.Model.Provenance Provenance);

/// <summary>One entity with every mention: <c>fukan entities NAME --json</c>, <c>GET /api/entities/{name}</c>.</summary>
public sealed record EntityDetails(
    string Id, string Name, string Type, IReadOnlyList<string> Aliases, int Mentions, IReadOnlyList<EntityDocumentMentions> Documents,
    IReadOnlyList<EntityOccurrence> Occurrences)
{
    public static EntityDetails Of(Fukan.Storage.EntityDetail detail, int offset = 0, int limit = int.MaxValue)
    {
        var e = EntityListing.Of(detail.Entity);
        var occurrences = new List<EntityOccurrence>();
        for (int i = Math.Max(0, offset); i < detail.Mentions.Count && occurrences.Count < limit; i++)
        {
            var m = detail.Mentions[i];
            occurrences.Add(new EntityOccurrence(m.Provenance.Document.Value, m.Surface, m.Provenance));
        }
        return new(e.Id, e.Name, e.Type, e.Aliases, e.Mentions, e.Documents, occurrences);
    }
}
