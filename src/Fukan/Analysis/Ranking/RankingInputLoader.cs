using System.Text.Json;
using System.Text.Json.Nodes;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// Reads a <see cref="RankingInput"/> from a knowledge base: comparison rows and area profiles (grouped by report
/// and area id), the area's lines from the report's section tree, money and dates stated in the reports that have
/// areas, and the minutes statements and passages of every document that is not a report.
/// </summary>
public static class RankingInputLoader
{
    public static async Task<RankingInput> LoadAsync(IKnowledgeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var docs = new Dictionary<DocumentId, DocumentInfo>();
        foreach (var d in await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)) docs[d.Id] = d;

        var rows = new Dictionary<(DocumentId, string), List<ComparisonRow>>();
        var order = new List<(DocumentId, string)>();
        foreach (var f in await store.GetFactsAsync(ComparisonRow.FactKind, null, cancellationToken).ConfigureAwait(false))
        {
            var row = FactSerializer.Deserialize<ComparisonRow>(f);
            var key = (f.Document, row.AreaId);
            if (!rows.TryGetValue(key, out var list)) { rows[key] = list = new List<ComparisonRow>(); order.Add(key); }
            list.Add(row);
        }
        var areaDocs = new HashSet<DocumentId>();
        foreach (var (doc, _) in order) areaDocs.Add(doc);
        // Area profiles one report at a time, each read for its keywords and the novelty of its trends and then
        // kept without its long texts: holding every report's profiles at once does not fit at a few hundred reports.
        var profiles = new Dictionary<(DocumentId, string), (AreaProfile Profile, TrendsNovelty? Novelty)>();
        var sections = new Dictionary<DocumentId, Dictionary<string, Section>>();
        foreach (var doc in areaDocs.OrderBy(d => d.Value, StringComparer.Ordinal))
        {
            foreach (var f in await store.GetFactsAsync(AreaProfile.FactKind, doc, cancellationToken).ConfigureAwait(false))
            {
                var p = RankedProfile.Read(f);
                profiles.TryAdd((f.Document, p.AreaId), (TrendsNovelty.Slim(p), TrendsNovelty.Of(p)));
            }
            var map = new Dictionary<string, Section>(StringComparer.Ordinal);
            foreach (var s in await store.GetSectionsAsync(doc, cancellationToken).ConfigureAwait(false)) map.TryAdd(s.Id, s);
            sections[doc] = map;
        }

        var areas = new List<AreaSource>(order.Count);
        foreach (var key in order)
        {
            var (doc, areaId) = key;
            var areaRows = rows[key];
            profiles.TryGetValue(key, out var loaded);
            var profile = loaded.Profile;
            var info = docs.GetValueOrDefault(doc);
            int start, end;
            if (sections[doc].TryGetValue(areaId, out var section)) { start = section.StartLine; end = section.EndLine; }
            else if (profile is not null) { start = profile.Source.Line; end = profile.Source.EndLine; }
            else
            {
                start = int.MaxValue; end = 0;
                foreach (var r in areaRows) { start = Math.Min(start, r.Source.Line); end = Math.Max(end, r.Source.EndLine); }
            }
            areas.Add(new AreaSource(doc, info?.Title ?? doc.Short, info?.Date, areaId, profile?.Title ?? areaRows[0].Area,
                profile?.Division ?? areaRows[0].Division, start, end, profile?.Source, areaRows, profile) { Novelty = loaded.Novelty });
        }
        // Reports first in their own order (documents by id, areas in section order within a document).
        areas.Sort(static (a, b) =>
        {
            int byDoc = string.CompareOrdinal(a.Document.Value, b.Document.Value);
            return byDoc != 0 ? byDoc : AreaIdComparer.Instance.Compare(a.AreaId, b.AreaId);
        });

        var money = new List<MoneyMention>();
        var dates = new List<DateMention>();
        // Amounts of money only (an indexed filter on the stored rows), not every quantity of every report.
        foreach (var f in (await store.QueryFactsAsync(new FactQuery("quantity") { CurrencyOnly = true }, cancellationToken).ConfigureAwait(false)).Facts)
        {
            if (!areaDocs.Contains(f.Document)) continue;
            var q = FactSerializer.Deserialize<QuantityFact>(f);
            if (IsCurrency(q.Unit)) money.Add(new MoneyMention(f.Document, q.Text, q.Value, q.Unit!, q.Source, q.ValueMax));
        }
        foreach (var doc in areaDocs)
        {
            foreach (var f in await store.GetFactsAsync("date", doc, cancellationToken).ConfigureAwait(false))
            {
                var d = FactSerializer.Deserialize<DateFact>(f);
                if ((d.Start ?? d.End) is { } day) dates.Add(new DateMention(doc, day.Year, d.Text, d.Source));
            }
        }

        var attention = new List<AttentionText>();
        var withStatements = new HashSet<DocumentId>();
        foreach (var f in await store.GetFactsAsync("minutes", null, cancellationToken).ConfigureAwait(false))
        {
            var title = docs.GetValueOrDefault(f.Document)?.Title ?? f.Document.Short;
            foreach (var (text, provenance) in Statements(JsonNode.Parse(f.Utf8Json)))
            {
                attention.Add(new AttentionText(f.Document, title, "minutes", text, provenance));
                withStatements.Add(f.Document);
            }
        }
        foreach (var info in docs.Values.OrderBy(d => d.Id.Value, StringComparer.Ordinal))
        {
            if (info.Kind == DocumentKind.Report || areaDocs.Contains(info.Id) || withStatements.Contains(info.Id)) continue;
            foreach (var p in await store.GetPassagesAsync(info.Id, cancellationToken).ConfigureAwait(false))
                if (p.Kind != PassageKind.Heading) attention.Add(new AttentionText(info.Id, info.Title, info.Kind.ToName(), p.Text, p.Source));
        }
        return new RankingInput(areas, money, dates, attention);
    }

    /// <summary>ISO 4217 codes are three capital letters; the quantity parser writes money that way and nothing else.</summary>
    internal static bool IsCurrency(string? unit) => unit is { Length: 3 } u && char.IsAsciiLetterUpper(u[0]) && char.IsAsciiLetterUpper(u[1]) && char.IsAsciiLetterUpper(u[2]);

    /// <summary>The statements of a stored minutes digest (at the top level or under "digest").</summary>
    private static IEnumerable<(string Text, Provenance Provenance)> Statements(JsonNode? node)
    {
        if (node is not JsonObject obj) yield break;
        var statements = obj["statements"] as JsonArray ?? (obj["digest"] as JsonObject)?["statements"] as JsonArray;
        if (statements is null) yield break;
        foreach (var s in statements)
        {
            if (s is not JsonObject st || st["text"]?.GetValue<string>() is not { Length: > 0 } text || st["provenance"] is not JsonObject prov) continue;
            var provenance = prov.Deserialize<Provenance>(FukanJson.Options);
            if (provenance is not null) yield return (text, provenance);
        }
    }
}

/// <summary>
/// What a ranking reads of a stored area profile: its keywords, trends (or overview) and their lines. The texts it
/// does not use (definition, challenges, projects) are skipped by the JSON reader instead of becoming strings: they
/// are a third of every report's area facts.
/// </summary>
internal sealed record RankedProfile(
    [property: System.Text.Json.Serialization.JsonPropertyName("provenance")] Provenance Source,
    string AreaId,
    string Title,
    string? Division,
    IReadOnlyList<string> Keywords,
    string? Overview,
    string? Trends,
    IReadOnlyList<RelatedArea>? Related,
    string? DivisionId,
    IReadOnlyList<TextSource>? TrendsSources)
{
    public static AreaProfile Read(StoredFact fact)
    {
        var p = JsonSerializer.Deserialize<RankedProfile>(fact.Utf8Json, FukanJson.Options)
            ?? throw new InvalidOperationException($"stored area fact of {fact.Document.Short} is null");
        return new AreaProfile(p.Source, p.AreaId, p.Title, p.Division, null, p.Keywords ?? [], p.Overview, p.Trends, null, p.Related ?? [], p.DivisionId, null, p.TrendsSources);
    }
}

/// <summary>Orders section ids as numbers: 2.1.2 before 2.1.10, 2.1.1 before 2.1.1(3).</summary>
public sealed class AreaIdComparer : IComparer<string>
{
    public static AreaIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
                int c = a.SequenceCompareTo(b);
                if (c != 0) return c;
                continue;
            }
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++; j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
