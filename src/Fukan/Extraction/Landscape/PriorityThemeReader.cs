using System.Globalization;
using System.Text.RegularExpressions;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Finds a report's priority R&amp;D themes in the two places CRDS reports state them: a section on the important
/// R&amp;D (わが国として重要な研究開発) whose parenthesised subsections (1)…(n) are the themes, and a run-in list under
/// a heading such as 「12の研究開発」 in the summary ("1. 先進…、2. 量子…、3. 電気–物質エネルギー高 / 度変換技術、…",
/// wrapped over lines and blank lines). Both are merged by number; a title that differs between them is warned.
/// </summary>
internal sealed partial class PriorityThemeReader
{
    [GeneratedRegex(@"^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*の\s*(?:重要な|重点)?\s*研究開発(?:テーマ|課題|領域|分野|の方向性)?$")]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"(?:^|(?<=[、，,。\s]))(\d{1,2})\s*[.．]\s*")]
    private static partial Regex ItemNumber();

    private readonly ExtractionContext _context;
    private readonly AreaOutline _outline;
    private readonly SectionText _text;

    public PriorityThemeReader(ExtractionContext context, AreaOutline outline, SectionText text)
    {
        _context = context;
        _outline = outline;
        _text = text;
    }

    public IReadOnlyList<PriorityTheme> Read()
    {
        var fromSections = FromSections();
        var fromSummary = FromSummary();
        if (fromSections.Count == 0 && fromSummary.Count == 0) return [];
        var numbers = new SortedSet<int>(fromSections.Keys);
        numbers.UnionWith(fromSummary.Keys);
        var themes = new List<PriorityTheme>(numbers.Count);
        foreach (int n in numbers)
        {
            fromSections.TryGetValue(n, out var section);
            bool listed = fromSummary.TryGetValue(n, out var item);
            if (section is not null)
            {
                if (listed && TitleSimilarity.Of(section.Title, item.Title) < 0.6)
                    _context.Warn(section.StartLine, $"priority theme {n} is '{section.Title}' here but '{item.Title}' in the summary list (line {item.Line})");
                var span = new CharSpan(_context.Source.LineStart(section.StartLine), _context.Source.LineEnd(section.StartLine));
                themes.Add(new PriorityTheme(Provenance.Of(_context.Document.Id, _context.Source, span), n, section.Title, section.Id,
                    _text.Of(section), listed ? item.Title : null, listed ? item.Line : null));
            }
            else
                themes.Add(new PriorityTheme(Provenance.Of(_context.Document.Id, _context.Source, item.Span), n, item.Title, null, null, item.Title, item.Line));
        }
        return themes;
    }

    /// <summary>The (1)…(n) subsections of a section about the important R&amp;D, outside the areas.</summary>
    private Dictionary<int, Section> FromSections()
    {
        Dictionary<int, Section> best = new();
        foreach (var s in _outline.Sections)
        {
            if (s.Kind is SectionKind.Area or SectionKind.Subsection || !IsThemeTitle(s.Title)) continue;
            var found = new Dictionary<int, Section>();
            int expected = 1;
            foreach (var c in _outline.ChildrenOf(s))
            {
                if (c.Kind != SectionKind.Subsection || !TryParenNumber(c.Id, out int n)) continue;
                if (n != expected) break;
                found[n] = c;
                expected++;
            }
            if (found.Count >= 3 && found.Count > best.Count) best = found;
        }
        return best;
    }

    private static bool IsThemeTitle(string title)
    {
        var t = TextFolding.Fold(title);
        return (t.Contains("研究開発") && (t.Contains("重要") || t.Contains("重点"))) || t.Contains("priority") || t.Contains("重点領域");
    }

    private static bool TryParenNumber(string id, out int n)
    {
        n = 0;
        if (!id.EndsWith(')')) return false;
        int open = id.LastIndexOf('(');
        return open >= 0 && int.TryParse(id.AsSpan(open + 1, id.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out n);
    }

    private readonly record struct ListedTheme(string Title, int Line, CharSpan Span);

    /// <summary>The run-in list under an 「N の研究開発」 heading, anywhere before the first area.</summary>
    private Dictionary<int, ListedTheme> FromSummary()
    {
        var source = _context.Source;
        int last = _outline.Areas.Count > 0 ? _outline.Areas[0].StartLine - 1 : source.LineCount;
        for (int l = 1; l <= last; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var t = source.Line(l).Trim().Trim('\u3000');
            if (t.IsEmpty || t.Length > 24) continue;
            var m = SummaryHeading().Match(TextFolding.Fold(t));
            if (!m.Success) continue;
            int expected = HeadingRecognizerNumber(m.Groups[1].Value);
            var items = ReadList(l + 1, last, expected);
            if (items.Count >= 3) return items;
        }
        return new Dictionary<int, ListedTheme>();
    }

    private static int HeadingRecognizerNumber(string s) => Structure.HeadingRecognizer.ParseNumber(s);

    private Dictionary<int, ListedTheme> ReadList(int from, int last, int expected)
    {
        var source = _context.Source;
        var text = new MappedTextBuilder();
        int maxWidth = 0;
        int lines = 0;
        ReadOnlySpan<char> previous = default;
        for (int l = from; l <= last && lines < 40; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var raw = source.Line(l);
            var t = raw.Trim();
            if (t.IsEmpty) continue;
            if (lines == 0 && !(t[0] is '1' or '１')) return new Dictionary<int, ListedTheme>();
            if (lines > 0)
            {
                // The list goes on while the last line was full and unfinished, or its last item is still to come.
                bool full = TextFolding.DisplayWidth(previous) >= maxWidth * 0.85 && !Structure.PassageRules.IsTerminated(previous);
                bool more = expected > 0 && !ItemsReach(text.ToString(), expected);
                if (!full && !more) break;
                char lastChar = text[text.Length - 1];
                if (!IsWide(lastChar) && !IsWide(t[0]) && lastChar is not ('、' or '/' or '-')) text.AppendInserted(" ");
            }
            int start = source.LineStart(l) + (raw.Length - raw.TrimStart().Length);
            text.Append(t, start);
            maxWidth = Math.Max(maxWidth, TextFolding.DisplayWidth(t));
            previous = t;
            lines++;
        }
        var (joined, map) = text.Build();
        var result = new Dictionary<int, ListedTheme>();
        var marks = new List<(int Number, int At, int TextStart)>();
        int next = 1;
        foreach (Match m in ItemNumber().Matches(joined))
        {
            int n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (n != next) continue;
            marks.Add((n, m.Index, m.Index + m.Length));
            next++;
        }
        for (int i = 0; i < marks.Count; i++)
        {
            int end = i + 1 < marks.Count ? marks[i + 1].At : joined.Length;
            var item = joined[marks[i].TextStart..end].TrimEnd().TrimEnd('、', '，', ',', '。').Trim();
            if (item.Length == 0) continue;
            var span = map.ToSource(marks[i].At, marks[i].TextStart + item.Length);
            result[marks[i].Number] = new ListedTheme(item, source.LineOf(span.Start), span);
        }
        return result;
    }

    private static bool ItemsReach(string text, int expected)
    {
        var token = expected.ToString(CultureInfo.InvariantCulture) + ".";
        return text.Contains(token, StringComparison.Ordinal) || text.Contains(expected.ToString(CultureInfo.InvariantCulture) + "．", StringComparison.Ordinal);
    }

    private static bool IsWide(char c) => TextFolding.IsCjk(c) || TextFolding.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF60';
}
