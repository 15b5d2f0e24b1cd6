using System.Text.Json;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Storage;

/// <summary>
/// A document's facts of one kind as stored by every engine: JSON arrays of at most <see cref="FactsPerChunk"/>
/// facts, compressed (<see cref="FactBlob"/>), serialised ahead of the write on the ingest worker.
/// </summary>
internal sealed record FactChunk(string Kind, int Chunk, int Count, byte[] Data)
{
    /// <summary>Facts of one kind per stored row: reading a kind is a handful of rows, not one per fact.</summary>
    /// <remarks>
    /// Small enough that a filtered query reads little more than the facts it returns (each fact row records its
    /// chunk, so stores written with other sizes read the same).
    /// </remarks>
    public const int FactsPerChunk = 256;

    public static IReadOnlyList<FactChunk> Of(IReadOnlyList<Fact> facts)
    {
        var rows = new List<FactChunk>();
        // One JSON buffer per worker thread, kept between documents: grown afresh for every document it was a
        // third of all the bytes an ingest allocated.
        var buffer = JsonBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        foreach (var group in facts.GroupBy(f => f.Kind, StringComparer.Ordinal))
        {
            int chunk = 0;
            foreach (var batch in group.Chunk(FactsPerChunk))
                rows.Add(new FactChunk(group.Key, chunk++, batch.Length, FactBlob.Pack(FactSerializer.SerializeArray(batch, buffer).Span)));
        }
        return rows;
    }

    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? JsonBuffer;

    /// <summary>The facts of one stored chunk, in order; each keeps its slice of the chunk's bytes as its JSON.</summary>
    public static IReadOnlyList<StoredFact> Read(DocumentId document, string kind, object data)
    {
        var bytes = FactBlob.Unpack(data);
        var reader = new Utf8JsonReader(bytes);
        var list = new List<StoredFact>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"stored {kind} facts of {document.Short} are not a JSON array");
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            int start = (int)reader.TokenStartIndex;
            Provenance? source = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isProvenance = reader.ValueTextEquals("provenance"u8);
                reader.Read();
                if (isProvenance) source = JsonSerializer.Deserialize<Provenance>(ref reader, FukanJson.Options);
                else reader.Skip();
            }
            int end = (int)reader.BytesConsumed;
            list.Add(new StoredFact(document, kind, source ?? new Provenance(document, 0, 0, default), bytes.AsMemory(start, end - start)));
        }
        return list;
    }
}

/// <summary>One fact's filter keys and where its JSON is (chunk and index in the kind's chunk).</summary>
internal sealed record FactKeyRow(string Kind, int Ord, int Chunk, int Index, Provenance Source, FactRowKeys Keys)
{
    /// <summary>Keys of every fact but entity mentions (those are kept as the entity catalogue).</summary>
    public static List<FactKeyRow> Of(ProcessedDocument document, IReadOnlyList<Fact> facts) =>
        Of(document, facts, static (_, ord) => (ord / FactChunk.FactsPerChunk, ord % FactChunk.FactsPerChunk));

    /// <param name="document">The document the facts are of.</param>
    /// <param name="facts">Its facts, in stored order.</param>
    /// <param name="place">Where the JSON of a kind's fact number ord is stored: its chunk and index.</param>
    public static List<FactKeyRow> Of(ProcessedDocument document, IReadOnlyList<Fact> facts, Func<string, int, (int Chunk, int Index)> place)
    {
        var reader = new FactRowKeyReader(document);
        var ords = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<FactKeyRow>(facts.Count / 4);
        foreach (var f in facts)
        {
            int ord = ords.GetValueOrDefault(f.Kind);
            ords[f.Kind] = ord + 1;
            if (f.Kind == Fukan.Extraction.Entities.MentionFact.KindName) continue;
            var (chunk, index) = place(f.Kind, ord);
            list.Add(new FactKeyRow(f.Kind, ord, chunk, index, f.Source, reader.Of(f)));
        }
        return list;
    }
}

/// <summary>How a user's document reference is resolved, whatever the engine.</summary>
internal static class DocumentReferences
{
    /// <summary>
    /// An exact id or path, else an id prefix, else a file name prefix, else words of the title; one match or
    /// <see cref="DocumentReferenceException"/>.
    /// </summary>
    public static DocumentInfo Resolve(IReadOnlyList<DocumentInfo> all, string reference)
    {
        var r = reference.Trim();
        string? full = null;
        try { full = Path.GetFullPath(r); } catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { }
        var matches = all.Where(d => d.Id.Value.Equals(r, StringComparison.OrdinalIgnoreCase) || d.Path == r || d.Path == full).ToList();
        if (matches.Count == 0) matches = all.Where(d => d.Id.Value.StartsWith(r, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = all.Where(d => Path.GetFileName(d.Path).StartsWith(r, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = all.Where(d => d.Title.Contains(r, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new DocumentReferenceException($"no document matches '{reference}' (try `fukan docs`)"),
            _ => throw new DocumentReferenceException($"'{reference}' matches {matches.Count} documents: {string.Join(", ", matches.Take(5).Select(d => $"{d.Id.Short} {Path.GetFileName(d.Path)}"))}"),
        };
    }
}
