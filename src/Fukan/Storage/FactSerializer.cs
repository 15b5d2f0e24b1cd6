using System.Text.Json;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>Facts to and from their stored JSON (the same JSON the CLI prints).</summary>
public static class FactSerializer
{
    public static string Serialize(Fact fact) => JsonSerializer.Serialize(fact, fact.GetType(), FukanJson.Options);

    /// <summary>Facts as one JSON array of UTF-8 bytes, written without intermediate strings.</summary>
    public static ReadOnlyMemory<byte> SerializeArray(IReadOnlyList<Fact> facts, System.Buffers.ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = FukanJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartArray();
            foreach (var fact in facts)
            {
                if (fact is StoredJsonFact stored) writer.WriteRawValue(stored.Json, skipInputValidation: true);
                else JsonSerializer.Serialize(writer, fact, fact.GetType(), FukanJson.Options);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>The stored fact as <typeparamref name="T"/>. The JSON names its provenance "provenance".</summary>
    public static T Deserialize<T>(StoredFact fact) where T : Fact
    {
        var value = JsonSerializer.Deserialize<T>(fact.Utf8Json, FukanJson.Options)
            ?? throw new InvalidOperationException($"stored {fact.Kind} fact of {fact.Document.Short} is null");
        return value;
    }
}
