using Fukan.Analysis.Landscape;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Analysis.Timeline;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Briefing;

/// <summary>
/// A briefing on one report: its heatmap, the gaps of one country, the top-ranked areas with their explanation, the
/// watchlist verdicts and the report's milestones. Every part keeps its provenance; the renderers print a document
/// and lines beside every statement.
/// </summary>
/// <param name="Document">The report.</param>
/// <param name="Defaulted">True when the report was not named and the newest with a comparison was taken.</param>
/// <param name="Country">Whose gaps and position are assessed.</param>
/// <param name="Heatmap">Areas × countries × basic/applied.</param>
/// <param name="Gaps">The country's gaps (empty when the report does not rate it).</param>
/// <param name="Ranking">The report's areas ranked (top <see cref="BriefingOptions.TopAreas"/>), or null when they cannot be ranked.</param>
/// <param name="RankingNote">Why there is no ranking, when there is none.</param>
/// <param name="Signals">The watchlist evaluated against the whole knowledge base.</param>
/// <param name="Milestones">The report's dated milestones.</param>
/// <param name="DocumentNames">File names by document id, for the evidence from other documents.</param>
public sealed record Briefing(
    DocumentInfo Document,
    bool Defaulted,
    string Country,
    LandscapeMatrix Heatmap,
    IReadOnlyList<Gap> Gaps,
    RankingReport? Ranking,
    string? RankingNote,
    WatchlistReport Signals,
    TimelineView Milestones,
    IReadOnlyDictionary<DocumentId, string> DocumentNames)
{
    /// <summary>"001_report.txt:5369" or "001_report.txt:5369–5375": where a statement comes from.</summary>
    public string Where(DocumentId document, int line, int? endLine = null)
    {
        var name = DocumentNames.TryGetValue(document, out var n) ? n : document.Short;
        return endLine is int e && e > line ? $"{name}:{line}–{e}" : $"{name}:{line}";
    }

    /// <summary>Where a fact comes from.</summary>
    public string Where(Provenance p) => Where(p.Document, p.Line, p.EndLine);
}

/// <summary>What goes into a briefing.</summary>
/// <param name="Country">Whose gaps and position (default JP).</param>
/// <param name="TopAreas">How many ranked areas to explain.</param>
/// <param name="Watchlist">The watchlist (null: the default one).</param>
/// <param name="Weights">The ranking weights (null: the defaults).</param>
public sealed record BriefingOptions(string Country = "JP", int TopAreas = 5, Watchlist? Watchlist = null, RankingWeights? Weights = null);

/// <summary>Assembles a <see cref="Briefing"/> from what the store holds (analysis only: nothing is parsed again).</summary>
public static class BriefingBuilder
{
    /// <summary>
    /// The briefing on the report named by <paramref name="reference"/> (null: the newest report with a comparison).
    /// Throws <see cref="DocumentReferenceException"/> or <see cref="NoLandscapeException"/> for a document that
    /// cannot be briefed.
    /// </summary>
    public static async Task<Briefing> BuildAsync(IKnowledgeStore store, string? reference, BriefingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var reader = new LandscapeReader(store);
        var choice = await reader.ChooseAsync(reference, cancellationToken).ConfigureAwait(false);
        var landscape = await reader.LoadAsync(choice.Document, cancellationToken).ConfigureAwait(false);
        var doc = choice.Document;

        var matrix = LandscapeMatrix.Build(landscape, LandscapeFilter.All);
        bool rated = false;
        foreach (var r in landscape.Rows) rated |= r.Country == options.Country;
        var gaps = rated ? GapFinder.Find(landscape, options.Country) : [];

        RankingReport? ranking = null;
        string? note = null;
        var input = await RankingInputLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var areas = input.Areas.Where(a => a.Document == doc.Id).ToList();
        if (areas.Count == 0) note = "the report has no research areas to rank";
        else
        {
            try
            {
                var report = new Ranker().Rank(input with { Areas = areas }, options.Weights ?? WeightsLoader.LoadDefault(), RankingMethods.Find("wsum")!, options.Country);
                ranking = report with { Areas = report.Areas.Take(options.TopAreas).ToList() };
            }
            catch (RankingException e) { note = e.Message; }
        }

        var corpus = await EvidenceCorpus.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var signals = new SignalEvaluator().Evaluate(options.Watchlist ?? WatchlistLoader.LoadDefault(), corpus);
        var milestones = await TimelineBuilder.BuildAsync(store, null, null, TimelineGrouping.Domain, doc.Id, null, cancellationToken).ConfigureAwait(false);

        var names = new Dictionary<DocumentId, string>();
        foreach (var d in await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)) names[d.Id] = Path.GetFileName(d.Path);
        return new Briefing(doc, choice.Defaulted, options.Country, matrix, gaps, ranking, note, signals, milestones, names);
    }
}
