using Fukan.Extraction.Entities;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Money;

/// <summary>How <see cref="MoneyReport"/> groups amounts.</summary>
public enum MoneyGrouping
{
    /// <summary>By the organisation or programme the amount's sentence names (its subject's first).</summary>
    Entity,
    /// <summary>By the technology the sentence names.</summary>
    Tech,
    /// <summary>By the country the sentence names.</summary>
    Country,
    /// <summary>By the year the amount is dated (its sentence's date, else its document's).</summary>
    Year,
}

/// <summary>One amount of money as stated, with every line that states it in its document.</summary>
public sealed record MoneyAmount(
    string DocumentId,
    string Text,
    decimal Value,
    decimal? ValueMax,
    string Currency,
    string? Subject,
    DateOnly? Date,
    IReadOnlyList<EntityRef> Entities,
    Provenance Provenance,
    IReadOnlyList<Provenance> RestatedAt);

/// <summary>A sum in one currency (currencies are never converted).</summary>
public sealed record MoneyTotal(string Currency, decimal Total, int Amounts);

/// <summary>The amounts of one group (an entity, a technology, a country or a year) and their sums per currency.</summary>
public sealed record MoneyGroup(string Key, string Label, string? Type, IReadOnlyList<MoneyTotal> Totals, IReadOnlyList<MoneyAmount> Amounts);

/// <summary>What to include in a money report.</summary>
public sealed record MoneyQuery
{
    public MoneyGrouping By { get; init; } = MoneyGrouping.Entity;
    public DocumentId? Document { get; init; }
    public DateOnly? After { get; init; }
    public DateOnly? Before { get; init; }
    public string? Currency { get; init; }
}

/// <summary>
/// Players and money: amounts of money (quantities whose unit is a currency) linked to the organisations,
/// programmes, technologies or countries their sentence names, summed per currency. The same amount restated in
/// one document (same currency, value and group) counts once; its other lines are kept as restatements.
/// </summary>
public static class MoneyReport
{
    /// <summary>
    /// What makes two amounts one restated amount: the same document, currency, value and upper value (a report
    /// gives Battery500's budget in its text and again in its comparison table). The one rule for money and rank.
    /// </summary>
    public static (string Document, string Currency, decimal Value, decimal? ValueMax) RestatementKey(DocumentId document, string currency, decimal value, decimal? valueMax) =>
        (document.Value, currency, value, valueMax);

    /// <summary>The group of amounts whose sentence names no entity of the grouping's kind.</summary>
    public const string Unattributed = "(unattributed)";

    public static async Task<IReadOnlyList<MoneyGroup>> BuildAsync(IKnowledgeStore store, MoneyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var page = await store.QueryFactsAsync(new FactQuery("quantity")
        {
            CurrencyOnly = query.Currency is null, Unit = query.Currency, Document = query.Document, After = query.After, Before = query.Before, WithEntities = true,
        }, cancellationToken).ConfigureAwait(false);

        var groups = new Dictionary<string, (string Label, string? Type, List<MoneyAmount> Amounts, Dictionary<(string Document, string Currency, decimal Value, decimal? ValueMax), int> Seen)>(StringComparer.Ordinal);
        foreach (var f in page.Facts)
        {
            var q = FactSerializer.Deserialize<QuantityFact>(f);
            if (q.Unit is null) continue;
            var entities = f.Entities ?? [];
            foreach (var (key, label, type) in KeysOf(query.By, q, entities, f.Date))
            {
                if (!groups.TryGetValue(key, out var g)) groups[key] = g = (label, type, [], new());
                var same = RestatementKey(f.Document, q.Unit, q.Value, q.ValueMax);
                if (g.Seen.TryGetValue(same, out int at))
                {
                    var first = g.Amounts[at];
                    g.Amounts[at] = first with { RestatedAt = [.. first.RestatedAt, q.Source] };
                    continue;
                }
                g.Seen[same] = g.Amounts.Count;
                g.Amounts.Add(new MoneyAmount(f.Document.Value, q.Text, q.Value, q.ValueMax, q.Unit, q.Subject, f.Date, entities, q.Source, []));
            }
        }
        var result = new List<MoneyGroup>(groups.Count);
        foreach (var (key, g) in groups)
        {
            var totals = g.Amounts.GroupBy(a => a.Currency, StringComparer.Ordinal)
                .Select(c => new MoneyTotal(c.Key, c.Sum(a => a.Value), c.Count()))
                .OrderByDescending(t => t.Amounts).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
            result.Add(new MoneyGroup(key, g.Label, g.Type, totals, g.Amounts));
        }
        result.Sort((a, b) =>
        {
            if (query.By == MoneyGrouping.Year) return string.CompareOrdinal(a.Key, b.Key);
            if ((a.Key == Unattributed) != (b.Key == Unattributed)) return a.Key == Unattributed ? 1 : -1;
            int byCount = b.Amounts.Count.CompareTo(a.Amounts.Count);
            return byCount != 0 ? byCount : string.CompareOrdinal(a.Key, b.Key);
        });
        return result;
    }

    private static IEnumerable<(string Key, string Label, string? Type)> KeysOf(MoneyGrouping by, QuantityFact q, IReadOnlyList<EntityRef> entities, DateOnly? date)
    {
        if (by == MoneyGrouping.Year)
        {
            var year = date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(undated)";
            yield return (year, year, null);
            yield break;
        }
        var wanted = by switch
        {
            MoneyGrouping.Tech => entities.Where(e => e.Type == EntityType.Tech),
            MoneyGrouping.Country => entities.Where(e => e.Type == EntityType.Country),
            _ => entities.Where(e => e.Type is EntityType.Org or EntityType.Program),
        };
        var list = wanted.ToList();
        // The entity the amount's subject names is the one that spends, receives or announces it.
        if (by == MoneyGrouping.Entity && q.Subject is { Length: > 0 } subject)
        {
            var named = list.Where(e => subject.Contains(e.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count > 0) list = named;
        }
        if (list.Count == 0) { yield return (Unattributed, Unattributed, null); yield break; }
        foreach (var e in list) yield return (e.Id, e.Name, e.Type.ToName());
    }
}
