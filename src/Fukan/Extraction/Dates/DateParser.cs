using System.Buffers;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Dates;

/// <summary>
/// Finds absolute and fuzzy dates in a string and gives each the first and last day it covers and a precision:
/// ISO dates and timestamps (2026-01-20 00:18:29), Japanese dates (2021年11月, 令和8年2月12日, 二〇二三年), fiscal
/// years (2022年度, 平成23年度, FY2025: April to March), halves and quarters (2025年後半, 2025年上期, 第3四半期, H2 2025,
/// Q3 2025), decades (2020年代), periods (2020年1月～2023年6月, 2021–2035年, 2021年から2025年にかけて), open ends
/// (2030年以降, 2030年過ぎ, 2025年まで, by 2027, since 2020) and English month names (March 2024, March 5, 2024).
/// A date that does not exist (2023年13月, 2月30日) yields nothing.
/// </summary>
/// <remarks>
/// Conventions: まで / by / until close the end (start null, end = last day, precision open); 以降 / 以後 / 以来 /
/// から / since open the end from the first day; 過ぎ / after open it from the day after. A bare four-digit year
/// counts only with an English preposition (in 2025), in a year range, or in parentheses ((2013～2022)), so titles
/// such as "Roadmap 2025" are not dates. One instance is immutable and reusable; the scan is linear.
/// </remarks>
public sealed class DateParser
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789令平昭大明同〇一二三四五六七八九");

    private static readonly string[] Eras = ["令和", "平成", "昭和", "大正", "明治"];

    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("January", 1), ("February", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6), ("July", 7),
        ("August", 8), ("September", 9), ("October", 10), ("November", 11), ("December", 12),
        ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sept", 9), ("Sep", 9),
        ("Oct", 10), ("Nov", 11), ("Dec", 12),
    ];

    private enum Open { None, Start, After, End, Before }

    private static readonly (string Word, Open Kind)[] EnglishPrepositions =
    [
        // Longer phrases first: "by the end of 2026" closes the end; "end of 2026" alone is the year.
        ("no later than", Open.End), ("not later than", Open.End),
        ("by the end of", Open.End), ("by end of", Open.End), ("until the end of", Open.End), ("before the end of", Open.End),
        ("starting in", Open.Start), ("beginning in", Open.Start), ("starting from", Open.Start), ("starting", Open.Start),
        ("by", Open.End), ("until", Open.End), ("till", Open.End), ("through", Open.End), ("up to", Open.End),
        ("since", Open.Start), ("from", Open.Start), ("after", Open.After), ("before", Open.Before), ("prior to", Open.Before),
        ("in", Open.None), ("during", Open.None), ("circa", Open.None), ("early", Open.None), ("mid", Open.None),
        ("late", Open.None), ("end of", Open.None), ("as of", Open.None), ("between", Open.None),
    ];

    private static readonly (string Word, Open Kind)[] JapaneseSuffixes =
    [
        ("以降", Open.Start), ("以後", Open.Start), ("以来", Open.Start), ("過ぎ", Open.After), ("すぎ", Open.After), ("以前", Open.End),
        ("までに", Open.End), ("まで", Open.End), ("迄", Open.End), ("頃", Open.None), ("ごろ", Open.None), ("ころ", Open.None),
    ];

    /// <summary>
    /// English words naming a part of a year: "the first half of 2027" (half), "the third quarter of 2025" (quarter),
    /// "early / mid / late 2024" (January–April, May–August, September–December: a period).
    /// </summary>
    private static readonly (string Phrase, int Months, int Index)[] YearParts =
    [
        ("first half of", 6, 1), ("second half of", 6, 2), ("first quarter of", 3, 1), ("second quarter of", 3, 2),
        ("third quarter of", 3, 3), ("fourth quarter of", 3, 4), ("early", 4, 1), ("mid", 4, 2), ("late", 4, 3),
    ];

    private enum Shape { Japanese, Iso, English, BareYear }

    private enum Read { None, Malformed, Ok }

    /// <summary>One date before combination into ranges and open ends.</summary>
    private readonly record struct Point(int Start, int End, DateOnly First, DateOnly Last, DatePrecision Precision, Shape Shape);

    /// <summary>The dates in <paramref name="text"/>, in order, not overlapping.</summary>
    public IReadOnlyList<DateMatch> Parse(string text) => Parse(text, DateContext.None);

    /// <summary>
    /// The dates in <paramref name="text"/>, in order, not overlapping; with <paramref name="context"/>'s reference date
    /// also those whose year is not written (3月20日, 昨年度, last year; marked inferred), and English fiscal years under
    /// the context's convention.
    /// </summary>
    public IReadOnlyList<DateMatch> Parse(string text, DateContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var results = new List<DateMatch>();
        if (text.Length == 0) return results;
        string folded = ScanText.Fold(text);
        ParseWritten(text, folded, results);
        if (context.FiscalYear == FiscalYearConvention.October) ToOctoberFiscalYears(results);
        if (context.Reference is not null) InferredDates.Add(text, folded, results, context);
        return results;
    }

    /// <summary>
    /// English fiscal years (FY 2018, fiscal year 2018) under the US federal convention: named by the year they end in,
    /// October to September. Japanese 年度 keeps April.
    /// </summary>
    private static void ToOctoberFiscalYears(List<DateMatch> results)
    {
        for (int i = 0; i < results.Count; i++)
        {
            var m = results[i];
            if (m.Text.Contains('年') || !(m.Text.Contains("FY", StringComparison.Ordinal) || m.Text.Contains("fiscal", StringComparison.OrdinalIgnoreCase))) continue;
            DateOnly? start = m.Start, end = m.End;
            if (start is { Month: 4, Day: 1 } s) start = new DateOnly(s.Year - 1, 10, 1);
            if (end is { Month: 3, Day: 31 } e) end = new DateOnly(e.Year - 1, 9, 30);
            else if (end is { Month: 12, Day: 31 } e2 && m.Precision == DatePrecision.Period) end = new DateOnly(e2.Year, 9, 30);
            results[i] = m with { Start = start, End = end };
        }
    }

    private static void ParseWritten(string text, string folded, List<DateMatch> results)
    {
        var f = folded.AsSpan();
        int i = 0, floor = 0;
        int lastYear = 0;
        while (i < f.Length)
        {
            int rel = f[i..].IndexOfAny(Triggers);
            if (rel < 0) break;
            i += rel;
            int next = ParseAt(text, f, i, floor, ref lastYear, out var match);
            if (match is not null)
            {
                results.Add(match);
                floor = match.Span.End;
            }
            i = Math.Max(next, i + 1);
        }
    }

    private static int ParseAt(string text, ReadOnlySpan<char> f, int i, int floor, ref int lastYear, out DateMatch? match)
    {
        match = null;
        var r = ReadPoint(f, i, floor, lastYear, null, out var p, out int skip);
        if (r != Read.Ok) return skip;
        lastYear = p.First.Year;

        int start = p.Start, end = p.End;
        DateOnly? first = p.First, last = p.Last;
        var precision = p.Precision;
        bool ranged = false, opened = false;

        // A range: 2020年1月～2023年6月, 2021–2035年, 2021年から2025年にかけて, (2013～2022), from 2020 to 2025.
        int rs = ScanText.SkipBlank(f, end);
        int sepLength = 0;
        bool kara = false;
        if (rs < f.Length)
        {
            if (ScanText.IsRangeSeparator(f[rs])) sepLength = 1;
            else if (ScanText.At(f, rs, "から")) { sepLength = 2; kara = true; }
            else if (rs > end && (ScanText.StartsWithWord(f, rs, "to") || ScanText.StartsWithWord(f, rs, "and"))) sepLength = f[rs] == 't' ? 2 : 3;
        }
        if (sepLength > 0)
        {
            int r2 = ScanText.SkipBlank(f, rs + sepLength);
            if (r2 < f.Length && ReadPoint(f, r2, -1, lastYear, p, out var q, out _) == Read.Ok && q.Last >= p.First
                && !(f[rs] == '-' && p.Shape == Shape.Iso))
            {
                last = q.Last;
                end = q.End;
                // 2016～2027年度: the left year is a fiscal year too.
                if (p.Shape == Shape.BareYear && q.Precision == DatePrecision.FiscalYear) first = new DateOnly(p.First.Year, 4, 1);
                precision = DatePrecision.Period;
                ranged = true;
                lastYear = q.Last.Year;
                if (p.Shape == Shape.BareYear && q.Shape == Shape.BareYear && !Parenthesised(f, start, end) && !PrepositionBefore(f, start, floor, out _, out _))
                    return q.End;
                foreach (var tail in (ReadOnlySpan<string>)["にかけて", "までの間", "までに", "まで", "の間"])
                {
                    if (!ScanText.At(f, end, tail)) continue;
                    end += tail.Length;
                    break;
                }
            }
            else if (!kara && sepLength == 1 && ScanText.IsRangeSeparator(f[rs]) && f[rs] != '-' && ClosesAfter(f, rs + 1))
            {
                // (2021～): from 2021 on.
                end = rs + 1;
                last = null;
                precision = DatePrecision.Open;
                opened = true;
            }
            else if (kara)
            {
                end = rs + 2;
                last = null;
                precision = DatePrecision.Open;
                opened = true;
            }
        }

        if (!ranged && !opened)
        {
            for (int round = 0; round < 2 && !opened; round++)
            {
                bool found = false;
                foreach (var (w, kind) in JapaneseSuffixes)
                {
                    if (!ScanText.At(f, end, w)) continue;
                    end += w.Length;
                    opened = Apply(kind, p, ref first, ref last, ref precision);
                    found = true;
                    break; // 2035年ごろまで: ごろ, then まで
                }
                if (!found) break;
            }
        }

        if (!ranged && !opened && start - 1 >= Math.Max(floor, 0) && f[start - 1] == ScanText.Wave
            && (start - 2 < 0 || !ScanText.IsAsciiLetterOrDigit(f[start - 2])))
        {
            // (～2023年): up to 2023.
            start--;
            first = null;
            precision = DatePrecision.Open;
            opened = true;
        }

        bool parted = false;
        if (!ranged && !opened && precision == DatePrecision.Year && YearPartBefore(f, start, floor, p.First.Year, out var pf, out var pl, out var pp, out int ps))
        {
            // the first half of 2027, late 2024: a part of the year.
            start = ps;
            first = pf;
            last = pl;
            precision = pp;
            parted = true;
        }

        bool preposition = PrepositionBefore(f, start, floor, out var prepKind, out int prepStart);
        if (!ranged && !opened && preposition && prepKind != Open.None)
        {
            start = prepStart;
            opened = Apply(prepKind, p, ref first, ref last, ref precision);
        }
        else if (ranged && preposition && prepKind is Open.Start && f[prepStart] is 'f' or 'F')
        {
            start = prepStart; // "from 2020 to 2025" keeps its "from"
        }

        if (p.Shape == Shape.BareYear && !ranged && !opened && !preposition && !parted && !(Parenthesised(f, start, end) && AloneInParentheses(f, start, end)))
            return end;

        match = new DateMatch(new CharSpan(start, end), text[start..end], first, last, precision);
        return end;
    }

    private static bool Apply(Open kind, Point p, ref DateOnly? first, ref DateOnly? last, ref DatePrecision precision)
    {
        switch (kind)
        {
            case Open.Start: last = null; break;
            case Open.After: first = p.Last.AddDays(1); last = null; break;
            case Open.End: first = null; break;
            case Open.Before: last = p.First.AddDays(-1); first = null; break;
            default: return false;
        }
        precision = DatePrecision.Open;
        return true;
    }

    private static bool ClosesAfter(ReadOnlySpan<char> f, int i)
    {
        int a = ScanText.SkipBlank(f, i);
        return a >= f.Length || f[a] is ')' or '）' or ']' or '、' or ',' or '。' or '\n' or '\r';
    }

    private static bool Parenthesised(ReadOnlySpan<char> f, int start, int end)
    {
        int b = start > 0 && ScanText.IsBlank(f[start - 1]) ? start - 1 : start;
        int a = ScanText.SkipBlank(f, end);
        // A line start or end counts as a bracket: a year range alone on a line is a period.
        bool open = b == 0 || f[b - 1] is '(' or '（' or '[' or '、' or ',' or '/' or '\n' or '\r';
        bool close = a >= f.Length || f[a] is ')' or '）' or ']' or '、' or ',' or '/' or '\n' or '\r';
        return open && close;
    }

    private static bool AloneInParentheses(ReadOnlySpan<char> f, int start, int end)
    {
        int b = start > 0 && ScanText.IsBlank(f[start - 1]) ? start - 1 : start;
        int a = ScanText.SkipBlank(f, end);
        return b > 0 && f[b - 1] is '(' or '（' && a < f.Length && f[a] is ')' or '）';
    }

    private static bool YearPartBefore(ReadOnlySpan<char> f, int start, int floor, int year, out DateOnly first, out DateOnly last,
        out DatePrecision precision, out int partStart)
    {
        first = last = default;
        precision = DatePrecision.Year;
        partStart = start;
        int b = start;
        if (b > 0 && f[b - 1] == '-') b--; // mid-2025
        else if (b > 0 && ScanText.IsBlank(f[b - 1])) b--;
        else return false;
        foreach (var (w, months, index) in YearParts)
        {
            if (b - w.Length < Math.Max(floor, 0) || !ScanText.EndsWithWord(f, b, w)) continue;
            first = new DateOnly(year, 1 + (index - 1) * months, 1);
            last = first.AddMonths(months).AddDays(-1);
            precision = months == 6 ? DatePrecision.Half : months == 3 ? DatePrecision.Quarter : DatePrecision.Period;
            partStart = b - w.Length;
            return true;
        }
        return false;
    }

    private static bool PrepositionBefore(ReadOnlySpan<char> f, int start, int floor, out Open kind, out int prepStart)
    {
        kind = Open.None;
        prepStart = start;
        int b = start;
        if (b > 0 && f[b - 1] == '-') b--; // mid-2025
        else if (b > 0 && ScanText.IsBlank(f[b - 1])) b--;
        else return false;
        foreach (var (w, k) in EnglishPrepositions)
        {
            if (b - w.Length < Math.Max(floor, 0) || !ScanText.EndsWithWord(f, b, w)) continue;
            kind = k;
            prepStart = b - w.Length;
            return true;
        }
        return false;
    }

    /// <summary>Reads one date at <paramref name="i"/>. <paramref name="inherit"/> is the left end of a range, whose year
    /// a bare month on the right (2020年1月～6月) takes.</summary>
    private static Read ReadPoint(ReadOnlySpan<char> f, int i, int floor, int lastYear, Point? inherit, out Point p, out int skip)
    {
        p = default;
        skip = i + 1;
        char c = f[i];
        if (c == '同')
        {
            // 同年8月, 同8月: the year last named.
            if (lastYear == 0) return Read.None;
            int k = i + 1;
            if (k < f.Length && f[k] == '年') return ReadAfterYear(f, i, k + 1, lastYear, out p, out skip, allowBare: true);
            return ReadMonthDay(f, i, k, lastYear, out p, out skip, requireMonth: true);
        }
        foreach (var era in Eras)
        {
            if (!ScanText.At(f, i, era)) continue;
            int k = ScanText.SkipBlank(f, i + 2);
            int n;
            int e;
            if (k < f.Length && f[k] == '元') { n = 1; e = k + 1; }
            // 平成30年, 平成三十年 (minutes of the Diet write numbers in kanji).
            else if (!ReadSmallIntOrKanji(f, k, out n, out e)) return Read.None;
            e = ScanText.SkipBlank(f, e);
            if (e >= f.Length || f[e] != '年') { skip = e; return Read.None; }
            int? year = JapaneseEra.ToGregorianYear(era, n);
            if (year is null) { skip = e + 1; return Read.Malformed; }
            var r = ReadAfterYear(f, i, e + 1, year.Value, out p, out skip, allowBare: true);
            if (r == Read.Ok && p.Precision == DatePrecision.Day && JapaneseEra.ToDate(era, n, p.First.Month, p.First.Day) is null)
                return Read.Malformed; // 令和1年4月1日: before 令和 began
            return r;
        }
        if (NumberReader.IsKanjiDigit(c))
        {
            // 二〇二三年: a positional kanji year.
            if (i > 0 && (NumberReader.IsKanjiNumeral(f[i - 1]) || f[i - 1] is '数' or '第')) return Read.None;
            int k = i;
            int y = 0;
            while (k < f.Length && NumberReader.IsKanjiDigit(f[k]) && k - i < 5) y = y * 10 + NumberReader.KanjiDigit(f[k++]);
            skip = k;
            if (k - i != 4 || y < 1000 || k >= f.Length || f[k] != '年') return Read.None;
            return ReadAfterYear(f, i, k + 1, y, out p, out skip, allowBare: true);
        }
        if (!ScanText.IsDigit(c)) return Read.None;

        int j = i;
        while (j < f.Length && ScanText.IsDigit(f[j])) j++;
        int len = j - i;
        skip = j;
        if (j + 1 < f.Length && f[j] is '.' or ',' && ScanText.IsDigit(f[j + 1])) { skip = SkipNumber(f, j); return Read.None; }
        int value = len <= 9 ? ParseInt(f[i..j]) : -1;
        char prev = i > 0 ? f[i - 1] : '\0';
        char prev2 = i > 1 ? f[i - 2] : '\0';

        if (floor >= 0 && i > 0)
        {
            if (ScanText.IsAsciiLetter(prev))
            {
                // Q3 2025, H2 2025, FY2025; anything else glued to letters is a name (N2, Battery500).
                if (prev is 'Q' or 'H' && len == 1 && !ScanText.IsAsciiLetter(prev2) && !ScanText.IsDigit(prev2))
                    return ReadQuarterOrHalfThenYear(f, i - 1, j, prev == 'Q', value, out p, out skip);
                if (len == 4 && ScanText.Before(f, i, "FY") && (i < 3 || !(ScanText.IsAsciiLetterOrDigit(f[i - 3]) || f[i - 3] is '-' or '_' or ScanText.Dash)))
                    return FiscalYear(i - 2, j, value, out p, out skip);
                return Read.None;
            }
            if (prev == ' ' && len == 4 && ScanText.Before(f, i - 1, "FY") && (i < 4 || !ScanText.IsAsciiLetterOrDigit(f[i - 4])))
                return FiscalYear(i - 3, j, value, out p, out skip);
            // fiscal year (FY) 2016: the abbreviation in parentheses between the words and the year.
            if (prev == ' ' && len == 4 && ScanText.Before(f, i - 1, "(FY)"))
            {
                int s0 = i - 5;
                if (s0 > 0 && ScanText.EndsWithWord(f, s0 - 1, "fiscal year")) s0 -= 12;
                return FiscalYear(s0, j, value, out p, out skip);
            }
            // fiscal 2024, fiscal year 2024: the April fiscal year, as FY2024.
            if (prev == ' ' && len == 4 && (j >= f.Length || !ScanText.IsAsciiLetterOrDigit(f[j])))
            {
                if (ScanText.EndsWithWord(f, i - 1, "fiscal year")) return FiscalYear(i - 12, j, value, out p, out skip);
                if (ScanText.EndsWithWord(f, i - 1, "fiscal")) return FiscalYear(i - 7, j, value, out p, out skip);
            }
            if (ScanText.IsDigit(prev) || prev is '.' or '_' or '/' or '#' or '第' or '図' or '表' or '数') return Read.None;
            // 10:2025 and ref:2024 are no dates; after a Japanese label's colon (発行日：2024年12月1日, folded to ':') it is one.
            if (prev == ':' && (ScanText.IsAsciiLetterOrDigit(prev2) || prev2 == ':')) return Read.None;
            if (prev is '-' or ScanText.Dash && ScanText.IsAsciiLetterOrDigit(prev2) && !ScanText.EndsWithWord(f, i - 1, "mid"))
                return Read.None; // CRDS-2022, 1.2.4–11; mid-2027 is a date
        }

        if (len == 4 && value is >= 1000 and <= 2999)
        {
            int k = ScanText.SkipBlank(f, j);
            // ISO: 2026-01-20, 2026/01/20, 2025-03, with an optional time and zone.
            if (j < f.Length && f[j] is '-' or '/' && j + 1 < f.Length && ScanText.IsDigit(f[j + 1]))
            {
                var iso = ReadIso(f, i, j, value, out p, out skip);
                if (iso != Read.None) return iso;
            }
            if (k < f.Length && f[k] == '年') return ReadAfterYear(f, i, k + 1, value, out p, out skip, allowBare: true);
            if (ScanText.At(f, k, "会計年度") || ScanText.At(f, k, "年度"))
            {
                int e = k + (f[k] == '会' ? 4 : 2);
                return FiscalYear(i, e, value, out p, out skip);
            }
            if (value < 1800 || value > 2199) return Read.None;
            // Month 2024, Month 5, 2024 are read from the month name back.
            if (MonthNameBefore(f, i, out int month, out int ms, out bool withDay, out int day, floor))
            {
                if (withDay)
                {
                    if (!ValidDay(value, month, day)) { skip = j; return Read.Malformed; }
                    var d = new DateOnly(value, month, day);
                    p = new Point(ms, j, d, d, DatePrecision.Day, Shape.English);
                }
                else if (MonthBeforeRange(f, ms, floor, out int m0, out int rs) && m0 < month)
                    // April–June 2026, between April and June 2026: the left month takes the right one's year.
                    p = new Point(rs, j, new DateOnly(value, m0, 1), LastOfMonth(value, month), DatePrecision.Period, Shape.English);
                else p = new Point(ms, j, new DateOnly(value, month, 1), LastOfMonth(value, month), DatePrecision.Month, Shape.English);
                skip = j;
                return Read.Ok;
            }
            if (j < f.Length && (ScanText.IsAsciiLetterOrDigit(f[j]) || f[j] is '%' or '+')) return Read.None;
            // 2025 Q3, 2025 H2.
            if (k > j && k + 1 < f.Length && f[k] is 'Q' or 'H' && ScanText.IsDigit(f[k + 1]) && (k + 2 == f.Length || !ScanText.IsAsciiLetterOrDigit(f[k + 2])))
            {
                int n = f[k + 1] - '0';
                if (PartOfYear(value, f[k] == 'Q', n, out var a, out var b))
                {
                    p = new Point(i, k + 2, a, b, f[k] == 'Q' ? DatePrecision.Quarter : DatePrecision.Half, Shape.English);
                    skip = k + 2;
                    return Read.Ok;
                }
            }
            p = new Point(i, j, new DateOnly(value, 1, 1), new DateOnly(value, 12, 31), DatePrecision.Year, Shape.BareYear);
            return Read.Ok;
        }

        if (len <= 2 && ScanText.At(f, ScanText.SkipBlank(f, j), "世紀") && value >= 1)
        {
            // 19世紀: 1801–1900; 20世紀後半: 1951–2000.
            int e = ScanText.SkipBlank(f, j) + 2;
            int from = (value - 1) * 100 + 1, to = value * 100;
            if (ScanText.At(f, e, "前半")) { to = from + 49; e += 2; }
            else if (ScanText.At(f, e, "後半")) { from += 50; e += 2; }
            p = new Point(i, e, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31), DatePrecision.Period, Shape.Japanese);
            skip = e;
            return Read.Ok;
        }
        if (len <= 2)
        {
            // 3Q 2025, 2H 2025.
            if (j < f.Length && f[j] is 'Q' or 'H' && (j + 1 == f.Length || !ScanText.IsAsciiLetter(f[j + 1])))
            {
                int y0 = ScanText.SkipBlank(f, j + 1);
                if (ReadYear4(f, y0, out int y, out int ye) && PartOfYear(y, f[j] == 'Q', value, out var a, out var b))
                {
                    p = new Point(i, ye, a, b, f[j] == 'Q' ? DatePrecision.Quarter : DatePrecision.Half, Shape.English);
                    skip = ye;
                    return Read.Ok;
                }
            }
            // 5 March 2024.
            int m0 = ScanText.SkipBlank(f, j);
            if (m0 > j && MonthNameAt(f, m0, out int month, out int me))
            {
                int y0 = ScanText.SkipBlank(f, me);
                if (y0 < f.Length && f[y0] == ',') y0 = ScanText.SkipBlank(f, y0 + 1);
                if (ReadYear4(f, y0, out int y, out int ye))
                {
                    skip = ye;
                    if (!ValidDay(y, month, value)) return Read.Malformed;
                    var d = new DateOnly(y, month, value);
                    p = new Point(i, ye, d, d, DatePrecision.Day, Shape.English);
                    return Read.Ok;
                }
            }
            // 2021～25年度: the right end of a year range may drop the century.
            if (inherit is Point ly && ly.Precision is DatePrecision.Year && ly.Shape is Shape.BareYear or Shape.Japanese && i > 0
                && ScanText.IsRangeSeparator(f[i - 1]) && len == 2)
            {
                int u = ScanText.SkipBlank(f, j);
                if (u < f.Length && f[u] == '年' && !ScanText.At(f, u, "年間"))
                {
                    int full = ly.First.Year / 100 * 100 + value;
                    if (full < ly.First.Year) full += 100;
                    var r = ReadAfterYear(f, i, u + 1, full, out p, out skip, allowBare: true);
                    if (r == Read.Ok) return r;
                    return Read.None;
                }
            }
            // The right end of a range may drop the year: 2020年1月～6月, 3月1日～15日.
            if (inherit is Point left && left.Shape == Shape.Japanese)
            {
                if (left.Precision is DatePrecision.Month or DatePrecision.Day)
                {
                    var r = ReadMonthDay(f, i, i, left.First.Year, out p, out skip, requireMonth: false, dayMonth: left.Precision == DatePrecision.Day ? left.First.Month : 0);
                    if (r == Read.Ok && (p.Precision == left.Precision || left.Precision == DatePrecision.Day)) return r;
                    return Read.None;
                }
            }
        }
        return Read.None;
    }

    private static Read FiscalYear(int start, int end, int year, out Point p, out int skip)
    {
        p = default;
        skip = end;
        if (year is < 1000 or > 2998) return Read.None;
        p = new Point(start, end, new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31), DatePrecision.FiscalYear, Shape.Japanese);
        return Read.Ok;
    }

    private static Read ReadQuarterOrHalfThenYear(ReadOnlySpan<char> f, int start, int digitEnd, bool quarter, int n, out Point p, out int skip)
    {
        p = default;
        skip = digitEnd;
        int y0 = ScanText.SkipBlank(f, digitEnd);
        bool fy = false;
        if (ScanText.At(f, y0, "FY")) { fy = true; y0 = ScanText.SkipBlank(f, y0 + 2); }
        if (!ReadYear4(f, y0, out int y, out int ye)) return Read.None;
        skip = ye;
        DateOnly a, b;
        if (fy)
        {
            // Q1 FY2025 is April–June 2025 under the April fiscal year.
            if (quarter ? n is < 1 or > 4 : n is < 1 or > 2) return Read.Malformed;
            int months = quarter ? 3 : 6;
            a = new DateOnly(y, 4, 1).AddMonths((n - 1) * months);
            b = a.AddMonths(months).AddDays(-1);
        }
        else if (!PartOfYear(y, quarter, n, out a, out b)) return Read.Malformed;
        p = new Point(start, ye, a, b, quarter ? DatePrecision.Quarter : DatePrecision.Half, Shape.English);
        return Read.Ok;
    }

    private static Read ReadIso(ReadOnlySpan<char> f, int i, int j, int year, out Point p, out int skip)
    {
        p = default;
        skip = j;
        char sep = f[j];
        if (!ReadSmallInt(f, j + 1, 2, out int month, out int me)) return Read.None;
        if (me < f.Length && ScanText.IsDigit(f[me])) return Read.None; // 2021-2035
        if (me < f.Length && f[me] == sep && me + 1 < f.Length && ScanText.IsDigit(f[me + 1]))
        {
            if (!ReadSmallInt(f, me + 1, 2, out int day, out int de) || (de < f.Length && ScanText.IsDigit(f[de]))) return Read.None;
            skip = de;
            if (!ValidDay(year, month, day)) return Read.Malformed;
            int end = ReadTime(f, de);
            var d = new DateOnly(year, month, day);
            p = new Point(i, end, d, d, DatePrecision.Day, Shape.Iso);
            skip = end;
            return Read.Ok;
        }
        // 2025-03 or 2025/03: a month, only with two month digits (2020-21 is a fiscal span, not a month).
        if (me - (j + 1) != 2 || (me < f.Length && (ScanText.IsAsciiLetter(f[me]) || f[me] is '-' or '/' or '.'))) return Read.None;
        if (month is < 1 or > 12) return Read.None;
        p = new Point(i, me, new DateOnly(year, month, 1), LastOfMonth(year, month), DatePrecision.Month, Shape.Iso);
        skip = me;
        return Read.Ok;
    }

    /// <summary>Skips " 00:18:29", "T09:30", " +0000", "Z" after an ISO date; returns the new end.</summary>
    private static int ReadTime(ReadOnlySpan<char> f, int i)
    {
        int k = i;
        if (k < f.Length && f[k] is ' ' or 'T') k++;
        else return i;
        if (!(ReadSmallInt(f, k, 2, out int h, out int e) && e - k == 2 && e < f.Length && f[e] == ':' && h < 24)) return i;
        if (!(ReadSmallInt(f, e + 1, 2, out int mi, out int e2) && e2 - e - 1 == 2 && mi < 60)) return i;
        int end = e2;
        if (end + 2 < f.Length && f[end] == ':' && ReadSmallInt(f, end + 1, 2, out _, out int e3) && e3 - end - 1 == 2) end = e3;
        if (end < f.Length && f[end] == 'Z') return end + 1;
        int z = end < f.Length && f[end] == ' ' ? end + 1 : end;
        if (z < f.Length && f[z] is '+' or '-' or ScanText.Dash)
        {
            int d = z + 1;
            while (d < f.Length && (ScanText.IsDigit(f[d]) || f[d] == ':') && d - z <= 6) d++;
            if (d - z - 1 >= 4) return d;
        }
        return end;
    }

    /// <summary>What follows 年: 度, 代, a month and day, a half, a quarter, or nothing.</summary>
    private static Read ReadAfterYear(ReadOnlySpan<char> f, int start, int k, int year, out Point p, out int skip, bool allowBare)
    {
        p = default;
        skip = k;
        if (year is < 1000 or > 2998) return Read.None;
        if (ScanText.At(f, k, "度") || ScanText.At(f, k, "会計年度"))
        {
            int e = k + (f[k] == '度' ? 1 : 4);
            var a = new DateOnly(year, 4, 1);
            // 2026年度末: March of the next year; 年度初め / 年度当初: April.
            if (EdgeAt(f, e, out bool atEnd, out int ee))
            {
                var m = atEnd ? new DateOnly(year + 1, 3, 1) : a;
                p = new Point(start, ee, m, LastOfMonth(m.Year, m.Month), DatePrecision.Month, Shape.Japanese);
                skip = ee;
                return Read.Ok;
            }
            // 2025年度上期 / 下期 / 第1四半期: halves and quarters of the April fiscal year.
            if (HalfAt(f, e, out bool second, out int he))
            {
                var s = second ? a.AddMonths(6) : a;
                p = new Point(start, he, s, s.AddMonths(6).AddDays(-1), DatePrecision.Half, Shape.Japanese);
                skip = he;
                return Read.Ok;
            }
            if (QuarterAt(f, e, out int qn, out int qe))
            {
                skip = qe;
                if (qn is < 1 or > 4) return Read.Malformed;
                var s = a.AddMonths((qn - 1) * 3);
                p = new Point(start, qe, s, s.AddMonths(3).AddDays(-1), DatePrecision.Quarter, Shape.Japanese);
                return Read.Ok;
            }
            p = new Point(start, e, a, new DateOnly(year + 1, 3, 31), DatePrecision.FiscalYear, Shape.Japanese);
            skip = e;
            return Read.Ok;
        }
        if (EdgeAt(f, k, out bool yearEnd, out int ye2))
        {
            // 2025年末: December; 2025年初め / 年初 / 年始: January.
            int m = yearEnd ? 12 : 1;
            p = new Point(start, ye2, new DateOnly(year, m, 1), LastOfMonth(year, m), DatePrecision.Month, Shape.Japanese);
            skip = ye2;
            return Read.Ok;
        }
        if (ScanText.At(f, k, "代"))
        {
            if (year % 10 != 0) return Read.None;
            int e = k + 1;
            int from = year, to = year + 9;
            if (ScanText.At(f, e, "前半")) { to = year + 4; e += 2; }
            else if (ScanText.At(f, e, "後半")) { from = year + 5; e += 2; }
            // 2000年代半ば: the middle of the decade, its fourth to seventh years.
            else if (ScanText.At(f, e, "半ば")) { from = year + 3; to = year + 6; e += 2; }
            p = new Point(start, e, new DateOnly(from, 1, 1), new DateOnly(to, 12, 31), DatePrecision.Period, Shape.Japanese);
            skip = e;
            return Read.Ok;
        }
        int m0 = ScanText.SkipBlank(f, k);
        if (m0 < f.Length && (ScanText.IsDigit(f[m0]) || NumberReader.IsKanjiNumeral(f[m0])))
        {
            var r = ReadMonthDay(f, start, m0, year, out p, out skip, requireMonth: true);
            if (r != Read.None) return r;
        }
        if (HalfAt(f, k, out bool h2, out int hend))
        {
            var s = new DateOnly(year, h2 ? 7 : 1, 1);
            p = new Point(start, hend, s, s.AddMonths(6).AddDays(-1), DatePrecision.Half, Shape.Japanese);
            skip = hend;
            return Read.Ok;
        }
        int q0 = ScanText.SkipBlank(f, k);
        if (QuarterAt(f, q0, out int q, out int qend))
        {
            skip = qend;
            if (!PartOfYear(year, true, q, out var a, out var b)) return Read.Malformed;
            p = new Point(start, qend, a, b, DatePrecision.Quarter, Shape.Japanese);
            return Read.Ok;
        }
        if (!allowBare) return Read.None;
        p = new Point(start, k, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year, Shape.Japanese);
        skip = k;
        return Read.Ok;
    }

    /// <summary>M月[D日] (or D日 alone when <paramref name="dayMonth"/> is set) of <paramref name="year"/>.</summary>
    private static Read ReadMonthDay(ReadOnlySpan<char> f, int start, int k, int year, out Point p, out int skip, bool requireMonth, int dayMonth = 0)
    {
        p = default;
        skip = k;
        if (!ReadSmallIntOrKanji(f, k, out int n, out int e)) return Read.None;
        int u = ScanText.SkipBlank(f, e);
        if (u < f.Length && f[u] == '月')
        {
            int month = n;
            skip = u + 1;
            if (month is < 1 or > 12) return Read.Malformed;
            int d0 = ScanText.SkipBlank(f, u + 1);
            if (ReadSmallIntOrKanji(f, d0, out int day, out int de))
            {
                int du = ScanText.SkipBlank(f, de);
                if (du < f.Length && f[du] == '日')
                {
                    skip = du + 1;
                    if (!ValidDay(year, month, day)) return Read.Malformed;
                    var d = new DateOnly(year, month, day);
                    p = new Point(start, du + 1, d, d, DatePrecision.Day, Shape.Japanese);
                    return Read.Ok;
                }
            }
            int a = u + 1;
            // 2025年9月末: the last day of the month; 月初 / 月初め: the first.
            if (EdgeAt(f, a, out bool monthEnd, out int me2))
            {
                var d = monthEnd ? LastOfMonth(year, month) : new DateOnly(year, month, 1);
                p = new Point(start, me2, d, d, DatePrecision.Day, Shape.Japanese);
                skip = me2;
                return Read.Ok;
            }
            // 2025年3月期: the fiscal year that ends with that month (April 2024 – March 2025).
            if (a < f.Length && f[a] == '期' && (a + 1 == f.Length || f[a + 1] != '間'))
            {
                var last = LastOfMonth(year, month);
                var first = new DateOnly(year, month, 1).AddMonths(-11);
                p = new Point(start, a + 1, first, last, DatePrecision.FiscalYear, Shape.Japanese);
                skip = a + 1;
                return Read.Ok;
            }
            // 3月上旬 / 中旬 / 下旬: the first, middle or last third of the month.
            if (a + 1 < f.Length && f[a + 1] == '旬' && f[a] is '上' or '中' or '下')
            {
                int from = f[a] == '上' ? 1 : f[a] == '中' ? 11 : 21;
                int to = f[a] == '上' ? 10 : f[a] == '中' ? 20 : DateTime.DaysInMonth(year, month);
                p = new Point(start, a + 2, new DateOnly(year, month, from), new DateOnly(year, month, to), DatePrecision.Period, Shape.Japanese);
                skip = a + 2;
                return Read.Ok;
            }
            p = new Point(start, u + 1, new DateOnly(year, month, 1), LastOfMonth(year, month), DatePrecision.Month, Shape.Japanese);
            return Read.Ok;
        }
        if (!requireMonth && dayMonth > 0 && u < f.Length && f[u] == '日')
        {
            skip = u + 1;
            if (!ValidDay(year, dayMonth, n)) return Read.Malformed;
            var d = new DateOnly(year, dayMonth, n);
            p = new Point(start, u + 1, d, d, DatePrecision.Day, Shape.Japanese);
            return Read.Ok;
        }
        return Read.None;
    }

    /// <summary>末 (the end), or 初め / 初頭 / 当初 / 初 / 始 (the start) at <paramref name="k"/>; 末端 and 初期 are other words.</summary>
    private static bool EdgeAt(ReadOnlySpan<char> f, int k, out bool atEnd, out int end)
    {
        atEnd = false;
        end = k;
        if (k >= f.Length) return false;
        char next = k + 1 < f.Length ? f[k + 1] : '\0';
        if (f[k] == '末' && next is not ('端' or '尾' or '期' or '梢'))
        {
            atEnd = true;
            end = k + 1;
            return true;
        }
        foreach (var w in (ReadOnlySpan<string>)["初め", "初頭", "当初", "始め"])
        {
            if (!ScanText.At(f, k, w)) continue;
            end = k + w.Length;
            return true;
        }
        return false;
    }

    private static bool HalfAt(ReadOnlySpan<char> f, int k, out bool second, out int end)
    {
        second = false;
        end = k;
        foreach (var (w, s) in (ReadOnlySpan<(string, bool)>)[("上半期", false), ("下半期", true), ("上期", false), ("下期", true), ("前半", false), ("後半", true)])
        {
            if (!ScanText.At(f, k, w)) continue;
            second = s;
            end = k + w.Length;
            return true;
        }
        int q = ScanText.SkipBlank(f, k);
        // 2025年H2 / 1H.
        if (q + 1 < f.Length && f[q] == 'H' && f[q + 1] is '1' or '2' && (q + 2 == f.Length || !ScanText.IsAsciiLetterOrDigit(f[q + 2])))
        {
            second = f[q + 1] == '2';
            end = q + 2;
            return true;
        }
        return false;
    }

    private static bool QuarterAt(ReadOnlySpan<char> f, int k, out int n, out int end)
    {
        n = 0;
        end = k;
        // 第3四半期, 第3Q, Q3, 3Q.
        if (k < f.Length && f[k] == '第' && k + 1 < f.Length && ReadSmallIntOrKanji(f, k + 1, out n, out int e))
        {
            if (ScanText.At(f, e, "四半期")) { end = e + 3; return true; }
            if (e < f.Length && f[e] == 'Q') { end = e + 1; return true; }
            return false;
        }
        if (k + 1 < f.Length && f[k] == 'Q' && ScanText.IsDigit(f[k + 1]) && (k + 2 == f.Length || !ScanText.IsAsciiLetterOrDigit(f[k + 2])))
        {
            n = f[k + 1] - '0';
            end = k + 2;
            return true;
        }
        if (k + 1 < f.Length && ScanText.IsDigit(f[k]) && f[k + 1] == 'Q' && (k + 2 == f.Length || !ScanText.IsAsciiLetterOrDigit(f[k + 2])))
        {
            n = f[k] - '0';
            end = k + 2;
            return true;
        }
        return false;
    }

    private static bool PartOfYear(int year, bool quarter, int n, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (year is < 1 or > 9998) return false;
        if (quarter ? n is < 1 or > 4 : n is < 1 or > 2) return false;
        int months = quarter ? 3 : 6;
        first = new DateOnly(year, 1 + (n - 1) * months, 1);
        last = first.AddMonths(months).AddDays(-1);
        return true;
    }

    private static bool MonthNameBefore(ReadOnlySpan<char> f, int yearStart, out int month, out int start, out bool withDay, out int day, int floor)
    {
        month = day = 0;
        start = yearStart;
        withDay = false;
        int b = yearStart;
        if (b == 0 || !ScanText.IsBlank(f[b - 1])) return false;
        b--;
        int dayEnd = b;
        if (b > 0 && f[b - 1] == ',') { b--; dayEnd = b; }
        // March 5, 2024: a day between the month and the year.
        int d = dayEnd;
        while (d > 0 && ScanText.IsDigit(f[d - 1]) && dayEnd - d < 2) d--;
        if (d < dayEnd && d > 0 && ScanText.IsBlank(f[d - 1]))
        {
            int mEnd = d - 1;
            if (MonthNameEndingAt(f, mEnd, out month, out int ms) && ms >= Math.Max(floor, 0))
            {
                day = ParseInt(f[d..dayEnd]);
                withDay = true;
                start = ms;
                return true;
            }
        }
        if (MonthNameEndingAt(f, yearStart - 1, out month, out int s2) && s2 >= Math.Max(floor, 0))
        {
            start = s2;
            return true;
        }
        return false;
    }

    /// <summary>"April – " / "April to " / "April and " just before <paramref name="monthStart"/>: the left month of a range.</summary>
    private static bool MonthBeforeRange(ReadOnlySpan<char> f, int monthStart, int floor, out int month, out int start)
    {
        month = 0;
        start = monthStart;
        int b = monthStart;
        if (b > 0 && ScanText.IsBlank(f[b - 1])) b--;
        if (b > 0 && f[b - 1] is '-' or ScanText.Dash or ScanText.Wave) b--;
        else if (ScanText.EndsWithWord(f, b, "to") || ScanText.EndsWithWord(f, b, "through")) b -= ScanText.EndsWithWord(f, b, "to") ? 2 : 7;
        else if (ScanText.EndsWithWord(f, b, "and") && ScanText.EndsWithWord(f, Math.Max(0, LeftWordStart(f, b - 3)), "between")) b -= 3;
        else return false;
        if (b > 0 && ScanText.IsBlank(f[b - 1])) b--;
        if (!MonthNameEndingAt(f, b, out month, out int ms) || ms < Math.Max(floor, 0)) return false;
        start = ms;
        if (ms > 0 && ScanText.IsBlank(f[ms - 1]) && ScanText.EndsWithWord(f, ms - 1, "between") && ms - 8 >= Math.Max(floor, 0)) start = ms - 8;
        return true;
    }

    /// <summary>The start of the word ending a blank before <paramref name="end"/> (for "between April and").</summary>
    private static int LeftWordStart(ReadOnlySpan<char> f, int end)
    {
        int k = end;
        if (k > 0 && ScanText.IsBlank(f[k - 1])) k--;
        while (k > 0 && ScanText.IsAsciiLetter(f[k - 1])) k--;
        return k > 0 && ScanText.IsBlank(f[k - 1]) ? k - 1 : k;
    }

    private static bool MonthNameEndingAt(ReadOnlySpan<char> f, int end, out int month, out int start)
    {
        month = 0;
        start = end;
        int e = end > 0 && f[end - 1] == '.' ? end - 1 : end;
        foreach (var (name, m) in MonthNames)
        {
            if (!ScanText.EndsWithWord(f, e, name)) continue;
            if (!char.IsUpper(f[e - name.Length])) continue;
            month = m;
            start = e - name.Length;
            return true;
        }
        return false;
    }

    private static bool MonthNameAt(ReadOnlySpan<char> f, int i, out int month, out int end)
    {
        month = 0;
        end = i;
        if (i >= f.Length || !char.IsUpper(f[i])) return false;
        foreach (var (name, m) in MonthNames)
        {
            if (!ScanText.StartsWithWord(f, i, name)) continue;
            month = m;
            end = i + name.Length;
            if (end < f.Length && f[end] == '.') end++;
            return true;
        }
        return false;
    }

    private static bool ReadYear4(ReadOnlySpan<char> f, int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (i + 4 > f.Length) return false;
        for (int k = i; k < i + 4; k++) if (!ScanText.IsDigit(f[k])) return false;
        if (i + 4 < f.Length && ScanText.IsAsciiLetterOrDigit(f[i + 4])) return false;
        year = ParseInt(f.Slice(i, 4));
        end = i + 4;
        return year is >= 1800 and <= 2199;
    }

    private static bool ReadSmallInt(ReadOnlySpan<char> f, int i, int maxDigits, out int value, out int end)
    {
        value = 0;
        end = i;
        while (end < f.Length && ScanText.IsDigit(f[end]) && end - i < maxDigits) value = value * 10 + (f[end++] - '0');
        return end > i;
    }

    private static bool ReadSmallIntOrKanji(ReadOnlySpan<char> f, int i, out int value, out int end)
    {
        if (ReadSmallInt(f, i, 2, out value, out end))
            return end >= f.Length || !ScanText.IsDigit(f[end]);
        if (i < f.Length && NumberReader.IsKanjiNumeral(f[i]) && NumberReader.TryReadKanji(f, i, out var tok) && tok.Value <= 99)
        {
            value = (int)tok.Value;
            end = tok.End;
            return true;
        }
        value = 0;
        end = i;
        return false;
    }

    private static int SkipNumber(ReadOnlySpan<char> f, int i)
    {
        int j = i;
        while (j < f.Length && (ScanText.IsDigit(f[j]) || (f[j] is '.' or ',' && j + 1 < f.Length && ScanText.IsDigit(f[j + 1])))) j++;
        return j;
    }

    private static int ParseInt(ReadOnlySpan<char> digits)
    {
        int v = 0;
        foreach (char ch in digits) v = v * 10 + (ch - '0');
        return v;
    }

    private static bool ValidDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static DateOnly LastOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
