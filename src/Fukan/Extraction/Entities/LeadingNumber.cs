namespace Fukan.Extraction.Entities;

/// <summary>
/// Measures the date or amount a pattern stem starts with, so a name never starts with one. Lines joined into one
/// passage glue a dateline to the name below it (令和7年11月7日 + 株式会社…, 令和7年8月29日 + 文部科学省), and an
/// amount before a programme word is a description (1兆円基金), not a name. Works on folded text (ASCII digits).
/// </summary>
internal static class LeadingNumber
{
    private static readonly string[] Eras = ["令和", "平成", "昭和", "大正"];

    // Date units, longest first so 年度 wins over 年.
    private static readonly string[] DateUnits = ["年度", "年", "月", "日"];

    // Amount units written right after a number: 1兆円, 3,200億, 5千万.
    private const string AmountUnits = "万億兆千百円";

    /// <summary>
    /// How many characters of <paramref name="stem"/> are a leading date (2025年, 令和7年8月29日, 平成元年度) or
    /// amount (1兆円, 850億); 0 when it starts with neither. Numbers followed by anything else (5G, 2nm) are kept.
    /// </summary>
    public static int Length(ReadOnlySpan<char> stem)
    {
        int i = 0;
        while (i < stem.Length)
        {
            int j = SkipEra(stem, i);
            bool era = j > i;
            int k = SkipNumber(stem, j, era);
            if (k == j) break;
            int unit = UnitLength(stem[k..]);
            if (unit == 0) break;
            i = k + unit;
        }
        return i;
    }

    private static int SkipEra(ReadOnlySpan<char> s, int i)
    {
        foreach (var era in Eras)
            if (s[i..].StartsWith(era, StringComparison.Ordinal)) return i + era.Length;
        return i;
    }

    // ASCII digits with , and . inside; after an era also 元 (the first year) and kanji numerals (令和七年).
    private static int SkipNumber(ReadOnlySpan<char> s, int i, bool era)
    {
        int k = i;
        while (k < s.Length && (char.IsAsciiDigit(s[k]) || (k > i && s[k] is ',' or '.' && k + 1 < s.Length && char.IsAsciiDigit(s[k + 1])))) k++;
        if (k == i && era)
            while (k < s.Length && s[k] is '元' or '〇' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十') k++;
        return k;
    }

    private static int UnitLength(ReadOnlySpan<char> rest)
    {
        foreach (var unit in DateUnits)
            if (rest.StartsWith(unit, StringComparison.Ordinal)) return unit.Length;
        int n = 0;
        while (n < rest.Length && AmountUnits.Contains(rest[n])) n++;
        return n;
    }
}
