using Fukan.Analysis.Timeline;
using Fukan.Extraction.Events;
using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>A milestone's date as the timeline contract prints it.</summary>
public sealed record TimelineDate(DateOnly? Start, DateOnly? End, string Precision, string Text);

/// <summary>
/// One milestone of <c>fukan timeline --json</c> and <c>GET /api/timeline</c>, with the lane it sits in, its short
/// headline, its salience (0–1, null in stores written before it was kept), how many times it was stated (duplicates
/// merged in a top-N view; 1 otherwise) and the other places it was stated (at most ten).
/// </summary>
public sealed record TimelineEntry(
    string Kind, string Lane, string Label, TimelineDate Date, IReadOnlyList<string> Actors, IReadOnlyList<string> Technologies,
    string Status, string Domain, string DateText, Provenance Provenance,
    string? Headline = null, double? Salience = null, int Mentions = 1, IReadOnlyList<Provenance>? AlsoAt = null)
{
    public static TimelineEntry Of(string lane, EventFact e, MilestoneMentions? mentions = null) =>
        new("event", lane, e.Label, new TimelineDate(e.Date.Start, e.Date.End, e.Date.Precision, e.DateText), e.Actors, e.Technologies,
            e.Status, e.Domain, e.DateText, e.Source, e.Headline, e.Salience, mentions?.Count ?? 1, mentions?.AlsoAt ?? []);

    /// <summary>Every milestone of a view, lane by lane.</summary>
    public static List<TimelineEntry> Of(TimelineView view)
    {
        var list = new List<TimelineEntry>(view.Count);
        foreach (var lane in view.Lanes)
            foreach (var e in lane.Events) list.Add(Of(lane.Name, e, view.Mentions.GetValueOrDefault(e)));
        return list;
    }
}
