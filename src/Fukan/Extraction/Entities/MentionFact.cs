using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>
/// A fact of kind <c>mention</c>: the text at <see cref="Fact.Source"/> (<see cref="Surface"/>) names the entity
/// <see cref="EntityId"/>, shown as <see cref="Name"/>. <see cref="Origin"/> says how it was recognised.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MentionFactJsonConverter))]
public sealed record MentionFact(string EntityId, string Name, EntityType Type, string Surface, Provenance Source, MentionOrigin Origin = MentionOrigin.Gazetteer)
    : Fact(Source)
{
    /// <summary>The stable kind name.</summary>
    public const string KindName = "mention";

    public override string Kind => KindName;
}
