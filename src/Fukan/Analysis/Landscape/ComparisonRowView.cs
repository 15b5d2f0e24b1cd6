using System.Globalization;
using System.Text;
using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Analysis.Landscape;

/// <summary>
/// A comparison row as the landscape contract prints it: <c>{ "documentId", "areaId", "area", "division",
/// "country", "countryLabel", "phase", "phaseLabel", "rating", "score", "trend", "evidence", "provenance" }</c>.
/// </summary>
public sealed record ComparisonRowView(
    string DocumentId,
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
    IReadOnlyList<string> Evidence,
    Provenance Provenance)
{
    public static ComparisonRowView Of(ComparisonRow r) =>
        new(r.Source.Document.Value, r.AreaId, r.Area, r.Division, r.Country, r.CountryLabel, r.Phase, r.PhaseLabel,
            r.Rating, r.Score, r.Trend, r.Evidence, r.Source);

    /// <summary>The CSV header of <see cref="ToCsv"/>.</summary>
    public const string CsvHeader = "documentId,areaId,area,division,country,countryLabel,phase,phaseLabel,rating,score,trend,line,endLine,evidence";

    /// <summary>One CSV record (RFC 4180 quoting); evidence items are joined with " | ".</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(256);
        void Field(string? value, bool last = false)
        {
            value ??= "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(value);
            if (!last) sb.Append(',');
        }
        Field(DocumentId); Field(AreaId); Field(Area); Field(Division); Field(Country); Field(CountryLabel); Field(Phase); Field(PhaseLabel);
        Field(Rating); Field(Score?.ToString(CultureInfo.InvariantCulture)); Field(Trend);
        Field(Provenance.Line.ToString(CultureInfo.InvariantCulture)); Field(Provenance.EndLine.ToString(CultureInfo.InvariantCulture));
        Field(string.Join(" | ", Evidence), last: true);
        return sb.ToString();
    }
}
