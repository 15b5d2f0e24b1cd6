using System.Text.Json;
using System.Text.Json.Serialization;
using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Writes and reads <see cref="MentionFact"/> by hand, in the contract's shape
/// (<c>{ "kind", "entityId", "name", "type", "surface", "origin", "provenance" }</c>, exactly what the reflection
/// serializer writes). Mentions are about two thirds of all facts an ingest stores (a 1.7 MB report has ten
/// thousand), and the reflection path spent most of the fact-serialisation time on them.
/// </summary>
internal sealed class MentionFactJsonConverter : JsonConverter<MentionFact>
{
    private static readonly JsonEncodedText KindProperty = JsonEncodedText.Encode("kind"), EntityId = JsonEncodedText.Encode("entityId"),
        Name = JsonEncodedText.Encode("name"), TypeProperty = JsonEncodedText.Encode("type"), Surface = JsonEncodedText.Encode("surface"),
        Origin = JsonEncodedText.Encode("origin"), ProvenanceName = JsonEncodedText.Encode("provenance"),
        KindValue = JsonEncodedText.Encode(MentionFact.KindName);

    private static readonly JsonEncodedText[] TypeNames = Enum.GetValues<EntityType>().Select(t => JsonEncodedText.Encode(t.ToName())).ToArray();
    private static readonly JsonEncodedText[] OriginNames = Enum.GetValues<MentionOrigin>().Select(o => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(o.ToString()))).ToArray();

    public override void Write(Utf8JsonWriter writer, MentionFact value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(KindProperty, KindValue);
        writer.WriteString(EntityId, value.EntityId);
        writer.WriteString(Name, value.Name);
        writer.WriteString(TypeProperty, TypeNames[(int)value.Type]);
        writer.WriteString(Surface, value.Surface);
        writer.WriteString(Origin, OriginNames[(int)value.Origin]);
        writer.WritePropertyName(ProvenanceName);
        ProvenanceConverter(options).Write(writer, value.Source, options);
        writer.WriteEndObject();
    }

    public override MentionFact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a mention fact must be an object");
        string entityId = "", name = "", surface = "";
        var type = EntityType.Tech;
        var origin = MentionOrigin.Gazetteer;
        Provenance? source = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "entityId": entityId = reader.GetString() ?? ""; break;
                case "name": name = reader.GetString() ?? ""; break;
                case "surface": surface = reader.GetString() ?? ""; break;
                case "type": EntityTypeNames.TryParse(reader.GetString(), out type); break;
                case "origin":
                    if (!Enum.TryParse(reader.GetString(), ignoreCase: true, out origin)) throw new JsonException($"unknown mention origin '{reader.GetString()}'");
                    break;
                case "provenance": source = ProvenanceConverter(options).Read(ref reader, typeof(Provenance), options); break;
                default: reader.Skip(); break;
            }
        }
        return new MentionFact(entityId, name, type, surface, source ?? throw new JsonException("a mention fact has no provenance"), origin);
    }

    private static JsonConverter<Provenance> ProvenanceConverter(JsonSerializerOptions options) =>
        (JsonConverter<Provenance>)options.GetConverter(typeof(Provenance));
}
