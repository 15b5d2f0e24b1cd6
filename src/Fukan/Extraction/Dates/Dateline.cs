namespace Fukan.Extraction.Dates;

/// <summary>
/// A line that dates its document rather than saying something happened: a day-precise date with nothing but a
/// label before it (<c>Date:</c>, <c>Published:</c>, 日時：, 発行日：) and a weekday, a time or a publishing word
/// after it (<c>日時：令和8年2月12日（木）16時30分～18時30分</c>, <c>Published: March 12, 2025</c>), or a date followed
/// only by who issued the document (<c>令和7年8月29日 文部科学省 研究振興局</c>, <c>2025年4月15日 エネルギー総合研究会</c>).
/// A schedule line (<c>2025年12月15日：サンプル出荷開始</c>) is not one: its date is followed by a separator and a deed.
/// The document classifier dates documents by such lines; the event extractor does not make milestones of them.
/// </summary>
public static class Dateline
{
    /// <summary>Longest line considered; datelines are short.</summary>
    public const int MaxLength = 80;

    /// <summary>Longest issuer after an unlabelled date (an organisation and its unit, or a person).</summary>
    private const int MaxIssuer = 30;

    private static readonly string[] Labels =
    [
        "date", "dated", "published", "updated", "last updated", "posted", "issued", "released", "as of",
        "日付", "日時", "開催日時", "開催日", "発行日", "公表日", "公開日", "作成日", "更新日", "掲載日", "発表日", "配信日", "最終更新日",
    ];

    private static readonly string[] PublishingWords = ["公開", "更新", "発行", "掲載", "発表", "現在", "時点", "版"];

    /// <summary>
    /// True when <paramref name="text"/> is a dateline whose date is the day-precise date at
    /// [<paramref name="dateStart"/>, <paramref name="dateEnd"/>).
    /// </summary>
    public static bool Is(ReadOnlySpan<char> text, int dateStart, int dateEnd)
    {
        if (text.Length > MaxLength || dateStart < 0 || dateEnd > text.Length || dateStart >= dateEnd) return false;
        var before = text[..dateStart].Trim();
        bool labelled = false;
        if (before.Length > 0)
        {
            if (before[^1] is not (':' or '：')) return false;
            if (!IsLabel(before[..^1].Trim().TrimStart("-・*#■●◆ ").Trim())) return false;
            labelled = true;
        }
        var rest = SkipDecorations(text[dateEnd..]);
        if (rest.Length == 0) return true;
        if (labelled) return false;
        return IsIssuer(rest);
    }

    /// <summary>The dateline date of <paramref name="line"/>, or null when the line is not a dateline.</summary>
    public static DateMatch? Find(string line, DateParser parser)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(parser);
        if (line.Length == 0 || line.Length > MaxLength) return null;
        foreach (var d in parser.Parse(line))
        {
            if (d.Precision != DatePrecision.Day) continue;
            return Is(line, d.Span.Start, d.Span.End) ? d : null;
        }
        return null;
    }

    private static bool IsLabel(ReadOnlySpan<char> label)
    {
        foreach (var l in Labels)
            if (label.Equals(l, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>What may follow a date on a dateline: a weekday in brackets, times and ranges, a publishing word.</summary>
    private static ReadOnlySpan<char> SkipDecorations(ReadOnlySpan<char> rest)
    {
        while (true)
        {
            rest = rest.TrimStart();
            if (rest.Length == 0) return rest;
            if (rest[0] is '（' or '(')
            {
                int close = rest.IndexOfAny('）', ')');
                if (close is > 0 and <= 5 && IsWeekday(rest[1..close])) { rest = rest[(close + 1)..]; continue; }
                return rest;
            }
            int time = 0;
            while (time < rest.Length && (char.IsAsciiDigit(rest[time]) || rest[time] is >= '０' and <= '９'
                       or ':' or '：' or '時' or '分' or '～' or '〜' or '~' or '-' or '–' or '—' or ' ' or '　'))
                time++;
            // A time needs a digit: a separator alone ("：サンプル出荷開始") stays for the issuer test to refuse.
            if (time > 0 && (rest[..time].ContainsAnyInRange('0', '9') || rest[..time].ContainsAnyInRange('０', '９')))
            {
                rest = rest[time..];
                continue;
            }
            bool skipped = false;
            foreach (var w in PublishingWords)
                if (rest.StartsWith(w, StringComparison.Ordinal)) { rest = rest[w.Length..]; skipped = true; break; }
            if (!skipped) return rest;
        }
    }

    private static bool IsWeekday(ReadOnlySpan<char> s) =>
        s.Length == 1 ? "月火水木金土日".Contains(s[0]) :
        s.Length == 3 && "Mon Tue Wed Thu Fri Sat Sun".Contains(s, StringComparison.OrdinalIgnoreCase) ||
        s.Length == 2 && s[1] == '曜' || s.Length == 3 && s[1] == '曜' && s[2] == '日';

    /// <summary>An issuer: a short name with no sentence in it and no separator before it.</summary>
    private static bool IsIssuer(ReadOnlySpan<char> rest)
    {
        if (rest.Length > MaxIssuer) return false;
        if (rest[0] is ':' or '：' or '、' or ',' or '，' or '.' or '。' or '-' or '—' or '–' or '・' or '〜' or '～' or '(' or '（') return false;
        foreach (char c in rest)
            if (c is '。' or '.' or '!' or '?' or '！' or '？' or '、' or ',' || char.IsAsciiDigit(c)) return false;
        return true;
    }
}
