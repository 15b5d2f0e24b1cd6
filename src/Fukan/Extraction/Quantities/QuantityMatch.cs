using Fukan.Model;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// A quantity found in a string: where it is, its surface text, and its normalised value.
/// </summary>
/// <param name="Span">The half-open range of the match in the parsed string (modifiers such as 約 and 以上 included).</param>
/// <param name="Text">The matched surface text.</param>
/// <param name="Value">The value, scale words applied (7500万 = 75,000,000); the low end of a range.</param>
/// <param name="ValueMax">The high end of a range (10〜15%), else null.</param>
/// <param name="Unit">ISO 4217 code for money, <c>%</c> for percentages, else a short symbol (nm, GW, Wh/kg, 人); null for a bare scaled count (1000万).</param>
/// <param name="Approximate">Marked as approximate: 約, 程度, 規模, about …</param>
/// <param name="Bound">A one-sided bound (以上 → min, 以下 → max), else null.</param>
/// <param name="Per">The period or unit the amount is per (年間予算 → "year", 円/Nm3 → "Nm3"), else null.</param>
/// <param name="Subject">The phrase the quantity measures as best found (予算, 消費電力削減), else null. A change figure in
/// brackets after an amount (営業利益は96億円（同8.1%減）) measures that amount: it takes the amount's subject.</param>
/// <param name="Change">"increase" or "decrease" when a change word follows the figure (12.4%増, 1.6ポイント低下), else null.</param>
public sealed record QuantityMatch(
    CharSpan Span,
    string Text,
    decimal Value,
    decimal? ValueMax,
    string? Unit,
    bool Approximate,
    QuantityBound? Bound,
    string? Per,
    string? Subject,
    string? Change = null);
