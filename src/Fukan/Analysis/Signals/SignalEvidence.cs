using Fukan.Model;

namespace Fukan.Analysis.Signals;

/// <summary>
/// One piece of evidence for a signal condition: what it says (<see cref="Outcome"/> and why), the value when the
/// signal is numeric, the sentence, and where it is: document, its date, line and provenance.
/// JSON: <c>{ "condition", "outcome", "reason", "value", "valueMax", "unit", "text", "sentence", "date", "dateFrom",
/// "documentId", "documentTitle", "line", "provenance" }</c>.
/// </summary>
/// <param name="Condition">The condition's name (for numeric signals, the metric and threshold).</param>
/// <param name="Outcome">met or notMet.</param>
/// <param name="Reason">Why: "55 % ≥ 50 %", "planned", "open question", "denied", "against: 延期".</param>
/// <param name="Value">The value read (numeric signals), in the signal's unit.</param>
/// <param name="ValueMax">The high end of a range, in the signal's unit.</param>
/// <param name="Unit">The signal's unit (values are converted to it).</param>
/// <param name="Text">The matched text: the quantity as written, or the words that matched the pattern.</param>
/// <param name="Sentence">The whole sentence.</param>
/// <param name="Date">When the evidence holds: a date stated with a value ("2024年時点で45%") when there is one, else the
/// document's date as stated (2026-01-20, 2023-03); null when neither is known.</param>
/// <param name="DateValue">The first day of <paramref name="Date"/>, for ordering.</param>
/// <param name="DateFrom">"text" when the date was stated with the value, "document" when it is the document's date.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="Line">The original line of <paramref name="Text"/>.</param>
/// <param name="Provenance">Where <paramref name="Text"/> is in the original.</param>
public sealed record SignalEvidence(
    string Condition,
    EvidenceOutcome Outcome,
    string Reason,
    decimal? Value,
    decimal? ValueMax,
    string? Unit,
    string Text,
    string Sentence,
    string? Date,
    [property: System.Text.Json.Serialization.JsonIgnore] DateOnly? DateValue,
    string DateFrom,
    DocumentId DocumentId,
    string DocumentTitle,
    int Line,
    Provenance Provenance);
