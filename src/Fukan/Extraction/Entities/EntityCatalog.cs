using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>Aggregates mention facts into one summary per entity.</summary>
public static class EntityCatalog
{
    /// <summary>
    /// One <see cref="EntitySummary"/> per entity id in <paramref name="mentions"/> (optionally only of
    /// <paramref name="type"/>), most mentioned first, then by id. Per-document counts are most mentioned first.
    /// </summary>
    public static IReadOnlyList<EntitySummary> Aggregate(IEnumerable<MentionFact> mentions, EntityType? type = null)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var byId = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (type is { } t && m.Type != t) continue;
            if (!byId.TryGetValue(m.EntityId, out var tally))
            {
                tally = new Tally(m.Name, m.Type);
                byId.Add(m.EntityId, tally);
            }
            tally.Mentions++;
            var surface = m.Surface.Trim();
            tally.Surfaces[surface] = tally.Surfaces.GetValueOrDefault(surface) + 1;
            tally.Documents[m.Source.Document] = tally.Documents.GetValueOrDefault(m.Source.Document) + 1;
        }

        var result = new List<EntitySummary>(byId.Count);
        foreach (var (id, tally) in byId)
        {
            var aliases = tally.Surfaces.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
            var documents = tally.Documents.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Value, StringComparer.Ordinal)
                .Select(kv => new EntityDocumentCount(kv.Key, kv.Value)).ToArray();
            result.Add(new EntitySummary(id, tally.Name, tally.Type, aliases, tally.Mentions, documents));
        }
        result.Sort((a, b) => a.Mentions != b.Mentions ? b.Mentions.CompareTo(a.Mentions) : string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    private sealed class Tally(string name, EntityType type)
    {
        public string Name { get; } = name;
        public EntityType Type { get; } = type;
        public int Mentions { get; set; }
        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);
        public Dictionary<DocumentId, int> Documents { get; } = new();
    }
}
