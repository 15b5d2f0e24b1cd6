namespace Fukan.Extraction.Dates;

/// <summary>Which months a fiscal year named by one year covers.</summary>
public enum FiscalYearConvention
{
    /// <summary>Japan (and most Japanese-language documents): 2025年度 / FY2025 runs 2025-04-01 to 2026-03-31.</summary>
    April,
    /// <summary>The US federal government: FY 2018 runs 2017-10-01 to 2018-09-30 (named by the year it ends in).</summary>
    October,
}

/// <summary>
/// What a document tells the date parser beyond its text: the date it was issued (from which dates without a year —
/// 3月20日, June 6 — and relative dates — 昨年4月, 来年度, last year — are resolved, and marked inferred) and the
/// fiscal-year convention of its English "FY" / "fiscal year" dates.
/// </summary>
/// <remarks>
/// The convention follows the document: English documents use <see cref="FiscalYearConvention.October"/> (US federal
/// budget years), every other language <see cref="FiscalYearConvention.April"/>; a <c>fiscal-year</c> metadata value
/// (front matter <c>fiscal-year: april</c> or <c>october</c>, also <c>jp</c> / <c>us</c>) overrides it. Japanese 年度
/// is always April to March.
/// </remarks>
public sealed record DateContext(DateOnly? Reference, FiscalYearConvention FiscalYear = FiscalYearConvention.April)
{
    /// <summary>No reference date, April fiscal years: what <see cref="DateParser.Parse(string)"/> uses.</summary>
    public static readonly DateContext None = new((DateOnly?)null);

    /// <summary>The context of a document from its date, language and metadata.</summary>
    public static DateContext For(DateOnly? reference, string? lang, IReadOnlyDictionary<string, IReadOnlyList<string>>? metadata)
    {
        var convention = lang == "en" ? FiscalYearConvention.October : FiscalYearConvention.April;
        if (metadata is not null && metadata.TryGetValue("fiscal-year", out var v) && v.Count > 0)
        {
            switch (v[0].Trim().ToLowerInvariant())
            {
                case "april" or "jp" or "japan" or "4": convention = FiscalYearConvention.April; break;
                case "october" or "us" or "usa" or "10": convention = FiscalYearConvention.October; break;
            }
        }
        return new DateContext(reference, convention);
    }
}
