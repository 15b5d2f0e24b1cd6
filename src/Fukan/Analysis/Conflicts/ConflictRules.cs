using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Analysis.Conflicts;

/// <summary>
/// The thresholds every conflict and change rule shares, in one place (docs/conflicts.md explains each).
/// </summary>
public static class ConflictRules
{
    /// <summary>Two figures agree when they differ by at most this share of the larger (a rounding-free tolerance).</summary>
    public const decimal RelativeTolerance = 0.05m;

    /// <summary>Sources published at most this many days apart speak for the same period (comparison ratings, signals).</summary>
    public const int SamePeriodDays = 366;

    /// <summary>Milestone announcements at most this many days apart are "at about the same time": different dates are a conflict, not a slip.</summary>
    public const int SameTimeDays = 183;

    /// <summary>Two documents whose titles are at least this alike (character bigrams) and whose dates differ are editions of one series.</summary>
    public const double EditionTitleSimilarity = 0.6;

    /// <summary>
    /// True when two documents are editions of one series: alike titles and different dates (an edition in
    /// sequence records a change, shown by <c>diff</c> and <c>timeline --changes</c>, not a contradiction).
    /// </summary>
    public static bool AreEditions(DocumentInfo a, DocumentInfo b) =>
        a.Id != b.Id && a.Date is { } x && b.Date is { } y && x != y && TitleSimilarity.Of(StripYears(a.Title), StripYears(b.Title)) >= EditionTitleSimilarity;

    /// <summary>Days between two publication dates; null when either is unknown.</summary>
    public static int? DaysApart(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : null;

    // An edition's title differs from the last one mainly by its year (（2021年） → （2023年）); the years are not what
    // makes two titles one series.
    private static string StripYears(string title)
    {
        var sb = new System.Text.StringBuilder(title.Length);
        foreach (char c in title) if (!char.IsDigit(c)) sb.Append(c);
        return sb.ToString();
    }
}
