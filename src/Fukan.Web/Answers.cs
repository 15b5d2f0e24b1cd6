using Fukan.Analysis.Landscape;
using Fukan.Analysis.Money;
using Fukan.Extraction.Landscape;
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
    public static Task<TimelineView> TimelineAsync(AnswerCache cache, FukanQueries q, int? from, int? to, string? group, string? domain, DocumentInfo? doc, CancellationToken ct) =>
        TimelineAsync(cache, q, from, to, group, domain, doc, null, ct);

    /// <summary>A timeline view: every milestone, or with <paramref name="top"/> the N most salient, duplicates merged.</summary>
    public static Task<TimelineView> TimelineAsync(AnswerCache cache, FukanQueries q, int? from, int? to, string? group, string? domain, DocumentInfo? doc, int? top, CancellationToken ct)
    {
        FukanQueries.Grouping(group);   // a bad parameter is a 400 before anything is remembered
        var key = string.Join('|', "timeline", from, to, (group ?? "domain").ToLowerInvariant(), domain, doc?.Id.Value, top);
        return cache.GetAsync(q, key, () => q.TimelineAsync(from, to, group, domain, doc, top, CancellationToken.None), ct);
    }

    /// <summary>Milestones <paramref name="offset"/> … of a view in its order (lane by lane), as the contract's entries.</summary>
    public static List<TimelineEntry> Page(TimelineView view, int offset, int limit)
    {
        var page = new List<TimelineEntry>(Math.Min(limit, Math.Max(0, view.Count - offset)));
        int skip = offset;
        foreach (var lane in view.Lanes)
        {
            if (skip >= lane.Events.Count) { skip -= lane.Events.Count; continue; }
            for (int i = skip; i < lane.Events.Count && page.Count < limit; i++)
                page.Add(TimelineEntry.Of(lane.Name, lane.Events[i], view.Mentions.GetValueOrDefault(lane.Events[i])));
            skip = 0;
            if (page.Count >= limit) break;
        }
        return page;
    }

    /// <summary>The report chosen (named, or the newest with a comparison) and its landscape facts: the landscape, area, gaps pages and routes.</summary>
    public static async Task<(LandscapeReader.Choice Choice, LandscapeDocument Landscape)> LandscapeAsync(AnswerCache cache, FukanQueries q, string? reference, CancellationToken ct)
    {
        var answer = await cache.GetAsync(q, "landscape", $"landscape|{reference}", async () =>
        {
            var (choice, landscape) = await q.LandscapeAsync(reference, CancellationToken.None).ConfigureAwait(false);
            return new LandscapeAnswer(choice, landscape);
        }, ct).ConfigureAwait(false);
        return (answer.Choice, answer.Landscape);
    }

    private sealed record LandscapeAnswer(LandscapeReader.Choice Choice, LandscapeDocument Landscape);

    /// <summary>What changed between two editions.</summary>
    public static Task<EditionDiffResult> DiffAsync(AnswerCache cache, FukanQueries q, string from, string to, CancellationToken ct) =>
        cache.GetAsync(q, "diff", $"diff|{from}|{to}", () => q.DiffAsync(from, to, CancellationToken.None), ct);

    /// <summary>The two editions themselves (the diff page draws the newer heatmap with the changed cells).</summary>
    public static async Task<(LandscapeDocument From, LandscapeDocument To)> EditionsAsync(AnswerCache cache, FukanQueries q, string from, string to, CancellationToken ct)
    {
        var answer = await cache.GetAsync(q, "diff", $"editions|{from}|{to}", async () =>
        {
            var (a, b) = await q.EditionsAsync(from, to, null, CancellationToken.None).ConfigureAwait(false);
            return new EditionsAnswer(a, b);
        }, ct).ConfigureAwait(false);
        return (answer.From, answer.To);
    }

    private sealed record EditionsAnswer(LandscapeDocument From, LandscapeDocument To);

    /// <summary>The first <paramref name="count"/> passages most like one (pages of related passages share it).</summary>
    public static Task<IReadOnlyList<Fukan.Search.SearchHit>> RelatedAsync(AnswerCache cache, FukanQueries q, string passageId, int count, CancellationToken ct) =>
        cache.GetAsync(q, "related", $"related|{passageId}|{count}", () => q.RelatedAsync(passageId, count, CancellationToken.None), ct);

    /// <summary>A document's original text (the reader and the source route show windows of it).</summary>
    public static Task<SourceText> SourceAsync(AnswerCache cache, FukanQueries q, DocumentInfo info, CancellationToken ct) =>
        cache.GetAsync(q, "source", $"source|{info.Id.Value}", () => q.Store.GetSourceAsync(info.Id, CancellationToken.None), ct);

    /// <summary>Pages of facts asked for again (the next page's total, the same filter from another client) at most this long.</summary>
    public const int FactPageRemembered = 1000;

    /// <summary>
    /// A page of facts as the API's JSON text, and the total; pages of at most <see cref="FactPageRemembered"/> rows are
    /// remembered as text (parsed rows are lazily built nodes, not safe to share between requests).
    /// </summary>
    public static async Task<(string Json, int Total)> FactsJsonAsync(AnswerCache cache, FukanQueries q, string kind, FactFilter filter, DocumentId? doc, int offset, int limit, CancellationToken ct)
    {
        if (limit > FactPageRemembered) return await FactsJsonAsync(q, kind, filter, doc, offset, limit, ct).ConfigureAwait(false);
        FactRows.Kind(kind);
        var answer = await cache.GetAsync(q, "facts", $"facts|{kind}|{filter}|{doc?.Value}|{offset}|{limit}", async () =>
        {
            var (json, total) = await FactsJsonAsync(q, kind, filter, doc, offset, limit, CancellationToken.None).ConfigureAwait(false);
            return new FactsAnswer(json, total);
        }, ct).ConfigureAwait(false);
        return (answer.Json, answer.Total);
    }

    private static async Task<(string Json, int Total)> FactsJsonAsync(FukanQueries q, string kind, FactFilter filter, DocumentId? doc, int offset, int limit, CancellationToken ct)
    {
        var (rows, total) = await FactRows.PageAsync(q.Store, kind, filter, doc, offset, limit, ct).ConfigureAwait(false);
        return (FactRows.ToJsonArray(rows).ToJsonString(FukanJson.Options), total);
    }

    private sealed record FactsAnswer(string Json, int Total);

    /// <summary>Amounts of money grouped as asked.</summary>
    public static Task<IReadOnlyList<MoneyGroup>> MoneyAsync(AnswerCache cache, FukanQueries q, MoneyQuery query, DocumentInfo? doc, CancellationToken ct)
    {
        var key = string.Join('|', "money", query.By, query.After, query.Before, query.Currency, doc?.Id.Value);
        return cache.GetAsync(q, key, () => q.MoneyAsync(query, doc, CancellationToken.None), ct);
    }
}
