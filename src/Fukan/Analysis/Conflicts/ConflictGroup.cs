using Fukan.Model;

namespace Fukan.Analysis.Conflicts;

/// <summary>The kinds of contradiction <see cref="ConflictFinder"/> looks for, as named on the command line and in JSON.</summary>
public static class ConflictKinds
{
    public const string Comparison = "comparison";
    public const string Quantity = "quantity";
    public const string Event = "event";
    public const string Signal = "signal";

    public static IReadOnlyList<string> All { get; } = [Comparison, Quantity, Event, Signal];
}

/// <summary>
/// A group of stored facts about the same thing that disagree. JSON:
/// <c>{ "id", "kind", "key", "rule", "facts": [ … ], "resolution": null }</c>.
/// </summary>
/// <param name="Id">Stable for the same sides: a hash of the kind, key and the sides' provenance.</param>
/// <param name="Kind">comparison, quantity, event or signal.</param>
/// <param name="Key">What the sides are about (area · country · phase; subject · unit · period; the milestone; the metric).</param>
/// <param name="Rule">The rule that grouped them and why they disagree, in words.</param>
/// <param name="Facts">The sides, in order of publication.</param>
/// <param name="Resolution">An analyst's choice of side; always null until resolution is stored (not built yet).</param>
public sealed record ConflictGroup(string Id, string Kind, string Key, string Rule, IReadOnlyList<ConflictSide> Facts, ConflictResolution? Resolution);

/// <summary>One side of a conflict: <c>{ "documentId", "documentTitle", "published", "value", "text", "provenance" }</c>.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="Published">When the source said it: the date stated with the fact when it has one (quantities), else the document's date (ISO, at its precision); null when undated.</param>
/// <param name="Value">The disputed value as written (a rating ◎○△× and trend, an amount, a date).</param>
/// <param name="Text">The source lines the fact came from.</param>
/// <param name="Provenance">Where exactly.</param>
public sealed record ConflictSide(string DocumentId, string DocumentTitle, string? Published, string Value, string Text, Provenance Provenance);

/// <summary>An analyst's preferred side (reserved: resolution is not stored yet, so this is always absent).</summary>
public sealed record ConflictResolution(string Preferred, DateTimeOffset At);
