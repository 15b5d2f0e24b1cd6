using Fukan.Model;

namespace Fukan.Extraction.Dates;

/// <summary>A date found in a string.</summary>
/// <param name="Span">The half-open range of the match in the parsed string (以降, まで, by … included).</param>
/// <param name="Text">The matched surface text.</param>
/// <param name="Start">The first day covered; null for an open start (2025年まで, by 2027).</param>
/// <param name="End">The last day covered; null for an open end (2030年以降).</param>
/// <param name="Precision">How much of the calendar it covers.</param>
/// <param name="Inferred">The year was not written: it comes from the document's date (3月20日, 昨年4月, 来年度, last year).</param>
public sealed record DateMatch(CharSpan Span, string Text, DateOnly? Start, DateOnly? End, DatePrecision Precision, bool Inferred = false);
