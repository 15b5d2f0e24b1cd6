using System.Text.RegularExpressions;
using Fukan.Model;

namespace Fukan.Structure;

/// <summary>
/// The outline of a Japanese government report or white paper in its text version: 第N章 (chapter), 第N節 (section),
/// <c>1　…</c> (item), <c>（1）　…</c> (sub-item) and iroha <c>ア　…</c> headings, each number followed by a full-width
/// space. The text versions glue a heading to the end of the line before it (after a sentence, a footnote, a URL or a
/// page number: <c>…を参照第2節　データ流通…</c>, <c>…（データ集）3　データ利活用…</c>); such a heading starts its section on
/// that line. Footnote lines (<c>1　パソコン通信の利用者は…。</c>, <c>7　https://…</c>), 図表 captions and （出典） lines are
/// not headings: a heading is short, has no sentence end and no URL, and continues its level's numbering.
/// </summary>
internal static partial class GovernmentReportOutline
{
    private const int MaxTitle = 40;

    [GeneratedRegex(@"第([0-9]{1,2}|[一二三四五六七八九十]{1,3})([章節])\u3000")]
    private static partial Regex ChapterOrSection();

    [GeneratedRegex(@"(?m)^(?:図表|（出典）|\(出典\))")]
    private static partial Regex Apparatus();

    /// <summary>A 図表 caption, a source line or a related-data block: never a heading, whatever its numbers.</summary>
    [GeneratedRegex(@"^(?:図表|図|表)\s*[0-9]|^[（(]出典[）)]|^出典[：:]|^【関連データ】")]
    private static partial Regex Caption();

    private const string Iroha = "アイウエオカキクケコサシスセソタチツテト";

    private enum Level { Chapter = 1, Section = 2, Item = 3, Sub = 4, Iroha = 5 }

    private sealed record Heading(Level Level, int Number, string Marker, string Title, int Line, bool WholeLine);

    /// <summary>The report has this layout: a 第N章/第N節 heading with its full-width space, and 図表 / 出典 apparatus or a second one.</summary>
    public static bool Applies(SourceText source, int first)
    {
        int markers = 0, apparatus = 0;
        int last = Math.Min(source.LineCount, first + 3000);
        for (int l = first; l <= last; l++)
        {
            var line = source.LineString(l);
            if (line.IndexOf('第') >= 0 && ChapterOrSection().IsMatch(Digits(line))) markers++;
            if (line.Length > 0 && line[0] is '図' or '（' or '(' && Apparatus().IsMatch(line)) apparatus++;
            if (markers >= 2 || (markers >= 1 && apparatus >= 1)) return true;
        }
        return false;
    }

    public static StructureResult Build(SourceText source, int first, bool[] skipped)
    {
        var headings = new List<Heading>();
        int chapter = 0, section = 0, item = 0, sub = 0, iroha = 0;
        for (int l = first; l <= source.LineCount; l++)
        {
            if (skipped[l]) continue;
            var line = Digits(source.LineString(l)).TrimEnd();
            if (line.Length == 0 || Caption().IsMatch(line)) continue;
            foreach (var (level, number, marker, title, whole) in Candidates(line))
            {
                // Each level continues its numbering; a deeper level restarts under a new heading above it.
                bool next = level switch
                {
                    Level.Chapter => number == chapter + 1 || chapter == 0,
                    Level.Section => number == section + 1 || section == 0,
                    Level.Item => number == item + 1,
                    Level.Sub => number == sub + 1,
                    _ => number == iroha + 1,
                };
                if (!next) continue;
                headings.Add(new Heading(level, number, marker, title, l, whole));
                switch (level)
                {
                    case Level.Chapter: chapter = number; section = item = sub = iroha = 0; break;
                    case Level.Section: section = number; item = sub = iroha = 0; break;
                    case Level.Item: item = number; sub = iroha = 0; break;
                    case Level.Sub: sub = number; iroha = 0; break;
                    default: iroha = number; break;
                }
                break;
            }
        }
        return ToResult(source, headings, skipped);
    }

    /// <summary>The headings a line may hold, whole or glued to its end; the most specific (longest suffix) first.</summary>
    private static IEnumerable<(Level, int, string, string, bool)> Candidates(string line)
    {
        // Whole line first.
        if (Parse(line, 0) is { } whole) yield return (whole.Level, whole.Number, whole.Marker, whole.Title, true);
        // Glued: a marker after the body of the line.
        for (int i = 1; i < line.Length - 2; i++)
        {
            if (!IsMarkerStart(line, i)) continue;
            char before = line[i - 1];
            bool chapterMark = line[i] == '第';
            bool afterBody = before is '。' or '」' or '）' or ')' or '』' or '】' || char.IsAsciiLetterOrDigit(before) || before is '/' or '_';
            if (!chapterMark && !afterBody) continue;
            // 2003年, 1.5倍: digits inside a number are no marker.
            if (char.IsAsciiDigit(line[i]) && char.IsAsciiDigit(before) && !line.Contains("http", StringComparison.Ordinal)) continue;
            if (Parse(line, i) is { } glued) yield return (glued.Level, glued.Number, glued.Marker, glued.Title, false);
        }
    }

    private static bool IsMarkerStart(string s, int i) => s[i] is '第' or '（' or '(' || char.IsAsciiDigit(s[i]) || Iroha.Contains(s[i]);

    /// <summary>Full-width digits as ASCII, nothing else folded (the full-width space after a number is the marker's).</summary>
    private static string Digits(string s)
    {
        if (s.AsSpan().IndexOfAnyInRange('０', '９') < 0) return s;
        return string.Create(s.Length, s, static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++) dest[i] = src[i] is >= '０' and <= '９' ? (char)(src[i] - '０' + '0') : src[i];
        });
    }

    private static (Level Level, int Number, string Marker, string Title)? Parse(string s, int at)
    {
        int i = at;
        Level level;
        int number;
        string marker;
        if (s[i] == '第')
        {
            var m = ChapterOrSection().Match(s, i);
            if (!m.Success || m.Index != i) return null;
            number = HeadingRecognizer.ParseNumber(m.Groups[1].Value);
            level = m.Groups[2].Value == "章" ? Level.Chapter : Level.Section;
            marker = s.Substring(i, m.Length - 1);
            i += m.Length;
        }
        else if (char.IsAsciiDigit(s[i]))
        {
            int j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j]) && j - i < 2) j++;
            if (j >= s.Length || s[j] != '\u3000') return null;
            number = int.Parse(s.AsSpan(i, j - i), System.Globalization.CultureInfo.InvariantCulture);
            level = Level.Item;
            marker = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            i = j + 1;
        }
        else if (s[i] is '（' or '(')
        {
            int j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j]) && j - i <= 2) j++;
            if (j == i + 1 || j + 1 >= s.Length || s[j] is not ('）' or ')') || s[j + 1] != '\u3000') return null;
            number = int.Parse(s.AsSpan(i + 1, j - i - 1), System.Globalization.CultureInfo.InvariantCulture);
            level = Level.Sub;
            marker = $"（{number}）";
            i = j + 2;
        }
        else
        {
            int k = Iroha.IndexOf(s[i]);
            if (k < 0 || i + 1 >= s.Length || s[i + 1] != '\u3000') return null;
            // A katakana word (アメリカ) before the space is text, not a marker: the marker stands alone.
            if (at > 0 && IsKatakana(s[at - 1])) return null;
            number = k + 1;
            level = Level.Iroha;
            marker = s[i].ToString();
            i += 2;
        }
        var title = s[i..].Trim();
        if (!Plausible(title)) return null;
        return (level, number, marker, HeadingRecognizer.CleanTitle(title));
    }

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー';

    /// <summary>A heading's title: short, no sentence end, no URL, not a number or a footnote's citation.</summary>
    private static bool Plausible(string title)
    {
        if (title.Length is 0 or > MaxTitle) return false;
        if (title.Contains('。') || title.Contains("http", StringComparison.OrdinalIgnoreCase) || title.Contains("www.", StringComparison.OrdinalIgnoreCase)) return false;
        if (char.IsAsciiDigit(title[0]) || title[0] is '「' or '（' or '(' or '、' or '，' or '.' or '/' ) return false;
        if (title[^1] is '、' or '，') return false;
        return true;
    }

    private static StructureResult ToResult(SourceText source, List<Heading> headings, bool[] skipped)
    {
        var sections = new List<Section>(headings.Count);
        var headingLines = new Dictionary<int, int>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<(Level Level, string Id)>();
        for (int h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            while (stack.Count > 0 && stack[^1].Level >= heading.Level) stack.RemoveAt(stack.Count - 1);
            string? parent = stack.Count > 0 ? stack[^1].Id : null;
            string local = heading.Level switch
            {
                Level.Chapter or Level.Section or Level.Item => heading.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Level.Sub => $"({heading.Number})",
                _ => heading.Marker,
            };
            string id = parent is null ? local : heading.Level == Level.Sub ? parent + local : $"{parent}.{local}";
            if (!ids.Add(id)) { int k = 2; while (!ids.Add($"{id}~{k}")) k++; id = $"{id}~{k}"; }
            // The section ends before the next heading at the same or a higher level.
            int end = source.LineCount;
            for (int j = h + 1; j < headings.Count; j++)
                if (headings[j].Level <= heading.Level) { end = headings[j].WholeLine ? headings[j].Line - 1 : headings[j].Line; break; }
            while (end > heading.Line && (skipped[end] || source.Line(end).IsWhiteSpace())) end--;
            var kind = heading.Level switch
            {
                Level.Chapter => SectionKind.Chapter,
                Level.Section or Level.Item => SectionKind.Section,
                Level.Sub => SectionKind.Subsection,
                _ => SectionKind.Topic,
            };
            if (heading.WholeLine) headingLines[heading.Line] = sections.Count;
            sections.Add(new Section(id, heading.Marker, heading.Title, kind, stack.Count + 1, heading.Line, Math.Max(end, heading.Line), parent));
            stack.Add((heading.Level, id));
        }
        return new StructureResult(sections, headingLines, skipped);
    }
}
