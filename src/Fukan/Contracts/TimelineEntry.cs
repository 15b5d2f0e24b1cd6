using Fukan.Analysis.Timeline;
using Fukan.Extraction.Events;
using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>A milestone's date as the timeline contract prints it.</summary>
public sealed record TimelineDate(DateOnly? Start, DateOnly? End, string Precision, string Text);

/// <summary>One milestone of <c>fukan timeline --json</c> and <c>GET /api/timeline</c>, with the lane it sits in.</summary>
public sealed record TimelineEntry(
    string Kind, string Lane, string Label, TimelineDate Date, IReadOnlyList<string> Actors, IReadOnlyList<string> Technologies,
    string Status, string Domain, string DateText, Provenance Provenance)
{
    public static TimelineEntry Of(string lane, EventFact e) =>
        new("event", lane, e.Label, new TimelineDate(e.Date.Start, e.Date.End, e.Date.Precision, e.DateText), e.Actors, e.Technologies,
            e.Status, e.Domain, e.DateText, e.Source);

    /// <summary>Every milestone of a view, lane by lane.</summary>
    public static List<TimelineEntry> Of(TimelineView view)
    {
        var list = new List<TimelineEntry>(view.Count);
        foreach (var lane in view.Lanes)
            foreach (var e in lane.Events) list.Add(Of(lane.Name, e));
        return list;
    }
}
