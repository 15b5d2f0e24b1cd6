using System.Text.RegularExpressions;
using Fukan.Extraction.Quantities;
using Fukan.Model;

namespace Fukan.Extraction.Dates;

/// <summary>
/// Dates whose year is not written, resolved from the document's date and marked inferred: relative years
/// (昨年, 今年, 来年, 一昨年, 再来年, last / this / next year), relative fiscal years (昨年度, 今年度, 本年度, 来年度,
/// last / this / next fiscal year), and a month or day without a year (3月20日, ４月に入る, 十二月八日, June 6).
/// </summary>
/// <remarks>
/// A month without a year takes the year that puts it nearest the document's date (a December mentioned in a January
/// document is last December). 前年度 and 翌年度 are left alone: they count from a year named nearby (前年度比), not
/// from the document. A month followed by 期 (3月期), 号, 間 or 分 is no date.
/// </remarks>
internal static partial class InferredDates
{
    [GeneratedRegex(@"(一昨年度|昨年度|今年度|本年度|当年度|来年度|次年度|再来年度|一昨年|昨年|今年|本年|来年|再来年)(?:\s?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\s?(\d{1,2}|[一二三四五六七八九十]{1,3})日)?)?")]
    private static partial Regex JapaneseRelative();

    [GeneratedRegex(@"(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\s?(\d{1,2}|[一二三四五六七八九十]{1,3})日)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(last|this|next|the current|the previous|the coming)\s+(fiscal\s+)?year\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishRelative();

    [GeneratedRegex(@"\b(January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})")]
    private static partial Regex EnglishMonthDay();

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Adds the inferred dates of <paramref name="text"/> to <paramref name="results"/> (kept in order, never overlapping).</summary>
    public static void Add(string text, string folded, List<DateMatch> results, DateContext context)
    {
        if (context.Reference is not { } reference) return;
        int written = results.Count;
        bool Free(int s, int e)
        {
            for (int i = 0; i < written; i++)
                if (results[i].Span.Start < e && s < results[i].Span.End) return false;
            for (int i = written; i < results.Count; i++)
                if (results[i].Span.Start < e && s < results[i].Span.End) return false;
            return true;
        }

        foreach (Match m in JapaneseRelative().Matches(folded))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var word = m.Groups[1].Value;
            int offset = word switch
            {
                "一昨年度" or "一昨年" => -2,
                "昨年度" or "昨年" => -1,
                "来年度" or "次年度" or "来年" => 1,
                "再来年度" or "再来年" => 2,
                _ => 0,
            };
            bool fiscal = word.EndsWith('度');
            // 昨年度比 / 前年比 are comparisons, not dates.
            int after = m.Index + m.Length;
            if (after < folded.Length && folded[after] == '比') continue;
            if (!m.Groups[2].Success)
            {
                var (a, b) = fiscal ? FiscalYearOf(reference, offset, FiscalYearConvention.April) : YearOf(reference.Year + offset);
                Add(results, text, m.Index, after, a, b, fiscal ? DatePrecision.FiscalYear : DatePrecision.Year);
                continue;
            }
            int month = Number(m.Groups[2].Value);
            if (month is < 1 or > 12) continue;
            // 昨年度4月 / 来年度3月: the month inside that fiscal year.
            int year = fiscal ? FiscalYearOf(reference, offset, FiscalYearConvention.April).Start.Year + (month <= 3 ? 1 : 0) : reference.Year + offset;
            AddMonthDay(results, text, m.Index, after, year, month, m.Groups[3].Success ? Number(m.Groups[3].Value) : 0);
        }

        foreach (Match m in MonthDay().Matches(folded))
        {
            int s = m.Index, e = m.Index + m.Length;
            if (!Free(s, e)) continue;
            char before = s > 0 ? folded[s - 1] : '\0';
            // A written year or another number before it (2025年3月, 1.3月, 第3月) belongs to another reading.
            if (ScanText.IsDigit(before) || before is '年' or '度' or '.' or '/' or '-' or '第' or '同' or '毎' or '〇' || "一二三四五六七八九十".Contains(before)) continue;
            char next = e < folded.Length ? folded[e] : '\0';
            if (!m.Groups[2].Success && next is '期' or '号' or '間' or '分' or '額' or '目' or '末' or '頃' && next != '末') continue;
            int month = Number(m.Groups[1].Value);
            if (month is < 1 or > 12) continue;
            int day = m.Groups[2].Success ? Number(m.Groups[2].Value) : 0;
            AddMonthDay(results, text, s, e, NearestYear(reference, month), month, day);
        }

        foreach (Match m in EnglishRelative().Matches(folded))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            var w = m.Groups[1].Value.ToLowerInvariant();
            int offset = w is "last" or "the previous" ? -1 : w is "next" or "the coming" ? 1 : 0;
            bool fiscal = m.Groups[2].Success;
            var (a, b) = fiscal ? FiscalYearOf(reference, offset, context.FiscalYear) : YearOf(reference.Year + offset);
            // "this year" as written: the match text starts at the relative word.
            Add(results, text, m.Index, m.Index + m.Length, a, b, fiscal ? DatePrecision.FiscalYear : DatePrecision.Year);
        }

        foreach (Match m in EnglishMonthDay().Matches(folded))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            int month = Array.IndexOf(MonthNames, m.Groups[1].Value[..3].ToLowerInvariant()) + 1;
            int day = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            AddMonthDay(results, text, m.Index, m.Index + m.Length, NearestYear(reference, month), month, day);
        }
        if (results.Count > written) results.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
    }

    private static void AddMonthDay(List<DateMatch> results, string text, int s, int e, int year, int month, int day)
    {
        if (year is < 1 or > 9998) return;
        if (day == 0)
        {
            var first = new DateOnly(year, month, 1);
            Add(results, text, s, e, first, first.AddMonths(1).AddDays(-1), DatePrecision.Month);
            return;
        }
        if (day > DateTime.DaysInMonth(year, month)) return;
        var d = new DateOnly(year, month, day);
        Add(results, text, s, e, d, d, DatePrecision.Day);
    }

    private static void Add(List<DateMatch> results, string text, int s, int e, DateOnly start, DateOnly end, DatePrecision precision) =>
        results.Add(new DateMatch(new CharSpan(s, e), text[s..e], start, end, precision, Inferred: true));

    private static (DateOnly Start, DateOnly End) YearOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The fiscal year <paramref name="offset"/> years from the one holding <paramref name="reference"/>.</summary>
    internal static (DateOnly Start, DateOnly End) FiscalYearOf(DateOnly reference, int offset, FiscalYearConvention convention)
    {
        int startMonth = convention == FiscalYearConvention.October ? 10 : 4;
        int startYear = reference.Month >= startMonth ? reference.Year : reference.Year - 1;
        var start = new DateOnly(startYear + offset, startMonth, 1);
        return (start, start.AddYears(1).AddDays(-1));
    }

    /// <summary>The year that puts the first of <paramref name="month"/> nearest the reference date.</summary>
    private static int NearestYear(DateOnly reference, int month)
    {
        int best = reference.Year;
        int bestDistance = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            int distance = Math.Abs(new DateOnly(y, month, 15).DayNumber - reference.DayNumber);
            if (distance < bestDistance) (best, bestDistance) = (y, distance);
        }
        return best;
    }

    private static int Number(string s)
    {
        if (s.Length > 0 && ScanText.IsDigit(s[0])) return int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        int value = 0, current = 0;
        foreach (char c in s)
        {
            int d = "〇一二三四五六七八九".IndexOf(c);
            if (c == '十') { value += (current == 0 ? 1 : current) * 10; current = 0; }
            else if (d >= 0) current = d;
        }
        return value + current;
    }
}
