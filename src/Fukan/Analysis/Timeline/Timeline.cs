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

    /// <summary>The N of a top-N view (the most salient milestones, duplicates merged); null when every milestone is shown.</summary>
    public int? Top { get; init; }

    /// <summary>How many events the store holds in the range (before merging and the top N); equal to <see cref="Count"/> for a full view.</summary>
    public int Total { get; init; }

    /// <summary>For a top-N view, each shown milestone's merged duplicates (by reference); empty otherwise.</summary>
    public IReadOnlyDictionary<EventFact, MilestoneMentions> Mentions { get; init; } = new Dictionary<EventFact, MilestoneMentions>();
}

/// <summary>How often a milestone was stated (the same milestone key and date) and where else, up to ten places.</summary>
public sealed record MilestoneMentions(int Count, IReadOnlyList<Provenance> AlsoAt);

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

    /// <summary>Rows read per page while looking for the top milestones.</summary>
    private const int PageSize = 512;

    /// <summary>Salience floors tried in turn for a top-N view (null: no floor).</summary>
    private static readonly decimal?[] SalienceFloors = [0.6m, 0.4m, null];

    /// <summary>At most this many rows are read for a top-N view (a corpus of copies merges into few milestones).</summary>
    private const int MaxRowsForTop = 50_000;

    /// <summary>
    /// The <paramref name="top"/> most salient milestones in the range, duplicates (the same <see cref="MilestoneKey"/>
    /// and date) merged into one with their count and other places. The store returns one row per exact statement
    /// (copies counted, <see cref="FactQuery.OnePerSubject"/>), highest salience first, page by page, and reading stops
    /// once a full top N cannot change (the next event scores below the lowest kept): the cost follows the answer,
    /// not the corpus. AlsoAt lists the other statements merged by key, not the copies of the same sentence.
    /// </summary>
    public static async Task<TimelineView> BuildTopAsync(IKnowledgeStore store, int? fromYear, int? toYear, TimelineGrouping grouping, int top,
        DocumentId? document = null, string? domain = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        int from = fromYear ?? 1, to = toYear ?? 9998;
        if (to < from) (from, to) = (to, from);
        var lo = new DateOnly(from, 1, 1);
        var hi = new DateOnly(to, 12, 31);
        bool ranged = fromYear is not null || toYear is not null;
        string? storedDomain = domain is null ? null : DomainClassifier.Domains.FirstOrDefault(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase)) ?? domain;
        var query = new FactQuery(EventFact.FactKind)
        {
            Document = document, Domain = storedDomain, HighestValueFirst = true, OnePerSubject = true, Limit = Math.Min(PageSize, top * 4),
            // A milestone of the top view happens in the range: its anchor (first day, or last for "by 2027") lies
            // in it. Periods that began earlier and run into it (a 2016–2030 programme) are context; --all shows them.
            AnchorFrom = ranged ? lo : null,
            Before = ranged ? hi : null,
        };
        // How many statements the range holds (a count, no rows read).
        int total = (await store.QueryFactsAsync(query with { Limit = 0 }, cancellationToken).ConfigureAwait(false)).Total;
        var groups = new Dictionary<string, (EventFact First, int Count, List<Provenance> AlsoAt)>(StringComparer.Ordinal);
        // The salient few are found among the rows above a floor first (fewer rows to group by statement); the floor
        // drops only when they are too few. Rows above a floor come first in the order anyway, so the answer is the same.
        foreach (var floor in SalienceFloors)
        {
            groups.Clear();
            var floored = query with { Min = floor };
            int read = 0;
            double lowest = double.MaxValue;
            bool done = false;
            // Once the top N are found, rows after them score no higher and come later: they can only merge into a
            // kept milestone, so no further page is read for them.
            for (int offset = 0; !done && groups.Count < top && read < MaxRowsForTop; offset += query.Limit)
            {
                var page = await store.QueryFactsAsync(floored with { Offset = offset }, cancellationToken).ConfigureAwait(false);
                if (page.Facts.Count == 0) break;
                foreach (var stored in page.Facts)
                {
                    read++;
                    var e = FactSerializer.Deserialize<EventFact>(stored);
                    if ((e.Date.Start ?? e.Date.End) is not { } anchor || ranged && (anchor < lo || anchor > hi)) continue;
                    var key = GroupKey(e);
                    if (groups.TryGetValue(key, out var g))
                    {
                        if (g.AlsoAt.Count < 10) g.AlsoAt.Add(e.Source);
                        groups[key] = (g.First, g.Count + stored.Copies, g.AlsoAt);
                        continue;
                    }
                    double salience = e.Salience ?? 0;
                    if (groups.Count >= top)
                    {
                        // Highest first: once an event scores below the lowest kept, nothing after it can enter.
                        if (salience < lowest) { done = true; break; }
                        continue;
                    }
                    groups[key] = (e, stored.Copies, []);
                    lowest = Math.Min(lowest, salience);
                }
                if (page.Facts.Count < query.Limit) break;
            }
            if (groups.Count >= top) break;
        }
        var mentions = new Dictionary<EventFact, MilestoneMentions>(ReferenceEqualityComparer.Instance);
        var kept = new List<EventFact>(groups.Count);
        foreach (var (first, count, alsoAt) in groups.Values)
        {
            kept.Add(first);
            mentions[first] = new MilestoneMentions(count, alsoAt);
        }
        var view = Build(kept, fromYear, toYear, grouping, domain);
        return view with { Top = top, Total = total, Mentions = mentions };
    }

    /// <summary>Two events are one milestone when their key (<see cref="MilestoneKey"/>, else the label) and date agree.</summary>
    private static string GroupKey(EventFact e) =>
        (MilestoneKey.Of(e) ?? "label:" + e.Label) + "|" + (e.Date.Start ?? e.Date.End)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "|" + e.Date.Precision;

    /// <summary>
    /// An event belongs to the range when it starts (or, for "by 2027", ends) inside it, or when a bounded period
    /// overlaps it; "since 1970" does not reach into 2024 as a milestone.
    /// </summary>
    private static bool InRange(EventFact e, DateOnly lo, DateOnly hi)
    {
        if ((e.Date.Start ?? e.Date.End) is not { } anchor) return false;
        if (anchor >= lo && anchor <= hi) return true;
        return e.Date.Start is { } s && e.Date.End is { } en && s <= hi && en >= lo;
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
        var kept = dated.Where(e => InRange(e, lo, hi))
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
        return new TimelineView(from, to, grouping, ordered) { Total = kept.Count };
    }
}
