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
/// <param name="Resolution">The analyst's decision in force (<c>fukan conflicts resolve</c>), or null.</param>
public sealed record ConflictGroup(string Id, string Kind, string Key, string Rule, IReadOnlyList<ConflictSide> Facts, ConflictResolution? Resolution);

/// <summary>One side of a conflict: <c>{ "documentId", "documentTitle", "published", "value", "text", "provenance" }</c>.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="Published">When the source said it: the date stated with the fact when it has one (quantities), else the document's date (ISO, at its precision); null when undated.</param>
/// <param name="Value">The disputed value as written (a rating ◎○△× and trend, an amount, a date).</param>
/// <param name="Text">The source lines the fact came from.</param>
/// <param name="Provenance">Where exactly.</param>
public sealed record ConflictSide(string DocumentId, string DocumentTitle, string? Published, string Value, string Text, Provenance Provenance);

/// <summary>
/// An analyst's decision on a group (<c>fukan conflicts resolve</c>): the preferred side and the deprecated ones,
/// each named <c>documentId:start</c> (<see cref="Fukan.Storage.StoredResolution.SideKey"/>), with the note, who and when.
/// </summary>
public sealed record ConflictResolution(string? Preferred, DateTimeOffset At, IReadOnlyList<string> Deprecated, string Note, string By)
{
    public static ConflictResolution Of(Fukan.Storage.StoredResolution r) => new(r.Preferred, r.At, r.Deprecated, r.Note, r.By);

    /// <summary>"preferred", "deprecated" or null for a side of the group.</summary>
    public string? StatusOf(ConflictSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var key = Fukan.Storage.StoredResolution.SideKey(side.Provenance);
        return key == Preferred ? "preferred" : Deprecated.Contains(key) ? "deprecated" : null;
    }
}
