using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Contracts;
using System.Globalization;

namespace Fukan.Web;

/// <summary>The whole-corpus answers pages and the API share, through the <see cref="AnswerCache"/>.</summary>
internal static class Answers
{
    public static Task<WatchlistReport> SignalsAsync(AnswerCache cache, FukanQueries q, CancellationToken ct) =>
        cache.GetAsync(q, "signals", () => q.SignalsAsync(WatchlistLoader.LoadDefault(), ct), ct);

    /// <summary>Reports with a comparison table (the pickers of landscape, gaps and diff; the overview).</summary>
    public static Task<IReadOnlyList<Fukan.Model.DocumentInfo>> ComparisonDocumentsAsync(AnswerCache cache, FukanQueries q, CancellationToken ct) =>
        cache.GetAsync(q, "comparison-documents", () => q.ComparisonDocumentsAsync(ct), ct);

    public static Task<RankingReport> RankAsync(AnswerCache cache, FukanQueries q, RankRequest r, CancellationToken ct)
    {
        var key = string.Join('|', "rank", r.Method, r.Country, r.Sensitivity, r.Draws, r.Seed, r.Area, r.Limit, r.Document?.Id.Value,
            string.Join(',', r.Weights.Weights.Select(w => $"{w.Criterion}={w.Weight.ToString("R", CultureInfo.InvariantCulture)}:{w.Direction}")));
        return cache.GetAsync(q, key, () => q.RankAsync(r, ct), ct);
    }
}
