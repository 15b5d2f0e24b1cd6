namespace Fukan.Normalizing;

/// <summary>
/// Japanese era names (和暦) and their first days, for turning 令和8年 into 2026. An era year N maps to
/// Gregorian year <c>FirstYear + N - 1</c>; 元年 is year 1.
/// </summary>
public static class JapaneseEra
{
    private static readonly (string Name, string Alphabetic, DateOnly Start)[] Eras =
    [
        ("令和", "R", new DateOnly(2019, 5, 1)),
        ("平成", "H", new DateOnly(1989, 1, 8)),
        ("昭和", "S", new DateOnly(1926, 12, 25)),
        ("大正", "T", new DateOnly(1912, 7, 30)),
        ("明治", "M", new DateOnly(1868, 1, 25)),
    ];

    /// <summary>Era names this class knows, longest first (all are two characters).</summary>
    public static IEnumerable<string> Names => Eras.Select(e => e.Name);

    /// <summary>The Gregorian year of era year <paramref name="eraYear"/>, or null for an unknown era or a year below 1.</summary>
    public static int? ToGregorianYear(ReadOnlySpan<char> era, int eraYear)
    {
        if (eraYear < 1) return null;
        foreach (var e in Eras)
            if (era.SequenceEqual(e.Name) || era.SequenceEqual(e.Alphabetic))
                return e.Start.Year + eraYear - 1;
        return null;
    }

    /// <summary>
    /// The Gregorian date of era date (era, year, month, day), or null when it does not exist (2月30日) or falls
    /// before the era began (令和1年4月1日 is a typo: 令和 began 2019-05-01).
    /// </summary>
    public static DateOnly? ToDate(ReadOnlySpan<char> era, int eraYear, int month, int day)
    {
        int? year = ToGregorianYear(era, eraYear);
        if (year is null || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month)) return null;
        var date = new DateOnly(year.Value, month, day);
        foreach (var e in Eras)
            if (era.SequenceEqual(e.Name) || era.SequenceEqual(e.Alphabetic))
                return date >= e.Start ? date : null;
        return null;
    }
}
