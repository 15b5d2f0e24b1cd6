using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// A research area to rank: its report, id and title, its lines (the area's section), its comparison-table rows and
/// its profile (keywords, trends) when the landscape extractor found them.
/// </summary>
public sealed record AreaSource(
    DocumentId Document,
    string DocumentTitle,
    DateOnly? DocumentDate,
    string AreaId,
    string Title,
    string? Division,
    int StartLine,
    int EndLine,
    Provenance? Heading,
    IReadOnlyList<ComparisonRow> Rows,
    AreaProfile? Profile)
{
    /// <summary>The novelty of the area's trends, read when it was loaded (then the profile keeps no long texts).</summary>
    public TrendsNovelty? Novelty { get; init; }
}

/// <summary>An amount of money stated in a document (a quantity fact with an ISO 4217 unit).</summary>
public sealed record MoneyMention(DocumentId Document, string Text, decimal Value, string Currency, Provenance Provenance, decimal? ValueMax = null);

/// <summary>A date stated in a document, by the year it starts (or ends, when open at the start).</summary>
public sealed record DateMention(DocumentId Document, int Year, string Text, Provenance Provenance);

/// <summary>A minutes statement or an article passage that may name research areas.</summary>
public sealed record AttentionText(DocumentId Document, string DocumentTitle, string Kind, string Text, Provenance Provenance);

/// <summary>Everything the ranking criteria are computed from.</summary>
public sealed record RankingInput(
    IReadOnlyList<AreaSource> Areas,
    IReadOnlyList<MoneyMention> Money,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<AttentionText> Attention);
