using Fukan.Extraction.Entities;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>
/// One document's entity catalogue: per entity, its name and type, how often it is mentioned, the surfaces written
/// (with counts) and every mention's place, packed. The store keeps these rows and running totals per entity, so
/// listing entities is a lookup, not a pass over every mention of the corpus.
/// </summary>
internal sealed record EntityCatalogRow(string EntityId, string Name, EntityType Type, int Mentions,
    IReadOnlyList<(string Surface, int Count)> Surfaces, byte[] Positions)
{
    public static IReadOnlyList<EntityCatalogRow> Of(IEnumerable<Fact> facts)
    {
        var byId = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<Builder>();
        foreach (var f in facts)
        {
            if (StoredJsonFact.Unwrap(f) is not MentionFact m) continue;
            if (!byId.TryGetValue(m.EntityId, out var b))
            {
                b = new Builder(m.EntityId, m.Name, m.Type);
                byId.Add(m.EntityId, b);
                order.Add(b);
            }
            b.Add(m);
        }
        var rows = new List<EntityCatalogRow>(order.Count);
        foreach (var b in order) rows.Add(b.Build());
        return rows;
    }

    /// <summary>The mentions packed in <see cref="Positions"/>, in source order.</summary>
    public static IEnumerable<EntityMentionRow> Unpack(DocumentId document, IReadOnlyList<string> surfaces, byte[] positions)
    {
        int i = 0, line = 0, start = 0;
        var list = new List<EntityMentionRow>();
        while (i < positions.Length)
        {
            line += (int)ReadVarint(positions, ref i);
            int endLine = line + (int)ReadVarint(positions, ref i);
            start += (int)ReadVarint(positions, ref i);
            int end = start + (int)ReadVarint(positions, ref i);
            int surface = (int)ReadVarint(positions, ref i);
            list.Add(new EntityMentionRow(surface < surfaces.Count ? surfaces[surface] : "", new Provenance(document, line, endLine, new CharSpan(start, end))));
        }
        return list;
    }

    /// <summary>Surface counts (JSON lists of [surface, count]) summed over documents, most written first, then ordinal.</summary>
    public static IReadOnlyList<string> SumSurfaces(IEnumerable<string> jsonLists)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var json in jsonLists)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            foreach (var pair in doc.RootElement.EnumerateArray())
            {
                var s = pair[0].GetString() ?? "";
                counts[s] = counts.GetValueOrDefault(s) + pair[1].GetInt32();
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
    }

    /// <summary>The surfaces with their counts as stored: a JSON list of [surface, count].</summary>
    public string SurfacesJson() => System.Text.Json.JsonSerializer.Serialize(Surfaces.Select(s => new object[] { s.Surface, s.Count }).ToArray(), Fukan.Model.FukanJson.Options);

    private sealed class Builder(string id, string name, EntityType type)
    {
        private readonly Dictionary<string, int> _surfaceIndex = new(StringComparer.Ordinal);
        private readonly List<(string Surface, int Count)> _surfaces = [];
        private readonly List<(Provenance Source, int Surface)> _mentions = [];

        public void Add(MentionFact m)
        {
            var surface = m.Surface.Trim();
            if (!_surfaceIndex.TryGetValue(surface, out int s))
            {
                s = _surfaces.Count;
                _surfaceIndex.Add(surface, s);
                _surfaces.Add((surface, 0));
            }
            _surfaces[s] = (surface, _surfaces[s].Count + 1);
            _mentions.Add((m.Source, s));
        }

        public EntityCatalogRow Build()
        {
            _mentions.Sort(static (a, b) => a.Source.Span.Start != b.Source.Span.Start ? a.Source.Span.Start.CompareTo(b.Source.Span.Start) : a.Source.Line.CompareTo(b.Source.Line));
            var bytes = new List<byte>(_mentions.Count * 6);
            int line = 0, start = 0;
            foreach (var (source, surface) in _mentions)
            {
                WriteVarint(bytes, (uint)Math.Max(0, source.Line - line));
                WriteVarint(bytes, (uint)Math.Max(0, source.EndLine - source.Line));
                WriteVarint(bytes, (uint)Math.Max(0, source.Span.Start - start));
                WriteVarint(bytes, (uint)Math.Max(0, source.Span.End - source.Span.Start));
                WriteVarint(bytes, (uint)surface);
                line = Math.Max(line, source.Line);
                start = Math.Max(start, source.Span.Start);
            }
            return new EntityCatalogRow(id, name, type, _mentions.Count, _surfaces, [.. bytes]);
        }
    }

    private static void WriteVarint(List<byte> bytes, uint value)
    {
        while (value >= 0x80) { bytes.Add((byte)(value | 0x80)); value >>= 7; }
        bytes.Add((byte)value);
    }

    private static uint ReadVarint(byte[] bytes, ref int i)
    {
        uint value = 0;
        int shift = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        return value;
    }
}
