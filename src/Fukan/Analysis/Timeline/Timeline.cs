using Fukan.Extraction.Events;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Timeline;

/// <summary>How milestones are grouped into lanes.</summary>
public enum TimelineGrouping
{
    Domain,
    Actor,
    Document,
}

/// <summary>One lane of the timeline: a group name and its events in date order.</summary>
public sealed record TimelineLane(string Name, IReadOnlyList<EventFact> Events);

/// <summary>The milestones of a knowledge base between two years, grouped into lanes.</summary>
public sealed record TimelineView(int FromYear, int ToYear, TimelineGrouping Grouping, IReadOnlyList<TimelineLane> Lanes)
{
    public int Count => Lanes.Sum(l => l.Events.Count);
}

/// <summary>Builds timeline views from the stored events.</summary>
public static class TimelineBuilder
{
    public static async Task<TimelineView> BuildAsync(IKnowledgeStore store, int? fromYear, int? toYear, TimelineGrouping grouping,
        DocumentId? document = null, string? domain = null, CancellationToken cancellationToken = default)
    {
        // Only the events whose dates can reach into the range are read (an indexed range on the stored rows); the
        // exact rule of which belong is Build's.
        var page = await store.QueryFactsAsync(new FactQuery(EventFact.FactKind)
        {
            Document = document,
            After = fromYear is { } f ? new DateOnly(Math.Min(f, toYear ?? f), 1, 1) : null,
            Before = toYear is { } t ? new DateOnly(Math.Max(t, fromYear ?? t), 12, 31) : null,
        }, cancellationToken).ConfigureAwait(false);
        var events = page.Facts.Select(FactSerializer.Deserialize<EventFact>).ToList();
        return Build(events, fromYear, toYear, grouping, domain);
    }

    public static TimelineView Build(IReadOnlyList<EventFact> events, int? fromYear, int? toYear, TimelineGrouping grouping, string? domain = null)
    {
        var dated = events.Where(e => e.Date.Start is not null || e.Date.End is not null).ToList();
        int minYear = dated.Count == 0 ? DateTime.UtcNow.Year : dated.Min(e => (e.Date.Start ?? e.Date.End)!.Value.Year);
        int maxYear = dated.Count == 0 ? minYear : dated.Max(e => (e.Date.End ?? e.Date.Start)!.Value.Year);
        int from = fromYear ?? minYear;
        int to = toYear ?? Math.Max(maxYear, from);
        if (to < from) (from, to) = (to, from);
        var lo = new DateOnly(from, 1, 1);
        var hi = new DateOnly(to, 12, 31);
        // An event belongs to the range when it starts (or, for "by 2027", ends) inside it, or when a bounded
        // period overlaps it; "since 1970" does not reach into 2024 as a milestone.
        var kept = dated.Where(e =>
            {
                var anchor = (e.Date.Start ?? e.Date.End)!.Value;
                if (anchor >= lo && anchor <= hi) return true;
                return e.Date.Start is { } s && e.Date.End is { } en && s <= hi && en >= lo;
            })
            .Where(e => domain is null || string.Equals(e.Domain, domain, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var lanes = new Dictionary<string, List<EventFact>>(StringComparer.Ordinal);
        foreach (var e in kept)
        {
            var key = grouping switch
            {
                TimelineGrouping.Actor => e.Actors.Count > 0 ? e.Actors[0] : "(no actor)",
                TimelineGrouping.Document => e.Source.Document.Short,
                _ => e.Domain,
            };
            if (!lanes.TryGetValue(key, out var list)) lanes[key] = list = new List<EventFact>();
            list.Add(e);
        }
        var ordered = lanes
            .Select(kv => new TimelineLane(kv.Key, kv.Value.OrderBy(e => e.Date.Start ?? e.Date.End).ThenBy(e => e.Source.Document.Value, StringComparer.Ordinal).ThenBy(e => e.Source.Span.Start).ToList()))
            .OrderByDescending(l => l.Events.Count).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        return new TimelineView(from, to, grouping, ordered);
    }
}
