namespace Fukan.Storage;

/// <summary>
/// An analyst's decision on a conflict group, as stored: which side is preferred (or which are deprecated), by
/// whom and when. Decisions are appended, never overwritten: the latest for a group is the one in force, and
/// clearing one is a decision too (<see cref="Cleared"/>).
/// </summary>
/// <param name="GroupId">The conflict group's id (stable for the same sides).</param>
/// <param name="Preferred">The preferred side as <c>documentId:start</c> (its provenance's document and span start), or null.</param>
/// <param name="Deprecated">Sides marked deprecated, in the same form.</param>
/// <param name="Note">Why, in the analyst's words (may be empty).</param>
/// <param name="By">Who decided (the user name of the process that stored it).</param>
/// <param name="At">When it was stored.</param>
public sealed record StoredResolution(string GroupId, string? Preferred, IReadOnlyList<string> Deprecated, string Note, string By, DateTimeOffset At)
{
    /// <summary>True when this decision withdraws an earlier one.</summary>
    public bool Cleared => Preferred is null && Deprecated.Count == 0;

    /// <summary>How a side is named in a resolution: its document and the start of its span.</summary>
    public static string SideKey(Model.Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return $"{provenance.Document.Value}:{provenance.Span.Start}";
    }
}
