using System.Security.Cryptography;
using System.Text;
using Fukan.Analysis.Signals;
using Fukan.Analysis.Timeline;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Conflicts;

/// <summary>
/// Finds groups of stored facts about the same thing that disagree. Every rule buckets its facts by a key in one
/// pass (a dictionary), then compares only within a bucket, so the cost follows the facts read and the buckets
/// that hold more than one source, never all pairs of the corpus. Sides from one document never conflict with
/// each other, and documents that are editions of one series (<see cref="ConflictRules.AreEditions"/>) record a
/// change, not a contradiction.
/// </summary>
public static class ConflictFinder
{
    /// <summary>Reads what the rules need and returns the groups, <paramref name="kind"/> only when given.</summary>
    public static async Task<IReadOnlyList<ConflictGroup>> FindAsync(IKnowledgeStore store, string? kind = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyCollection<string> kinds = kind is null ? ConflictKinds.All : [kind];
        var input = await ConflictInput.LoadAsync(store, kinds, cancellationToken).ConfigureAwait(false);
        // The rules that need a fact's sentence (a quantity's holder, every quantity side's text) read the sources
        // of the documents in buckets with two sources or more only.
        if (kind is null or ConflictKinds.Quantity)
            await input.ReadSourcesAsync(store, QuantityBuckets(input).Values.Where(MultiSource).SelectMany(l => l.Select(c => c.Doc.Id)).Distinct(), cancellationToken).ConfigureAwait(false);
        var groups = Find(input, kind);
        var decisions = (await store.ListResolutionsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.GroupId, StringComparer.Ordinal);
        if (decisions.Count == 0) return groups;
        return [.. groups.Select(g => decisions.TryGetValue(g.Id, out var r) ? g with { Resolution = ConflictResolution.Of(r) } : g)];
    }

    /// <summary>The groups among loaded facts, ordered by kind and key.</summary>
    public static IReadOnlyList<ConflictGroup> Find(ConflictInput input, string? kind = null)
    {
        var groups = new List<ConflictGroup>();
        if (kind is null or ConflictKinds.Comparison) groups.AddRange(Comparisons(input));
        if (kind is null or ConflictKinds.Quantity) groups.AddRange(Quantities(input));
        if (kind is null or ConflictKinds.Event) groups.AddRange(Events(input));
        if (kind is null or ConflictKinds.Signal) groups.AddRange(Signals(input));
        return groups;
    }

    private static IEnumerable<ConflictGroup> Comparisons(ConflictInput input)
    {
        var buckets = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var stored in input.Facts(ConflictKinds.Comparison))
        {
            var row = FactSerializer.Deserialize<ComparisonRow>(stored);
            if (row.Rating is null || input.Document(stored.Document) is not { } doc) continue;
            var key = $"{TitleSimilarity.Normalize(row.Area)} · {row.Country} · {(row.Phase == "other" ? row.PhaseLabel : row.Phase)}";
            Add(buckets, key, new Candidate(doc, stored, row.Rating, row.Rating + (row.Trend is { } t ? " " + Arrow(t) : ""),
                string.Join(" ", row.Evidence.Take(2)), null));
        }
        return Groups(buckets, ConflictKinds.Comparison, (a, b) =>
            a.Compare != b.Compare && ConflictRules.DaysApart(a.Doc.Date, b.Doc.Date) <= ConflictRules.SamePeriodDays,
            "same area, country and phase rated differently by sources published within a year of each other (not editions of one report)");
    }

    private static Dictionary<string, List<Candidate>> QuantityBuckets(ConflictInput input)
    {
        var buckets = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var stored in input.Facts(ConflictKinds.Quantity))
        {
            var q = FactSerializer.Deserialize<QuantityFact>(stored);
            if (string.IsNullOrWhiteSpace(q.Subject) || q.Unit is null || stored.Date is not { } date || input.Document(stored.Document) is not { } doc) continue;
            // A change (+5%, 2倍) measures a difference, not the level: its own measure.
            var (dimension, factor) = Dimension(q.Unit);
            var measure = TitleSimilarity.Normalize(q.Subject) + (q.Change is null ? "" : "/change") + (q.Per is null ? "" : "/per " + q.Per);
            var key = $"{Holder(stored)} · {measure} · {dimension} · {date.Year}";
            var figure = Figure.Of(q.Value, q.ValueMax, q.Bound switch { QuantityBound.Min => "min", QuantityBound.Max => "max", _ => null }, q.Approximate).Scaled(factor);
            Add(buckets, key, new Candidate(doc, stored, q.Subject, q.Text, q.Text, figure));
        }
        return buckets;
    }

    private static bool MultiSource(List<Candidate> list) => list.Count > 1 && list.Any(c => c.Doc.Id != list[0].Doc.Id);

    private static IEnumerable<ConflictGroup> Quantities(ConflictInput input)
    {
        // Bucketed by who, what, unit and year; a bucket with several sources is split by the sentence's topic when no
        // entity names the holder (東和電機の営業利益 and 北杜セミコンの営業利益 share a subject, not a holder).
        var refined = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var (key, list) in QuantityBuckets(input))
        {
            if (!MultiSource(list)) continue;
            foreach (var c in list)
            {
                var source = input.Source(c.Doc.Id);
                var topic = key.StartsWith("- ", StringComparison.Ordinal) && source is not null ? Topic(source, c.Fact.Source, c.Compare) : "";
                var line = source is null ? c.Text : Lines(source, c.Fact.Source);
                Add(refined, topic.Length == 0 ? key : $"{topic}{key[1..]}", c with { Text = line });
            }
        }
        return Groups(refined, ConflictKinds.Quantity, (a, b) => FigureAgreement.Disagree(a.Figure!.Value, b.Figure!.Value),
            $"same subject, measure and period; values differ by more than {ConflictRules.RelativeTolerance:P0} after unit conversion (ranges that overlap and rounded figures within half their last digit agree; currencies are not converted)");
    }

    /// <summary>
    /// The topic of a figure's sentence: the words before its first particle (の は が 、), digits dropped —
    /// 「東和電機の2024年の営業利益は…」 → 東和電機; English: the words before the subject.
    /// </summary>
    private static string Topic(SourceText source, Provenance at, string subject)
    {
        var text = source.Text;
        int end = Math.Min(at.Span.Start, text.Length);
        int start = end;
        while (start > 0 && text[start - 1] is not ('。' or '\n' or '.' or '！' or '？')) start--;
        var sentence = text.AsSpan(start, end - start);
        int cut = sentence.IndexOfAny("のはが、，");
        ReadOnlySpan<char> head;
        if (cut > 0) head = sentence[..cut];
        else
        {
            int s = sentence.IndexOf(subject, StringComparison.OrdinalIgnoreCase);
            head = s > 0 ? sentence[..s] : [];
        }
        var sb = new StringBuilder(head.Length);
        foreach (char c in head) if (char.IsLetter(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static IEnumerable<ConflictGroup> Events(ConflictInput input)
    {
        var buckets = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var bucket in MilestoneChanges.EventBuckets(input))
            foreach (var e in bucket)
                Add(buckets, e.Key, new Candidate(e.Doc, e.Stored, MilestoneChanges.Anchor(e.Fact)!.Value.ToString("yyyy-MM-dd"), e.Fact.DateText, e.Fact.Label, null));
        return Groups(buckets, ConflictKinds.Event, (a, b) =>
            a.Compare != b.Compare && ConflictRules.DaysApart(a.Doc.Date, b.Doc.Date) <= ConflictRules.SameTimeDays,
            $"same milestone (same actor and technology, or the same event words) with different dates, announced within {ConflictRules.SameTimeDays} days of each other");
    }

    private static IEnumerable<ConflictGroup> Signals(ConflictInput input)
    {
        var buckets = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var stored in input.Facts(ConflictKinds.Signal))
        {
            var s = FactSerializer.Deserialize<SignalFact>(stored);
            if (s.CurrentValue is not { } v || input.Document(stored.Document) is not { } doc || doc.Date is not { } published) continue;
            var (dimension, factor) = Dimension(v.Unit ?? s.Unit ?? "");
            var key = $"{TitleSimilarity.Normalize(s.Metric)} · {dimension} · {published:yyyy-MM}";
            var figure = Figure.Of(v.Value, v.ValueMax, null, v.Approximate).Scaled(factor);
            Add(buckets, key, new Candidate(doc, stored, "", v.Text, v.Text, figure));
        }
        return Groups(buckets, ConflictKinds.Signal, (a, b) => FigureAgreement.Disagree(a.Figure!.Value, b.Figure!.Value),
            "same signal metric, current values stated in the same month that differ beyond the quantity tolerance");
    }

    /// <summary>
    /// Within each bucket, links every two candidates from different documents (not editions of one series) that
    /// <paramref name="disagree"/> while neither document also states what the other says; each linked set is a group. Buckets are small (one subject), so the pairs stay few.
    /// </summary>
    private static IEnumerable<ConflictGroup> Groups(Dictionary<string, List<Candidate>> buckets, string kind, Func<Candidate, Candidate, bool> disagree, string rule)
    {
        foreach (var (key, list) in buckets.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count < 2 || list.All(c => c.Doc.Id == list[0].Doc.Id)) continue;
            var parent = Enumerable.Range(0, list.Count).ToArray();
            int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
            var linked = new bool[list.Count];
            for (int i = 0; i < list.Count; i++)
                for (int j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Doc.Id == b.Doc.Id || ConflictRules.AreEditions(a.Doc, b.Doc) || !disagree(a, b) || AlsoStates(list, b.Doc, a, disagree) || AlsoStates(list, a.Doc, b, disagree)) continue;
                    parent[Find(i)] = Find(j);
                    linked[i] = linked[j] = true;
                }
            foreach (var members in Enumerable.Range(0, list.Count).Where(i => linked[i]).GroupBy(Find))
            {
                var sides = members.Select(i => list[i])
                    .OrderBy(c => c.Doc.Date ?? DateOnly.MaxValue).ThenBy(c => c.Doc.Path, StringComparer.Ordinal).ThenBy(c => c.Fact.Source.Span.Start)
                    .Select(c => new ConflictSide(c.Doc.Id.Value, c.Doc.Title, c.Doc.DateText ?? c.Doc.Date?.ToString("yyyy-MM-dd"), c.Value, c.Text, c.Fact.Source))
                    .ToList();
                yield return new ConflictGroup(Id(kind, key, sides), kind, key, rule, sides, null);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="doc"/> also states something that agrees with <paramref name="c"/>: a document
    /// giving two figures or dates for one key (a sentence with two dates, a table and its text) contradicts no
    /// source that gives one of them.
    /// </summary>
    private static bool AlsoStates(List<Candidate> bucket, DocumentInfo doc, Candidate c, Func<Candidate, Candidate, bool> disagree)
    {
        foreach (var k in bucket) if (k.Doc.Id == doc.Id && !disagree(c, k)) return true;
        return false;
    }

    private static void Add(Dictionary<string, List<Candidate>> buckets, string key, Candidate c)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        list.Add(c);
    }

    /// <summary>Who the figure is about: the organisations (else technologies) the sentence names, else no one in particular.</summary>
    private static string Holder(StoredFact fact)
    {
        var entities = fact.Entities ?? [];
        var orgs = entities.Where(e => e.Type == EntityType.Org).Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        if (orgs.Count == 0) orgs = entities.Where(e => e.Type is EntityType.Tech or EntityType.Program).Select(e => e.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return orgs.Count == 0 ? "-" : string.Join("+", orgs);
    }

    /// <summary>A unit's dimension and its factor to the dimension's base unit (currencies and unknown units stay as they are).</summary>
    private static (string Dimension, decimal Factor) Dimension(string unit)
    {
        foreach (var baseUnit in BaseUnits)
            if (UnitConversion.Convert(1m, unit, baseUnit) is { } f) return (baseUnit, f);
        return (unit, 1m);
    }

    private static readonly string[] BaseUnits = ["Pa", "m", "J", "W", "kg", "Hz", "V"];

    private static string Arrow(string trend) => trend switch { "up" => "↗", "down" => "↘", "flat" => "→", _ => trend };

    private static string Lines(SourceText text, Provenance p)
    {
        int last = Math.Min(p.EndLine, Math.Min(text.LineCount, p.Line + 2));
        var sb = new StringBuilder();
        for (int line = p.Line; line <= last; line++)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text.Line(line).Trim());
        }
        return sb.ToString();
    }

    private static string Id(string kind, string key, IReadOnlyList<ConflictSide> sides)
    {
        var sb = new StringBuilder(kind).Append('\n').Append(key);
        foreach (var s in sides) sb.Append('\n').Append(s.DocumentId).Append(':').Append(s.Provenance.Span.Start);
        return kind[0] + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..10];
    }

    private sealed record Candidate(DocumentInfo Doc, StoredFact Fact, string Compare, string Value, string Text, Figure? Figure);
}
