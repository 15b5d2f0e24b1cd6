using System.Text.Json;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>
/// A fact read back from a store, to be written again (a copy between stores, a backfill): its JSON is kept byte for
/// byte and written as it is; <see cref="Typed"/> is the typed record for the kinds whose filter keys come from their
/// fields (null for the rest, which keep provenance only).
/// </summary>
internal sealed record StoredJsonFact(string KindName, string Json, Fact? Typed, Provenance At) : Fact(At)
{
    public override string Kind => KindName;

    /// <summary>Types of the facts whose keys come from their typed record.</summary>
    public static readonly IReadOnlyDictionary<string, Type> TypedKinds = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["quantity"] = typeof(QuantityFact), ["date"] = typeof(DateFact), [EventFact.FactKind] = typeof(EventFact),
        [ComparisonRow.FactKind] = typeof(ComparisonRow), [AreaProfile.FactKind] = typeof(AreaProfile),
        [SignalFact.FactKind] = typeof(SignalFact), [MentionFact.KindName] = typeof(MentionFact),
    };

    public static StoredJsonFact Of(StoredFact fact) =>
        new(fact.Kind, fact.Json, TypedKinds.TryGetValue(fact.Kind, out var type) ? (Fact)JsonSerializer.Deserialize(fact.Json, type, FukanJson.Options)! : null, fact.Source);

    /// <summary>The typed record behind <paramref name="fact"/> when it is a stored one, else the fact itself.</summary>
    public static Fact? Unwrap(Fact fact) => fact is StoredJsonFact s ? s.Typed : fact;
}
