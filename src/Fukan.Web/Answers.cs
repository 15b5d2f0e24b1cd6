using Fukan.Analysis.Money;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Analysis.Timeline;
using Fukan.Contracts;
using Fukan.Model;
using System.Globalization;

namespace Fukan.Web;

/// <summary>
/// The answers pages and the API share through the <see cref="AnswerCache"/>: those that read much of the knowledge
/// base, so a second request (the next page, the CSV of the view on screen, another client) costs a lookup. They are
/// computed without the request's cancellation token: other requests may be waiting for the same answer.
/// </summary>
internal static class Answers
{
    public static Task<WatchlistReport> SignalsAsync(AnswerCache cache, FukanQueries q, CancellationToken ct) =>
        SignalsAsync(cache, q, FukanQueries.DefaultEvidence, ct);

    /// <summary>The watchlist evaluated, each signal listing at most <paramref name="evidence"/> pieces of evidence.</summary>
    public static Task<WatchlistReport> SignalsAsync(AnswerCache cache, FukanQueries q, int evidence, CancellationToken ct) =>
        cache.GetAsync(q, "signals", $"signals|{evidence}", () => q.SignalsAsync(WatchlistLoader.LoadDefault(), evidence, CancellationToken.None), ct);

    /// <summary>Reports with a comparison table (the pickers of landscape, gaps and diff; the overview).</summary>
    public static Task<IReadOnlyList<DocumentInfo>> ComparisonDocumentsAsync(AnswerCache cache, FukanQueries q, CancellationToken ct) =>
        cache.GetAsync(q, "comparison-documents", () => q.ComparisonDocumentsAsync(CancellationToken.None), ct);

    public static Task<RankingReport> RankAsync(AnswerCache cache, FukanQueries q, RankRequest r, CancellationToken ct)
    {
        var key = string.Join('|', "rank", r.Method, r.Country, r.Sensitivity, r.Draws, r.Seed, r.Area, r.Limit, r.Document?.Id.Value,
            string.Join(',', r.Weights.Weights.Select(w => $"{w.Criterion}={w.Weight.ToString("R", CultureInfo.InvariantCulture)}:{w.Direction}")));
        return cache.GetAsync(q, key, () => q.RankAsync(r, CancellationToken.None), ct);
    }

    /// <summary>A timeline view (the API pages it, the page draws part of it, the CSV has it all).</summary>
    public static Task<TimelineView> TimelineAsync(AnswerCache cache, FukanQueries q, int? from, int? to, string? group, string? domain, DocumentInfo? doc, CancellationToken ct)
    {
        FukanQueries.Grouping(group);   // a bad parameter is a 400 before anything is remembered
        var key = string.Join('|', "timeline", from, to, (group ?? "domain").ToLowerInvariant(), domain, doc?.Id.Value);
        return cache.GetAsync(q, key, () => q.TimelineAsync(from, to, group, domain, doc, CancellationToken.None), ct);
    }

    /// <summary>Milestones <paramref name="offset"/> … of a view in its order (lane by lane), as the contract's entries.</summary>
    public static List<TimelineEntry> Page(TimelineView view, int offset, int limit)
    {
        var page = new List<TimelineEntry>(Math.Min(limit, Math.Max(0, view.Count - offset)));
        int skip = offset;
        foreach (var lane in view.Lanes)
        {
            if (skip >= lane.Events.Count) { skip -= lane.Events.Count; continue; }
            for (int i = skip; i < lane.Events.Count && page.Count < limit; i++) page.Add(TimelineEntry.Of(lane.Name, lane.Events[i]));
            skip = 0;
            if (page.Count >= limit) break;
        }
        return page;
    }

    /// <summary>Amounts of money grouped as asked.</summary>
    public static Task<IReadOnlyList<MoneyGroup>> MoneyAsync(AnswerCache cache, FukanQueries q, MoneyQuery query, DocumentInfo? doc, CancellationToken ct)
    {
        var key = string.Join('|', "money", query.By, query.After, query.Before, query.Currency, doc?.Id.Value);
        return cache.GetAsync(q, key, () => q.MoneyAsync(query, doc, CancellationToken.None), ct);
    }
}
