using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Fukan.Model;

/// <summary>
/// The JSON conventions of every Fukan contract: camelCase names, enums as camelCase strings, Japanese left
/// readable (not \u-escaped), document ids as strings, provenance as
/// <c>{ "documentId", "line", "endLine", "start", "end" }</c>.
/// </summary>
public static class FukanJson
{
    /// <summary>Options for output and storage.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Options for human-facing pretty JSON.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        o.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver
            .Combine(FactJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver())
            .WithAddedModifier(FactContract);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new DocumentIdConverter());
        o.Converters.Add(new ProvenanceConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>Facts serialise their <c>Source</c> as <c>provenance</c>, with <c>kind</c> first.</summary>
    private static void FactContract(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        if (!typeof(Fact).IsAssignableFrom(info.Type) || info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object) return;
        foreach (var p in info.Properties)
        {
            if (p.Name == "source" && p.PropertyType == typeof(Provenance)) { p.Name = "provenance"; p.Order = 1000; }
            else if (p.Name == "kind") p.Order = -1000;
        }
    }

    private sealed class DocumentIdConverter : JsonConverter<DocumentId>
    {
        public override DocumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, DocumentId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class ProvenanceConverter : JsonConverter<Provenance>
    {
        public override Provenance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string doc = ""; int line = 0, endLine = 0, start = 0, end = 0;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("provenance must be an object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "documentId": doc = reader.GetString() ?? ""; break;
                    case "line": line = reader.GetInt32(); break;
                    case "endLine": endLine = reader.GetInt32(); break;
                    case "start": start = reader.GetInt32(); break;
                    case "end": end = reader.GetInt32(); break;
                    default: reader.Skip(); break;
                }
            }
            return new Provenance(new DocumentId(doc), line, endLine, new CharSpan(start, end));
        }

        public override void Write(Utf8JsonWriter writer, Provenance value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("documentId", value.Document.Value);
            writer.WriteNumber("line", value.Line);
            writer.WriteNumber("endLine", value.EndLine);
            writer.WriteNumber("start", value.Span.Start);
            writer.WriteNumber("end", value.Span.End);
            writer.WriteEndObject();
        }
    }
}
