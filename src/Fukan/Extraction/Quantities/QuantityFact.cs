using System.Text.Json.Serialization;
using Fukan.Model;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// A quantity stated in a document: <c>{ "kind": "quantity", "text", "value", "valueMax", "unit", "approximate",
/// "bound", "per", "subject", "change", "provenance" }</c> under <see cref="Fukan.Model.FukanJson"/> (which names <c>Source</c>
/// "provenance"). See <see cref="QuantityMatch"/> for the fields.
/// </summary>
public sealed record QuantityFact(
    string Text,
    decimal Value,
    decimal? ValueMax,
    string? Unit,
    bool Approximate,
    QuantityBound? Bound,
    string? Per,
    string? Subject,
    string? Change,
    Provenance Source) : Fact(Source)
{
    /// <summary>Always "quantity".</summary>
    [JsonPropertyOrder(-1)]
    public override string Kind => "quantity";

    /// <summary>A fact from a parser match and where it came from.</summary>
    public static QuantityFact From(QuantityMatch match, Provenance source) =>
        new(match.Text, match.Value, match.ValueMax, match.Unit, match.Approximate, match.Bound, match.Per, match.Subject, match.Change, source);
}
