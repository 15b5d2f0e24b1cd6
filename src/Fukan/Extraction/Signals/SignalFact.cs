using System.Text.Json.Serialization;
using Fukan.Model;

namespace Fukan.Extraction.Signals;

/// <summary>
/// A KPI signal stated in a document: a metric, the threshold whose crossing matters (or, for a qualitative signal,
/// the condition to watch), the value the document gives as current, and what it means when it happens.
/// JSON: <c>{ "kind": "signal", "metric", "comparator", "threshold", "unit", "currentValue", "condition",
/// "implication", "domain", "sectionId", "parts", "provenance" }</c>. <see cref="Fact.Source"/> covers every part
/// (heading, current-value sentence, signal sentence, implication); <see cref="Parts"/> points at each one.
/// </summary>
/// <param name="Metric">What is measured or watched: "SWE-benchの解決率", "無加圧/低加圧での動作".</param>
/// <param name="Comparator">&gt;, &gt;=, &lt;, &lt;= or =; null for a qualitative signal.</param>
/// <param name="Threshold">The value to cross; null for a qualitative signal.</param>
/// <param name="Unit">The threshold's unit as the quantity parser names it (%, USD, atm …).</param>
/// <param name="CurrentValue">The value the document gives as current, when it gives one.</param>
/// <param name="Condition">The condition as written (label removed): the conditional clause of a threshold (これが50%を超えた時), or the whole sentence of a qualitative signal.</param>
/// <param name="Implication">What happens when the signal fires, as written; null when the text does not say.</param>
/// <param name="Domain">A coarse domain (AI, semiconductors, batteries, energy, …, other).</param>
/// <param name="SectionId">The section the signal was stated in.</param>
/// <param name="Parts">The linked pieces, each with its own provenance.</param>
/// <param name="Source">From the first part to the last.</param>
public sealed record SignalFact(
    string Metric,
    string? Comparator,
    decimal? Threshold,
    string? Unit,
    SignalValue? CurrentValue,
    string Condition,
    string? Implication,
    string Domain,
    string? SectionId,
    IReadOnlyList<SignalPart> Parts,
    Provenance Source) : Fact(Source)
{
    public const string FactKind = "signal";

    public override string Kind => FactKind;

    /// <summary>True when the signal has no numeric threshold (a condition to watch).</summary>
    [JsonIgnore]
    public bool IsQualitative => Threshold is null;
}

/// <summary>A value as stated: <c>{ "text", "value", "valueMax", "unit", "approximate", "provenance" }</c>.</summary>
public sealed record SignalValue(string Text, decimal Value, decimal? ValueMax, string? Unit, bool Approximate, Provenance Provenance);

/// <summary>
/// One linked piece of a signal statement: <c>{ "role", "text", "provenance" }</c>. Roles: <c>metric</c> (the KPI
/// heading or bullet label), <c>context</c> (a sentence describing the present state), <c>current</c> (the
/// current-value sentence), <c>signal</c> (the threshold or condition sentence), <c>implication</c>.
/// </summary>
public sealed record SignalPart(string Role, string Text, Provenance Provenance);
