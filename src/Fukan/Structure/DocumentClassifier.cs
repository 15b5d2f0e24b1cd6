using System.Globalization;
using System.Text.RegularExpressions;
using Fukan.Model;
using Fukan.Normalizing;
using Fukan.Reading;

namespace Fukan.Structure;

/// <summary>What a document is: kind, language, title and date, judged from its content.</summary>
public sealed record DocumentProfile(DocumentKind Kind, string Lang, bool Markdown, string Title, DateOnly? Date, string? DateText);

/// <summary>
/// Judges a document from its content. Minutes announce themselves (議事要旨, 会議録, 議事次第, 出席者 near the top);
/// articles carry front matter or a blog shape (markdown headings); reports have long numbered chapters.
/// Dates come from front matter, a minutes 日時 line (令和8年2月12日 → 2026-02-12), a publication line
/// (2023年3月), or the year in a report title; each keeps the precision it was written with.
/// </summary>
public sealed partial class DocumentClassifier
{
    private static readonly string[] MinutesWords = ["議事要旨", "議事録", "会議録", "議事次第", "議事概要", "出席者", "出席構成員", "出席委員", "開催日時", "議題", "欠席者",
        // Assembly and Diet minutes: rosters, the order of business and the sitting's opening.
        "出席議員", "欠席議員", "欠席委員", "説明のため出席", "出席説明員", "事務局職員", "議事日程", "会議に付した", "開議"];

    /// <summary>
    /// The header of a policy memorandum (MEMORANDUM FOR, SUBJECT:, FROM:, an OMB number M-15-14): a memo is a report,
    /// whatever its wrapping (front matter, an HTML page).
    /// </summary>
    [GeneratedRegex(@"^[\s#*_>]*(?:MEMORANDUM\s+FOR\b|SUBJECT\s*:|M-\d{2}-\d{2,3}\s*$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MemoHeaderLine();

    /// <summary>
    /// The apparatus of a Japanese government report or white paper: 第N章 / 第N節 / 第N部 headings (also glued to the end of
    /// a line), 図表N-N captions and （出典） lines.
    /// </summary>
    [GeneratedRegex(@"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[章節部]\s*[　 ]|^\s*(?:図表|図|表)\s*[0-9０-９]{1,2}[-－‐][0-9０-９]|^\s*[（(]出典[）)]", RegexOptions.Multiline)]
    private static partial Regex ReportApparatus();

    [GeneratedRegex(@"^\s*#{1,6}\s+\S", RegexOptions.Multiline)]
    private static partial Regex AtxLine();

    [GeneratedRegex(@"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\s+\S{1,40}\s*$", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex EraDate();

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex JaDate();

    [GeneratedRegex(@"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*$")]
    private static partial Regex PublicationLine();

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")]
    private static partial Regex IsoDate();

    /// <summary>Kind, language and whether markdown conventions apply, from the raw text.</summary>
    public (DocumentKind Kind, string Lang, bool Markdown) Classify(RawDocument doc)
    {
        var source = doc.Source;
        int first = doc.BodyStartLine;
        int bodyStart = first <= source.LineCount ? source.LineStart(first) : source.Text.Length;
        var body = source.Text.AsSpan(bodyStart);
        var head = body[..Math.Min(body.Length, 4000)];

        int minutes = 0;
        foreach (var w in MinutesWords) if (head.Contains(w, StringComparison.Ordinal)) minutes++;
        bool frontMatter = doc.Metadata.Count > 0;
        // Counted on the span: a copy of up to 400,000 characters per document bought nothing.
        var bodyText = body.Length > 400_000 ? body[..400_000] : body;
        int atx = LineStartMatchCounter.Count(AtxLine(), bodyText, static c => c == '#');
        int numbered = LineStartMatchCounter.Count(NumberedLine(), bodyText, char.IsDigit);
        bool markdown = doc.Format == "markdown" || doc.Format == "html" || atx >= 2 || (frontMatter && atx >= 1);

        int memo = 0;
        foreach (Match _ in MemoHeaderLine().Matches(head.ToString())) memo++;
        int apparatus = 0;
        foreach (Match _ in ReportApparatus().Matches(head.Length < 20_000 ? body[..Math.Min(body.Length, 20_000)].ToString() : head.ToString())) apparatus++;
        bool chapterFirst = FirstLineIsChapter(source, first);

        DocumentKind kind;
        if (minutes >= 2) kind = DocumentKind.Minutes;
        else if (memo >= 2) kind = DocumentKind.Report;
        else if (apparatus >= 2 || chapterFirst) kind = DocumentKind.Report;
        else if (frontMatter && (doc.Metadata.ContainsKey("title") || doc.Metadata.ContainsKey("date") || doc.Metadata.ContainsKey("layout"))) kind = DocumentKind.Article;
        else if (numbered >= 3 && (source.LineCount >= 800 || bodyText.Contains("国際比較", StringComparison.Ordinal) || bodyText.Contains("研究開発領域", StringComparison.Ordinal))) kind = DocumentKind.Report;
        else if (numbered >= 12) kind = DocumentKind.Report;
        else if (markdown && atx >= 2) kind = DocumentKind.Article;
        // A markdown news item: one headline and a dateline under it.
        else if (markdown && atx >= 1 && FromDateline(source, first).Item1 is not null) kind = DocumentKind.Article;
        // A news item or press release in plain text: a dateline among the first lines, no report or minutes apparatus.
        else if (FromDateline(source, first).Item1 is not null && source.LineCount - first < 400) kind = DocumentKind.Article;
        else kind = DocumentKind.Other;
        return (kind, DetectLanguage(body), markdown);
    }

    /// <summary>The first non-empty line opens a chapter or part (第1章 …, 第2部 …): a chapter of a report.</summary>
    private static bool FirstLineIsChapter(SourceText source, int first)
    {
        for (int l = first; l <= source.LineCount; l++)
        {
            var t = source.Line(l).Trim();
            if (t.IsEmpty) continue;
            var folded = TextFolding.Fold(t.ToString());
            return ChapterOpening().IsMatch(folded);
        }
        return false;
    }

    [GeneratedRegex(@"^第\s*[0-9一二三四五六七八九十]{1,3}\s*[章部]")]
    private static partial Regex ChapterOpening();

    private const byte CjkLetter = 1, LatinLetter = 2;

    /// <summary>
    /// What each UTF-16 code unit counts as for <see cref="DetectLanguage"/>: <see cref="CjkLetter"/>,
    /// <see cref="LatinLetter"/> or 0. A table read once per character instead of a chain of range tests over
    /// 300,000 characters per document; built on first use, read-only after.
    /// </summary>
    private static readonly Lazy<byte[]> LetterKinds = new(() =>
    {
        var kinds = new byte[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (TextFolding.IsCjk(ch)) kinds[c] = CjkLetter;
            else if (char.IsAsciiLetter(ch) || ch is >= 'Ａ' and <= 'ｚ') kinds[c] = LatinLetter;
        }
        return kinds;
    });

    /// <summary>ja, en or mixed, from the share of kana and ideographs among letters.</summary>
    public static string DetectLanguage(ReadOnlySpan<char> text)
    {
        long cjk = 0, latin = 0;
        int limit = Math.Min(text.Length, 300_000);
        var kinds = LetterKinds.Value;
        for (int i = 0; i < limit; i++)
        {
            byte kind = kinds[text[i]];
            cjk += kind & CjkLetter;
            latin += kind >> 1;
        }
        if (cjk + latin == 0) return "other";
        double share = cjk / (cjk + latin / 3.0);   // a Latin word of ~5 letters weighs like a couple of kanji
        return share >= 0.7 ? "ja" : share <= 0.15 ? "en" : "mixed";
    }

    /// <summary>
    /// Title and date, once the structure is known. A metadata date that is not a date (9999-99-99) is passed
    /// over with a line in <paramref name="warnings"/>.
    /// </summary>
    public (string Title, DateOnly? Date, string? DateText) Describe(RawDocument doc, DocumentKind kind, ICollection<string>? warnings = null)
    {
        var source = doc.Source;
        string? title = First(doc.Metadata, "title");
        if (title is not null && IsToolTitle(title)) title = null;
        // A memo's subject is its title, over a site's <title> or a file name.
        if (kind == DocumentKind.Report && MemoSubject(source, doc.BodyStartLine) is { } subject) title = subject;
        if (string.IsNullOrWhiteSpace(title))
        {
            for (int l = doc.BodyStartLine; l <= Math.Min(source.LineCount, doc.BodyStartLine + 40); l++)
            {
                var t = source.Line(l).Trim();
                if (t.IsEmpty) continue;
                var cleaned = HeadingRecognizer.CleanTitle(t.TrimStart('#').Trim());
                if (cleaned.Length is > 0 and <= 120) { title = cleaned; break; }
            }
        }
        if (string.IsNullOrWhiteSpace(title)) title = Path.GetFileNameWithoutExtension(doc.Path);

        var (date, text) = FromMetadata(doc.Metadata, warnings);
        if (date is null && kind == DocumentKind.Minutes) (date, text) = FromMinutes(source, doc.BodyStartLine);
        if (date is null) (date, text) = FromDateline(source, doc.BodyStartLine);
        if (date is null) (date, text) = FromPublicationLine(source, doc.BodyStartLine);
        if (date is null)
        {
            var m = YearInTitle().Match(title);
            if (m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is > 1900 and < 2200)
                (date, text) = (new DateOnly(y, 1, 1), y.ToString(CultureInfo.InvariantCulture));
        }
        return (LetterSpacing.Repair(title.Trim()), date, text);
    }

    /// <summary>A title set by the authoring tool, not the author: "Microsoft Word - plan (4).docx", a file path.</summary>
    private static bool IsToolTitle(string title)
    {
        var t = title.Trim();
        return t.StartsWith("Microsoft Word", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Microsoft PowerPoint", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".pptx", StringComparison.OrdinalIgnoreCase)
            || (t.Length > 2 && t[1] == ':' && t[2] == '\\') || t.StartsWith('/');
    }

    [GeneratedRegex(@"^[\s#*_>]*SUBJECT\s*:\s*(.+?)[\s*_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectLine();

    /// <summary>The text after SUBJECT: in a memo's header (the first 60 lines).</summary>
    internal static string? MemoSubject(SourceText source, int first)
    {
        for (int l = first; l <= Math.Min(source.LineCount, first + 60); l++)
        {
            var m = SubjectLine().Match(source.LineString(l));
            if (m.Success && m.Groups[1].Value.Trim().Length > 3) return m.Groups[1].Value.Trim();
        }
        return null;
    }

    private static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> meta, string key) =>
        meta.TryGetValue(key, out var v) && v.Count > 0 ? v[0] : null;

    private static (DateOnly?, string?) FromMetadata(IReadOnlyDictionary<string, IReadOnlyList<string>> meta, ICollection<string>? warnings)
    {
        foreach (var key in new[] { "date", "published", "pubDate", "created", "pdf.creationDate" })
        {
            var v = First(meta, key);
            if (string.IsNullOrWhiteSpace(v)) continue;
            var s = v.Trim();
            if (s.StartsWith("D:", StringComparison.Ordinal) && s.Length >= 10) s = $"{s[2..6]}-{s[6..8]}-{s[8..10]}";
            var m = IsoDate().Match(s);
            if (m.Success)
            {
                int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                int mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                if (y < 1 || mo is < 1 or > 12) { warnings?.Add($"metadata {key} '{v.Trim()}' is not a valid date; ignored"); continue; }
                if (m.Groups[3].Success)
                {
                    int d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                    if (d < 1 || d > DateTime.DaysInMonth(y, mo)) { warnings?.Add($"metadata {key} '{v.Trim()}' is not a valid date; ignored"); continue; }
                    var date = new DateOnly(y, mo, d);
                    return (date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                return (new DateOnly(y, mo, 1), $"{y:D4}-{mo:D2}");
            }
            var ja = ParseJapaneseDate(s);
            if (ja is not null) return (ja, ja.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return (null, null);
    }

    private static (DateOnly?, string?) FromMinutes(SourceText source, int first)
    {
        for (int l = first; l <= Math.Min(source.LineCount, first + 60); l++)
        {
            var line = source.LineString(l);
            var folded = TextFolding.Fold(line);
            if (!(folded.Contains("日時", StringComparison.Ordinal) || folded.Contains("開催日", StringComparison.Ordinal) || folded.TrimStart().StartsWith("日 時", StringComparison.Ordinal))) continue;
            var date = ParseJapaneseDate(folded);
            if (date is not null) return (date, date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return (null, null);
    }

    /// <summary>A dateline near the top: a line that is only a full date (2026年5月12日（火）, 令和8年5月12日 公開).</summary>
    private static readonly Fukan.Extraction.Dates.DateParser Dates = new();

    /// <summary>How many non-empty lines from the top may hold a dateline (title, issuer and date come first).</summary>
    private const int DatelineZone = 12;

    /// <summary>
    /// The date of a dateline near the top (令和7年8月29日 文部科学省, 2025年4月15日 エネルギー総合研究会,
    /// Published: March 12, 2025, Date: 2025-06-30); see <see cref="Fukan.Extraction.Dates.Dateline"/>.
    /// </summary>
    private static (DateOnly?, string?) FromDateline(SourceText source, int first)
    {
        int seen = 0;
        for (int l = first; l <= source.LineCount && seen < DatelineZone; l++)
        {
            // #### June 10, 2015: a memo's date set as a markdown heading.
            var line = source.Line(l).Trim().TrimStart('#').Trim();
            if (line.IsEmpty) continue;
            seen++;
            if (line.Length > Fukan.Extraction.Dates.Dateline.MaxLength) continue;
            if (Fukan.Extraction.Dates.Dateline.Find(line.ToString(), Dates) is { Start: { } date })
                return (date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return (null, null);
    }

    private static (DateOnly?, string?) FromPublicationLine(SourceText source, int first)
    {
        int limit = Math.Min(source.LineCount, first + Math.Max(300, source.LineCount / 20));
        for (int l = first; l <= limit; l++)
        {
            var m = PublicationLine().Match(TextFolding.Fold(source.Line(l)));
            if (!m.Success) continue;
            int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (y is > 1900 and < 2200 && mo is >= 1 and <= 12) return (new DateOnly(y, mo, 1), $"{y:D4}-{mo:D2}");
        }
        return (null, null);
    }

    /// <summary>令和8年2月12日 or 2026年2月12日 anywhere in <paramref name="text"/> (already width-folded).</summary>
    internal static DateOnly? ParseJapaneseDate(string text)
    {
        var m = EraDate().Match(text);
        if (m.Success)
        {
            int ey = m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            return JapaneseEra.ToDate(m.Groups[1].Value, ey, int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture));
        }
        m = JaDate().Match(text);
        if (m.Success)
        {
            int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DateOnly(y, mo, d);
        }
        return null;
    }
}
