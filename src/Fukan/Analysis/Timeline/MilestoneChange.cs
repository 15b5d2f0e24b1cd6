using Fukan.Analysis.Conflicts;
using Fukan.Extraction.Events;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Timeline;

/// <summary>
/// One milestone announced with different dates in documents published at different times: its announcements in
/// order of publication and whether the date moved later (slipped) or earlier (advanced).
/// JSON: <c>{ "key", "milestone", "direction", "from", "to", "announcements": [ … ] }</c>.
/// </summary>
/// <param name="Key">The milestone key (<see cref="MilestoneKey"/>).</param>
/// <param name="Milestone">The first announcement's sentence.</param>
/// <param name="Direction">slipped (the last date is later than the first), advanced (earlier) or moved (back and forth to the same date).</param>
/// <param name="From">The first announced date as written.</param>
/// <param name="To">The last announced date as written.</param>
/// <param name="Announcements">Every source's statement, by publication date.</param>
public sealed record MilestoneChange(string Key, string Milestone, string Direction, string From, string To, IReadOnlyList<ConflictSide> Announcements);

/// <summary>Finds slipped and advanced milestones among the stored events, bucketing by <see cref="MilestoneKey"/> in one pass.</summary>
public static class MilestoneChanges
{
    public static async Task<IReadOnlyList<MilestoneChange>> FindAsync(IKnowledgeStore store, CancellationToken cancellationToken = default)
    {
        var input = await ConflictInput.LoadAsync(store, [ConflictKinds.Event], cancellationToken).ConfigureAwait(false);
        var changes = Find(input);
        return changes;
    }

    /// <summary>The changes among loaded events.</summary>
    public static IReadOnlyList<MilestoneChange> Find(ConflictInput input)
    {
        var result = new List<MilestoneChange>();
        foreach (var bucket in EventBuckets(input))
        {
            // A change needs two announcements of different dates published at different times (not "at about the
            // same time": that is a conflict).
            var byDoc = bucket.GroupBy(e => e.Doc.Id).Select(g => g.First()).OrderBy(e => e.Doc.Date ?? DateOnly.MaxValue).ThenBy(e => e.Doc.Path, StringComparer.Ordinal).ToList();
            if (byDoc.Count < 2 || byDoc.Any(e => e.Doc.Date is null)) continue;
            var first = byDoc[0];
            var last = byDoc[^1];
            if (ConflictRules.DaysApart(first.Doc.Date, last.Doc.Date) <= ConflictRules.SameTimeDays) continue;
            // Every source must give the milestone a date set of its own: the same sentence copied (or one sentence
            // with two dates in each) is no move.
            var sets = bucket.GroupBy(e => e.Doc.Id).Select(g => string.Join(",", g.Select(e => Anchor(e.Fact)).Distinct().Order())).Distinct().Count();
            if (sets < 2 || byDoc.Select(e => Anchor(e.Fact)).Distinct().Count() < 2) continue;
            var a = Anchor(first.Fact);
            var b = Anchor(last.Fact);
            string direction = b > a ? "slipped" : b < a ? "advanced" : "moved";
            result.Add(new MilestoneChange(first.Key, first.Fact.Label, direction, first.Fact.DateText, last.Fact.DateText,
                byDoc.Select(e => input.Side(e.Doc, e.Stored, e.Fact.DateText, e.Fact.Label)).ToList()));
        }
        return result.OrderBy(c => c.Announcements[0].Published, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The date a milestone is pinned to: its first day, else its last.</summary>
    public static DateOnly? Anchor(EventFact e) => e.Date.Start ?? e.Date.End;

    /// <summary>Dated events with a key, bucketed by it (one dictionary pass).</summary>
    internal static IEnumerable<List<KeyedEvent>> EventBuckets(ConflictInput input)
    {
        var buckets = new Dictionary<string, List<KeyedEvent>>(StringComparer.Ordinal);
        foreach (var stored in input.Facts(ConflictKinds.Event))
        {
            var e = FactSerializer.Deserialize<EventFact>(stored);
            if (Anchor(e) is null || MilestoneKey.Of(e) is not { } key || input.Document(stored.Document) is not { } doc) continue;
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
            list.Add(new KeyedEvent(key, e, stored, doc));
        }
        return buckets.Values.Where(b => b.Count > 1);
    }

    internal sealed record KeyedEvent(string Key, EventFact Fact, StoredFact Stored, DocumentInfo Doc);
}
