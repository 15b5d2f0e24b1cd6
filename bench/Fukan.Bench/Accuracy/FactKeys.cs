using System.Globalization;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;

namespace Fukan.Bench.Accuracy;

/// <summary>One comparable string per fact: surface text plus every normalised field, so a hit means all of them agree.</summary>
internal static class FactKeys
{
    public static string Of(QuantityMatch m) => Quantity(m.Text, m.Value, m.ValueMax, m.Unit, m.Approximate, m.Bound switch
    {
        QuantityBound.Min => "min",
        QuantityBound.Max => "max",
        _ => null,
    });

    public static string Of(DateMatch m) => Date(m.Text, m.Start, m.End, m.Precision.ToName());

    public static string Of(QuantityFact q) => Quantity(q.Text, q.Value, q.ValueMax, q.Unit, q.Approximate, q.Bound switch
    {
        QuantityBound.Min => "min",
        QuantityBound.Max => "max",
        _ => null,
    });

    public static string Of(DateFact d) => Date(d.Text, d.Start, d.End, d.Precision.ToName());

    /// <summary>cells: line, text, value, valueMax, unit, approx, bound.</summary>
    public static string QuantityRow(string[] c) => Quantity(
        c[1],
        decimal.Parse(c[2], NumberStyles.Float, CultureInfo.InvariantCulture),
        c[3] == "-" ? null : decimal.Parse(c[3], NumberStyles.Float, CultureInfo.InvariantCulture),
        c[4] == "-" ? null : c[4],
        c[5] == "approx",
        c[6] == "-" ? null : c[6]);

    /// <summary>cells: line, text, start, end, precision.</summary>
    public static string DateRow(string[] c) => Date(
        c[1],
        c[2] == "-" ? null : DateOnly.ParseExact(c[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        c[3] == "-" ? null : DateOnly.ParseExact(c[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        c[4]);

    private static string Quantity(string text, decimal value, decimal? max, string? unit, bool approximate, string? bound) =>
        string.Join('\t', text, Num(value), max is decimal m ? Num(m) : "-", unit ?? "-", approximate ? "approx" : "-", bound ?? "-");

    private static string Date(string text, DateOnly? start, DateOnly? end, string precision) =>
        string.Join('\t', text, Iso(start), Iso(end), precision);

    private static string Num(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly? d) => d is DateOnly x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}
