using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Builds an <see cref="AreaProfile"/> from an area's subsections, found by title (研究開発領域の定義, キーワード,
/// 研究開発領域の概要, 注目動向, …課題, in Japanese or English) and, when titles say nothing, by their numbers (1)–(6).
/// </summary>
internal sealed class AreaProfileReader
{
    private readonly ExtractionContext _context;
    private readonly AreaOutline _outline;
    private readonly SectionText _text;
    private readonly string? _reportField;

    private readonly string[] _normalizedTitles;

    public AreaProfileReader(ExtractionContext context, AreaOutline outline, SectionText text)
    {
        _context = context;
        _outline = outline;
        _text = text;
        _reportField = RelatedAreaParser.ReportField(context.Document.Title);
        _normalizedTitles = new string[outline.Areas.Count];
        for (int i = 0; i < _normalizedTitles.Length; i++) _normalizedTitles[i] = TitleSimilarity.Normalize(outline.Areas[i].Title);
    }

    /// <param name="area">The area.</param>
    /// <param name="tailFrom">Where the related-areas list may start (the comparison heading), or 0 for the area's start.</param>
    public AreaProfile Read(Section area, int tailFrom = 0)
    {
        Section? definition = null, keywords = null, overview = null, trends = null;
        var challenges = new List<Section>();
        var parts = new List<Section>();
        foreach (var c in _outline.ChildrenOf(area))
            if (c.Kind is SectionKind.Subsection or SectionKind.Section) parts.Add(c);
        foreach (var c in parts)
        {
            var t = TextFolding.Fold(c.Title);
            if (definition is null && (t.Contains("定義") || t.Contains("definition"))) definition = c;
            else if (keywords is null && (t.Contains("キーワード") || t.Contains("keyword"))) keywords = c;
            else if (overview is null && (t.Contains("概要") || t.Contains("overview"))) overview = c;
            else if (trends is null && (t.Contains("注目動向") || t.Contains("動向") || t.Contains("trend"))) trends = c;
            else if (t.Contains("課題") || t.Contains("challenge") || t.Contains("issue")) challenges.Add(c);
        }
        // Titles that say nothing known: the usual numbering (1) definition … (6) other challenges.
        if (definition is null && keywords is null && overview is null)
        {
            definition = Numbered(parts, 1);
            keywords = Numbered(parts, 2);
            overview = Numbered(parts, 3);
            trends ??= Numbered(parts, 4);
            if (challenges.Count == 0)
                foreach (var n in new[] { 5, 6 })
                    if (Numbered(parts, n) is { } c && !LandscapeExtractor.IsComparisonTitle(c.Title)) challenges.Add(c);
        }

        string? projects = null;
        if (trends is not null)
            foreach (var d in _outline.DescendantsOf(trends))
                if (d.Title.Contains("プロジェクト", StringComparison.Ordinal) || d.Title.Contains("project", StringComparison.OrdinalIgnoreCase))
                {
                    // The projects are the last part of (4); their ［日本］／［海外］ headings often sit beside it in the tree.
                    projects = _text.Of(trends, d.StartLine);
                    break;
                }

        string? challengeText = null;
        if (challenges.Count == 1) challengeText = _text.Of(challenges[0]);
        else if (challenges.Count > 1)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var c in challenges)
            {
                if (_text.Of(c) is not { } body) continue;
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(c.Label).Append('\n').Append(body);
            }
            challengeText = sb.Length > 0 ? sb.ToString() : null;
        }

        var trendSources = new List<TextSource>();
        var trendsText = trends is null ? null : _text.Of(trends, trends.StartLine, _context.Source, trendSources);
        var division = _outline.DivisionOf(area);
        var span = new CharSpan(_context.Source.LineStart(area.StartLine), _context.Source.LineEnd(area.EndLine));
        return new AreaProfile(
            Provenance.Of(_context.Document.Id, _context.Source, span),
            area.Id,
            area.Title,
            division?.Title,
            definition is null ? null : _text.Of(definition),
            keywords is null ? [] : Keywords(keywords),
            overview is null ? null : _text.Of(overview),
            trendsText,
            challengeText,
            Related(area, Math.Max(area.StartLine + 1, tailFrom)),
            division?.Id,
            projects,
            trendSources.Count > 0 ? trendSources : null);
    }

    private static Section? Numbered(List<Section> parts, int n)
    {
        var suffix = $"({n})";
        foreach (var p in parts) if (p.Id.EndsWith(suffix, StringComparison.Ordinal)) return p;
        return null;
    }

    /// <summary>The keyword lines as written (a list on the heading line after a colon counts too), joined and split.</summary>
    private IReadOnlyList<string> Keywords(Section section)
    {
        var lines = new List<string>();
        var heading = _context.Source.LineString(section.StartLine);
        int colon = heading.IndexOfAny(['：', ':']);
        int kw = heading.IndexOf("キーワード", StringComparison.Ordinal);
        if (colon > 0 && colon > kw && colon + 1 < heading.Length) lines.Add(heading[(colon + 1)..]);
        for (int l = section.StartLine + 1; l <= section.EndLine; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var t = _context.Source.Line(l).Trim();
            if (!t.IsEmpty) lines.Add(t.ToString());
        }
        return KeywordSplitter.Split(lines);
    }

    /// <summary>The entries under 関連する他の研究開発領域, each resolved to an area of this report where it points into it.</summary>
    private IReadOnlyList<RelatedArea> Related(Section area, int from)
    {
        var source = _context.Source;
        int l = FindRelatedHeading(from, area.EndLine);
        // The list follows the comparison table in every report seen; elsewhere it is looked for too.
        if (l < 0 && from > area.StartLine + 1) l = FindRelatedHeading(area.StartLine + 1, from - 1);
        if (l < 0) return [];

        var entries = new List<(string Text, int Line)>();
        System.Text.StringBuilder? current = null;
        int currentLine = 0;
        for (l++; l <= area.EndLine; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var t = source.Line(l).Trim().Trim('\u3000');
            if (t.IsEmpty) continue;
            bool bullet = EvidenceBuilder.MarkerLength(t) > 0;
            if (bullet)
            {
                if (current is not null) entries.Add((current.ToString(), currentLine));
                current = new System.Text.StringBuilder(t.ToString());
                currentLine = l;
                continue;
            }
            // An entry wrapped before its closing bracket continues; anything else ends the list.
            if (current is not null && Unbalanced(current)) { EvidenceBuilder.Append(current, t); continue; }
            break;
        }
        if (current is not null) entries.Add((current.ToString(), currentLine));

        var result = new List<RelatedArea>(entries.Count);
        foreach (var (entry, line) in entries)
        {
            var (text, field, number) = RelatedAreaParser.Parse(entry);
            result.Add(new RelatedArea(text, Resolve(text, field, number, line), field, number));
        }
        return result;
    }

    private int FindRelatedHeading(int from, int to)
    {
        for (int l = from; l <= to; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var t = _context.Source.Line(l).Trim();
            if (t.StartsWith("関連する他の研究開発領域", StringComparison.Ordinal) || t.StartsWith("関連する研究開発領域", StringComparison.Ordinal)
                || t.StartsWith("Related research areas", StringComparison.OrdinalIgnoreCase)) return l;
        }
        return -1;
    }

    private static bool Unbalanced(System.Text.StringBuilder sb)
    {
        int depth = 0;
        for (int i = 0; i < sb.Length; i++)
        {
            if (sb[i] is '（' or '(') depth++;
            else if (sb[i] is '）' or ')') depth--;
        }
        return depth > 0;
    }

    /// <summary>
    /// The area of this report an entry names: by its title, and by its number when its field is this report's.
    /// Numbers in the wild are sometimes wrong (an entry numbered 2.5.1 whose title is area 2.5.3): the title
    /// wins, with a warning. Entries of other fields stay text.
    /// </summary>
    private string? Resolve(string text, string? field, string? number, int line)
    {
        bool same = field is not null && RelatedAreaParser.IsSameField(field, _reportField);
        if (field is not null && !same && _reportField is not null) return null; // another field of the series
        Section? byTitle = null;
        double best = 0;
        var normalized = TitleSimilarity.Normalize(text);
        for (int i = 0; i < _normalizedTitles.Length && best < 1; i++)
            if (_normalizedTitles[i] == normalized) { best = 1; byTitle = _outline.Areas[i]; }
        for (int i = 0; i < _normalizedTitles.Length && best < 1; i++)
        {
            double s = TitleSimilarity.Of(text, _outline.Areas[i].Title);
            if (s > best) { best = s; byTitle = _outline.Areas[i]; }
        }
        if (byTitle is not null && best >= 0.8)
        {
            if (number is not null && number != byTitle.Id)
            {
                if (!same) return null; // a field we cannot place: its numbering is not ours
                _context.Warn(line, $"related area '{text}' is numbered {number} but is area {byTitle.Id} of this report; resolved by its title");
            }
            return byTitle.Id;
        }
        if (same && number is not null && _outline.Get(number) is { Kind: SectionKind.Area } byNumber)
        {
            _context.Warn(line, $"related area '{text}' ({number}) does not match the title of area {number} ({byNumber.Title}); resolved by its number");
            return byNumber.Id;
        }
        return null;
    }
}
