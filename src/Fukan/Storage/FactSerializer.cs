using System.Text.Json;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>Facts to and from their stored JSON (the same JSON the CLI prints).</summary>
public static class FactSerializer
{
    public static string Serialize(Fact fact) => JsonSerializer.Serialize(fact, fact.GetType(), FukanJson.Options);

    /// <summary>The stored fact as <typeparamref name="T"/>. The JSON names its provenance "provenance".</summary>
    public static T Deserialize<T>(StoredFact fact) where T : Fact
    {
        var value = JsonSerializer.Deserialize<T>(fact.Json, FukanJson.Options)
            ?? throw new InvalidOperationException($"stored {fact.Kind} fact of {fact.Document.Short} is null");
        return value;
    }
}
