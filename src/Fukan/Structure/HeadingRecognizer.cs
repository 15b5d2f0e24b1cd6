using System.Buffers;
using System.Text.RegularExpressions;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Structure;

/// <summary>
/// Recognises heading candidates line by line from their shape alone: numbering, brackets, markers, length.
/// Whether a candidate really is a heading (numbering in sequence, not a listing, not a wrapped sentence) is the
/// <see cref="SectionTreeBuilder"/>'s call.
/// </summary>
public sealed partial class HeadingRecognizer
{
    private static readonly SearchValues<char> TitleBadEnds = SearchValues.Create("。．.、，,;；");
    private static readonly SearchValues<char> TitleBadStarts = SearchValues.Create("%％)）]］」』、。，,.．:：;；-–—~～/／+＋*＊=＝<>＜＞°℃・•");
    private static readonly string[] UnitStarts =
        ["nm", "mm", "cm", "km", "μm", "um", "ghz", "mhz", "khz", "hz", "kw", "mw", "gw", "tw", "wh", "mah", "kg", "mg", "ppm", "ppb", "ev", "kv", "mv", "v ", "k ", "倍", "年", "月", "日", "万", "億", "兆", "個", "名", "件", "社", "人", "回", "分", "秒", "時間", "円", "ドル", "ユーロ", "%", "％"];
    private static readonly string[] BlockWords =
        ["議事次第", "議事概要", "議事要旨", "議事録", "議題", "議事", "出席者", "出席構成員", "出席委員", "出席", "欠席者", "欠席", "配布資料", "配付資料", "資料", "オブザーバー", "陪席"];

    [GeneratedRegex(@"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")]
    private static partial Regex AtxRegex();

    [GeneratedRegex(@"\s*<a\s[^>]*>\s*</a>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAnchor();

    [GeneratedRegex(@"^(?:M-\d{2}-\d{2,3}|(?:FROM|From|SUBJECT|Subject|TO|MEMORANDUM FOR|Memorandum for|THROUGH|CC)\s*:?\s.*|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4})\s*$")]
    private static partial Regex MemoHeaderTitle();

    /// <summary>
    /// A memo's header set as a heading (### M-15-14, ### From: …, ## SUBJECT: …, #### June 10, 2015): metadata of the
    /// memo, not a section of it.
    /// </summary>
    public static bool IsMemoHeader(string title) => MemoHeaderTitle().IsMatch(title.Trim('*', '_', ' '));

    [GeneratedRegex(@"^(?:(?<kw>Section|SECTION|Part|PART|Chapter|CHAPTER|Appendix|APPENDIX|Attachment|ATTACHMENT|Annex|ANNEX)\s+(?<n>[0-9]{1,2}|[A-Z]|[IVX]{1,4})\b\s*(?:[–—:.-]\s*)?(?<t>.*)|(?<letter>[A-H])\.\s+(?<t2>[A-Z][A-Za-z,'’()&/ -]{3,90})|(?<word>Purpose|Background|Scope|Scope and Applicability|Applicability|Policy|Objectives|Introduction|Summary|Conclusion|Definitions|Requirements|Implementation|Responsibilities|Authority|Discussion|Recommendations))\s*$")]
    private static partial Regex EnglishHeadingLine();

    /// <summary>
    /// A heading line of an English report without markup (a memo's PDF): Section 1 – The Fund, APPENDIX A, A. Guidance to
    /// Agencies …, or a memo's usual section word alone on its line (Background, Purpose). Level 1 for appendices,
    /// attachments, parts and lettered divisions; 2 for sections and section words.
    /// </summary>
    public static HeadingCandidate? RecognizeEnglish(SourceText source, int line)
    {
        var text = source.Line(line).Trim();
        if (text.IsEmpty || text.Length > 100 || text[^1] is '.' or ',' or ';' or ':') return null;
        foreach (char ch in text) if (TextFolding.IsCjk(ch)) return null;
        var m = EnglishHeadingLine().Match(text.ToString());
        if (!m.Success) return null;
        if (m.Groups["word"].Success) return new HeadingCandidate(HeadingStyle.Atx, line, null, null, m.Groups["word"].Value, 2);
        if (m.Groups["letter"].Success)
            return new HeadingCandidate(HeadingStyle.Atx, line, null, m.Groups["letter"].Value + ".", CleanTitle(m.Groups["t2"].Value), 1);
        var kw = m.Groups["kw"].Value;
        var title = CleanTitle(m.Groups["t"].Value);
        int level = kw is "Section" or "SECTION" ? 2 : 1;
        string label = $"{kw} {m.Groups["n"].Value}";
        return new HeadingCandidate(HeadingStyle.Atx, line, null, label, title.Length == 0 ? label : title, level);
    }

    [GeneratedRegex(@"^([0-9]{1,2}(?:\.[0-9]{1,2}){1,4})\.?(?:[ \t]+|(?=[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]))(\S.*)$")]
    private static partial Regex DottedRegex();

    [GeneratedRegex(@"^([0-9]{1,2})\.?[ \t]+(\S.*)$")]
    private static partial Regex BareRegex();

    [GeneratedRegex(@"^(?:第([0-9]{1,2}|[一二三四五六七八九十]{1,3})([章部編])|付録[ \t]*([0-9]{1,2}))[ \t]*(\S.*)?$")]
    private static partial Regex ChapterRegex();

    [GeneratedRegex(@"^\(\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*\)[ \t]*(\S.*)$")]
    private static partial Regex ParenRegex();

    /// <summary>The candidate on <paramref name="line"/>, or null.</summary>
    public HeadingCandidate? Recognize(SourceText source, int line, bool markdownDocument) =>
        Recognize(source, line, markdownDocument, minutesBlocks: true);

    /// <summary>
    /// The candidate on <paramref name="line"/>, or null. With <paramref name="minutesBlocks"/> false, minutes block
    /// and side headings are not looked for (the caller discards them outside minutes), so a line that starts with
    /// none of the heading marks is refused on its first character, without folding it.
    /// </summary>
    public HeadingCandidate? Recognize(SourceText source, int line, bool markdownDocument, bool minutesBlocks)
    {
        var raw = source.Line(line);
        var text = raw.Trim();
        // ## Title <a id="x"></a>: an inline anchor is markup, not part of the heading (nor of its length).
        if (text.Length > 0 && text[0] == '#' && text.IndexOf("<a ", StringComparison.OrdinalIgnoreCase) > 0)
            text = InlineAnchor().Replace(text.ToString(), "").AsSpan().Trim();
        if (text.IsEmpty || text.Length > 120) return null;
        char f0 = TextFolding.Fold(text[0]);
        if (!minutesBlocks && !MayStartHeading(f0, text[0])) return null;
        var folded = TextFolding.Fold(text);   // same length: offsets into text hold

        if (folded[0] == '#')
        {
            var m = AtxRegex().Match(folded);
            if (m.Success)
            {
                var title = CleanTitle(text.Slice(m.Groups[2].Index, m.Groups[2].Length));
                return title.Length == 0 ? null : new HeadingCandidate(HeadingStyle.Atx, line, null, null, title, m.Groups[1].Length);
            }
            return null;
        }

        if (folded[0] == '(')
        {
            var m = ParenRegex().Match(folded);
            if (!m.Success) return null;
            var title = CleanTitle(text.Slice(m.Groups[2].Index, m.Groups[2].Length));
            if (!PlausibleTitle(title, 30)) return null;
            int n = ParseNumber(m.Groups[1].Value);
            return new HeadingCandidate(HeadingStyle.Paren, line, [n], $"({n})", title);
        }

        char c0 = text[0];
        if (c0 is '［' or '【' or '[')
        {
            char close = c0 switch { '［' => '］', '【' => '】', _ => ']' };
            int end = text.IndexOf(close);
            if (end < 2) return null;
            var rest = text[(end + 1)..].Trim();
            if (!rest.IsEmpty) return null;           // 【日本】 alone is a heading; 【注】 text… is not
            if (c0 == '[' && markdownDocument) return null; // a markdown link, not a heading
            var title = CleanTitle(text[..(end + 1)]);
            return title.Length > 42 ? null : new HeadingCandidate(HeadingStyle.Bracket, line, null, null, title);
        }
        if (c0 is '■' or '□' or '◆')
        {
            var title = CleanTitle(text[1..]);
            return PlausibleTitle(title, 40) ? new HeadingCandidate(HeadingStyle.Bracket, line, null, null, title) : null;
        }
        if (c0 == '●')
        {
            var title = CleanTitle(text[1..]);
            return PlausibleTitle(title, 32) && title.IndexOf('「') < 0 ? new HeadingCandidate(HeadingStyle.Bullet, line, null, null, title) : null;
        }

        if (char.IsAsciiDigit(folded[0]) && !markdownDocument)
        {
            var m = DottedRegex().Match(folded);
            if (m.Success)
            {
                var title = CleanTitle(text.Slice(m.Groups[2].Index, m.Groups[2].Length));
                var numbers = ParseDotted(m.Groups[1].Value);
                if (numbers is not null && PlausibleTitle(title, 48) && !StartsWithUnit(title))
                    return new HeadingCandidate(HeadingStyle.Dotted, line, numbers, m.Groups[1].Value, title);
                return null;
            }
            m = BareRegex().Match(folded);
            if (m.Success)
            {
                var title = CleanTitle(text.Slice(m.Groups[2].Index, m.Groups[2].Length));
                int n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (n >= 1 && PlausibleTitle(title, 44) && !StartsWithUnit(title) && !title.Contains("http", StringComparison.OrdinalIgnoreCase))
                    return new HeadingCandidate(HeadingStyle.Bare, line, [n], n.ToString(System.Globalization.CultureInfo.InvariantCulture), title);
            }
            return null;
        }
        if (folded[0] is '第' or '付')
        {
            var m = ChapterRegex().Match(folded);
            if (m.Success)
            {
                int n = m.Groups[1].Success ? ParseNumber(m.Groups[1].Value) : ParseNumber(m.Groups[3].Value);
                var title = m.Groups[4].Success ? CleanTitle(text.Slice(m.Groups[4].Index, m.Groups[4].Length)) : "";
                if (n >= 1 && (title.Length == 0 || PlausibleTitle(title, 40)))
                {
                    string marker = m.Groups[3].Success ? $"付録{n}" : $"第{n}{m.Groups[2].Value}";
                    // 第N節 is a second-level heading; chapters, parts and appendices are top level.
                    return new HeadingCandidate(HeadingStyle.Bare, line, m.Groups[2].Value == "節" ? null : [n], marker, title.Length == 0 ? marker : title);
                }
            }
        }

        if (!minutesBlocks) return null;
        // Minutes blocks: the block word alone on its line, perhaps with a colon.
        var word = folded.TrimEnd(':').TrimEnd();
        foreach (var b in BlockWords)
            if (word == b) return new HeadingCandidate(HeadingStyle.Block, line, null, null, b);
        if (text.Length <= 24 && (folded.EndsWith("主な御発言") || folded.EndsWith("主な発言") || folded.EndsWith("主な意見") || folded.EndsWith("からの発言")))
            return new HeadingCandidate(HeadingStyle.Side, line, null, null, CleanTitle(text));
        return null;
    }

    /// <summary>
    /// Whether a line whose first character is <paramref name="raw"/> (folded: <paramref name="folded"/>) can be
    /// anything but a minutes block: the marks the checks of <see cref="Recognize(SourceText, int, bool, bool)"/> test first.
    /// </summary>
    private static bool MayStartHeading(char folded, char raw) =>
        folded is '#' or '(' or '第' or '付' || char.IsAsciiDigit(folded) || raw is '［' or '【' or '[' or '■' or '□' or '◆' or '●';

    /// <summary>A heading title: tabs and runs of spaces folded to one space, markdown emphasis removed, trailing footnote digits kept.</summary>
    internal static string CleanTitle(ReadOnlySpan<char> title)
    {
        var sb = new System.Text.StringBuilder(title.Length);
        bool space = false;
        for (int i = 0; i < title.Length; i++)
        {
            char c = title[i];
            if (c is '*' or '_' && i + 1 < title.Length && title[i + 1] == c) { i++; continue; }
            if (c is ' ' or '\t' or '\u3000') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool PlausibleTitle(string title, int maxLength)
    {
        if (title.Length == 0 || title.Length > maxLength) return false;
        if (TitleBadEnds.Contains(title[^1]) || TitleBadStarts.Contains(title[0])) return false;
        if (title.Contains('。')) return false;
        int commas = 0;
        foreach (char c in title) if (c is '、' or '，') commas++;
        return commas <= 1 || title.Length <= 24;
    }

    private static bool StartsWithUnit(string title)
    {
        var lower = TextFolding.Fold(title);
        foreach (var u in UnitStarts)
            if (lower.StartsWith(u, StringComparison.Ordinal) && (u.Length > 1 || lower.Length == 1 || !char.IsLetter(lower[1])))
                return true;
        return false;
    }

    private static int[]? ParseDotted(string s)
    {
        var parts = s.Split('.');
        var numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            numbers[i] = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            if (numbers[i] < 1 && i > 0) return null;
        }
        return numbers[0] < 1 ? null : numbers;
    }

    internal static int ParseNumber(string s)
    {
        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        int value = 0, current = 0;
        foreach (char c in s)
        {
            int d = "〇一二三四五六七八九".IndexOf(c);
            if (d >= 0) { current = d; continue; }
            if (c == '十') { value += (current == 0 ? 1 : current) * 10; current = 0; }
        }
        return value + current;
    }
}
