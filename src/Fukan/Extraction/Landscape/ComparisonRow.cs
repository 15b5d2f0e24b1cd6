using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// One row of an area's international comparison table (（7）国際比較): a country or region, a phase, its status
/// rating and trend, and the evidence behind them. <see cref="Fact.Source"/> starts at the row's phase label.
/// </summary>
/// <param name="Source">Where the row is: from its phase label to its last evidence line.</param>
/// <param name="AreaId">The area's section id, e.g. "2.1.1".</param>
/// <param name="Area">The area's title.</param>
/// <param name="Division">The division's title (the 2.x parent), when known.</param>
/// <param name="Country">JP, US, EU, CN, KR; ISO 3166 alpha-2 for other named regions (TW, IN, GB, DE…); OTHER for その他の国・地域.</param>
/// <param name="CountryLabel">The country as written.</param>
/// <param name="Phase">basic | applied | other.</param>
/// <param name="PhaseLabel">The phase as written (基礎研究, 応用研究・開発, 取り組み水準 …).</param>
/// <param name="Rating">◎ ○ △ × (〇 normalised to ○), or null when the cell is empty or unreadable.</param>
/// <param name="Score">3 / 2 / 1 / 0 for ◎ ○ △ ×, or null.</param>
/// <param name="Trend">up | flat | down, or null.</param>
/// <param name="Evidence">The evidence bullets, wrapped lines joined, bullets kept apart.</param>
public sealed record ComparisonRow(
    Provenance Source,
    string AreaId,
    string Area,
    string? Division,
    string Country,
    string CountryLabel,
    string Phase,
    string PhaseLabel,
    string? Rating,
    int? Score,
    string? Trend,
    IReadOnlyList<string> Evidence) : Fact(Source)
{
    public const string FactKind = "comparison";

    public override string Kind => FactKind;
}
