using System.Text.Json.Serialization;

namespace Fukan.Extraction.Dates;

/// <summary>How much of the calendar a date covers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
public enum DatePrecision
{
    /// <summary>One day: 2026-01-20, 令和8年2月12日, March 5, 2024.</summary>
    [JsonStringEnumMemberName("day")] Day,
    /// <summary>One month: 2021年11月, March 2024.</summary>
    [JsonStringEnumMemberName("month")] Month,
    /// <summary>A calendar (or fiscal) quarter: 2025年第3四半期, Q3 2025.</summary>
    [JsonStringEnumMemberName("quarter")] Quarter,
    /// <summary>A half year: 2025年後半, 2025年上期, H2 2025.</summary>
    [JsonStringEnumMemberName("half")] Half,
    /// <summary>A calendar year: 2025年, in 2025.</summary>
    [JsonStringEnumMemberName("year")] Year,
    /// <summary>A Japanese fiscal year, April to March: 2022年度, 平成23年度, FY2025.</summary>
    [JsonStringEnumMemberName("fiscalYear")] FiscalYear,
    /// <summary>An explicit span: 2020年1月～2023年6月, 2021–2035年, 2020年代, 3月上旬.</summary>
    [JsonStringEnumMemberName("period")] Period,
    /// <summary>One end open: 2030年以降 (start set, end null), 2025年まで / by 2027 (start null, end set).</summary>
    [JsonStringEnumMemberName("open")] Open,
}

/// <summary>The stable names of <see cref="DatePrecision"/> used in JSON and by other extractors.</summary>
public static class DatePrecisionNames
{
    public static string ToName(this DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        DatePrecision.Quarter => "quarter",
        DatePrecision.Half => "half",
        DatePrecision.Year => "year",
        DatePrecision.FiscalYear => "fiscalYear",
        DatePrecision.Period => "period",
        _ => "open",
    };
}
