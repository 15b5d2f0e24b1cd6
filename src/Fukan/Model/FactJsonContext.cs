using System.Text.Json;
using System.Text.Json.Serialization;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Minutes;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;

namespace Fukan.Model;

/// <summary>
/// Serialisation code for the fact types, generated at build time. Without it System.Text.Json builds each type's
/// contract by reflection and emits and compiles accessors on first use: about a quarter of a second of every
/// ingest and of every CLI command that prints facts. <see cref="FukanJson"/> puts it in front of the reflection
/// resolver, and its options (names, enum strings, provenance) apply to both, so the JSON is the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MentionFact))]
[JsonSerializable(typeof(EventFact))]
[JsonSerializable(typeof(QuantityFact))]
[JsonSerializable(typeof(DateFact))]
[JsonSerializable(typeof(SignalFact))]
[JsonSerializable(typeof(MinutesFact))]
[JsonSerializable(typeof(ComparisonRow))]
[JsonSerializable(typeof(AreaProfile))]
[JsonSerializable(typeof(PriorityTheme))]
[JsonSerializable(typeof(LandscapeDivision))]
internal sealed partial class FactJsonContext : JsonSerializerContext;
