using System.Text.Json.Serialization;
using Fukan.Model;

namespace Fukan.Extraction.Dates;

/// <summary>
/// A date stated in a document: <c>{ "kind": "date", "text", "start", "end", "precision", "provenance", "inferred" }</c> under
/// <see cref="Fukan.Model.FukanJson"/>, dates as ISO
/// <c>yyyy-MM-dd</c>. <see cref="Start"/> is the first day covered and <see cref="End"/> the last; an open start
/// (2025年まで, by 2027) has a null start, an open end (2030年以降) a null end. <see cref="Inferred"/> is true when the
/// year was not written and comes from the document's date (3月20日, 昨年4月, 来年度, last year).
/// </summary>
public sealed record DateFact(
    string Text,
    DateOnly? Start,
    DateOnly? End,
    DatePrecision Precision,
    Provenance Source,
    bool Inferred = false) : Fact(Source)
{
    /// <summary>Always "date".</summary>
    [JsonPropertyOrder(-1)]
    public override string Kind => "date";

    /// <summary>A fact from a parser match and where it came from.</summary>
    public static DateFact From(DateMatch match, Provenance source) =>
        new(match.Text, match.Start, match.End, match.Precision, source, match.Inferred);
}
