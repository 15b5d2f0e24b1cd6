using System.Globalization;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Structure;

/// <summary>
/// Builds the section tree from heading candidates. A candidate becomes a heading only when it fits:
/// numbered headings must continue the numbering (2.1.2 after 2.1.1, 2.2 after 2.1.x, 3 after 2.x.y; missing
/// parents are created implicitly), parenthesised ones continue their parent's sequence, and nothing that is a
/// listing (three or more numbered lines in a row with no text between: a table of contents, an appendix list
/// of another report's areas) or the tail of a wrapped sentence counts. Running chapter titles repeated in the
/// body fill in an implicit chapter's title and are dropped. Areas of panoramic reports are the numbered
/// sections whose subsections include the definition / international-comparison blocks.
/// </summary>
public sealed class SectionTreeBuilder
{
    private readonly HeadingRecognizer _recognizer = new();

    private sealed class Node
    {
        public required string Id;
        public string? Number;
        public required string Title;
        public required HeadingStyle Style;
        public required int Depth;
        public required int StartLine;
        public int HeadingLine;        // 0 for implicit nodes
        public int EndLine;
        public Node? Parent;
        public int[]? Numbers;         // dotted / chapter numbering
        public int LastParen;
        public int LastLocal;
        public int TopicCount;
        public int AtxCount;
        public bool Implicit;
        public bool Region;
        public SectionKind Kind;
        public int Order;
        public readonly List<Node> Children = new();
    }

    public StructureResult Build(SourceText source, int firstLine, PageFurniture furniture, LayoutProfile layout, DocumentKind kind, bool markdown)
    {
        int n = source.LineCount;
        var skipped = new bool[n + 2];
        for (int l = 1; l < firstLine && l <= n; l++) skipped[l] = true;
        for (int l = firstLine; l <= n; l++) if (furniture.IsFurniture[l]) skipped[l] = true;
        // White papers and government reports (text versions) number 第N章 / 第N節 / 1　/ （1）　/ ア　and glue headings to lines.
        if (kind == DocumentKind.Report && !markdown && GovernmentReportOutline.Applies(source, firstLine))
            return GovernmentReportOutline.Build(source, firstLine, skipped);

        var candidates = new HeadingCandidate?[n + 2];
        bool inFence = false;
        for (int l = firstLine; l <= n; l++)
        {
            if (skipped[l]) continue;
            var t = source.Line(l).TrimStart();
            if (t.StartsWith("```") || t.StartsWith("~~~")) { inFence = !inFence; continue; }
            if (inFence) continue;
            var c = _recognizer.Recognize(source, l, markdown, minutesBlocks: kind == DocumentKind.Minutes);
            // An English report without markup (a memo read from PDF): Section 1 – …, APPENDIX A, Background.
            bool english = false;
            if (c is null && !markdown && kind == DocumentKind.Report)
            {
                c = HeadingRecognizer.RecognizeEnglish(source, l);
                english = c is not null;
            }
            if (c is null && !markdown && kind != DocumentKind.Minutes) c = RegionHeading(source, l, skipped, markdown);
            if (c is null) continue;
            if (c.Style == HeadingStyle.Atx && HeadingRecognizer.IsMemoHeader(c.Title)) continue;
            if (c.Style is HeadingStyle.Block or HeadingStyle.Side && kind != DocumentKind.Minutes) continue;
            if (c.Style == HeadingStyle.Atx && !markdown && !english) continue;
            // Minutes number their agenda and statements as lists, not as headings.
            if (kind == DocumentKind.Minutes && c.Style is HeadingStyle.Dotted or HeadingStyle.Bare or HeadingStyle.Paren) continue;
            candidates[l] = c;
        }
        RejectListings(source, candidates, skipped, firstLine, n);
        var wrappedTail = new bool[n + 2];
        if (layout.HardWrapped) MarkWrappedTails(source, candidates, skipped, layout, firstLine, n, wrappedTail);

        var nodes = new List<Node>();
        var stack = new List<Node>();
        var byNumber = new Dictionary<string, Node>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int[] path = [];
        int rootAtx = 0, rootTopics = 0, rootParen = 0;
        var headingLines = new Dictionary<int, int>();

        Node Push(Node node)
        {
            while (stack.Count > 0 && stack[^1].Depth >= node.Depth) stack.RemoveAt(stack.Count - 1);
            node.Parent = stack.Count > 0 ? stack[^1] : null;
            node.Parent?.Children.Add(node);
            node.Id = Unique(node.Id, ids);
            node.Order = nodes.Count;
            nodes.Add(node);
            stack.Add(node);
            return node;
        }

        Node? NearestNumbered()
        {
            for (int i = stack.Count - 1; i >= 0; i--)
                if (stack[i].Style is HeadingStyle.Dotted or HeadingStyle.Bare or HeadingStyle.Atx or HeadingStyle.Block or HeadingStyle.Side) return stack[i];
            return null;
        }

        Node? NearestDotted()
        {
            for (int i = stack.Count - 1; i >= 0; i--)
                if (stack[i].Style == HeadingStyle.Dotted) return stack[i];
            return null;
        }

        Node? NearestNonTopic()
        {
            for (int i = stack.Count - 1; i >= 0; i--)
                if (stack[i].Style is not (HeadingStyle.Bracket or HeadingStyle.Bullet)) return stack[i];
            return null;
        }

        for (int l = firstLine; l <= n; l++)
        {
            var c = candidates[l];
            if (c is null) continue;
            Node? created = null;
            switch (c.Style)
            {
                case HeadingStyle.Atx:
                {
                    var parent = stack.LastOrDefault(s => s.Style == HeadingStyle.Atx && s.Depth < c.AtxLevel);
                    int ordinal = parent is null ? ++rootAtx : ++parent.AtxCount;
                    string id = parent is null ? $"§{ordinal}" : $"{parent.Id}.{ordinal}";
                    created = Push(new Node { Id = id, Title = c.Title, Style = c.Style, Depth = c.AtxLevel, StartLine = l, HeadingLine = l });
                    break;
                }
                case HeadingStyle.Dotted:
                {
                    var numbers = c.Numbers!;
                    if (TrySuccessor(path, numbers, out int differAt))
                    {
                        for (int len = differAt + 1; len < numbers.Length; len++)
                        {
                            var prefix = numbers[..len];
                            string key = string.Join('.', prefix);
                            if (byNumber.ContainsKey(key)) continue;
                            var implicitNode = Push(new Node { Id = key, Number = key, Title = "", Style = len == 1 ? HeadingStyle.Bare : HeadingStyle.Dotted, Depth = len, StartLine = l, Numbers = prefix, Implicit = true });
                            FillImplicitTitle(implicitNode, furniture.SideLabels);
                            byNumber[key] = implicitNode;
                        }
                        created = Push(new Node { Id = c.NumberText!, Number = c.NumberText, Title = c.Title, Style = c.Style, Depth = numbers.Length, StartLine = l, HeadingLine = l, Numbers = numbers });
                        byNumber[c.NumberText!] = created;
                        path = numbers;
                    }
                    else if (byNumber.TryGetValue(c.NumberText!, out var existing) && FillRunningTitle(existing, c.Title, l))
                        skipped[l] = true;
                    break;
                }
                case HeadingStyle.Bare:
                {
                    if (c.Numbers is null || wrappedTail[l]) break; // 第N節 without chapter context: left as text
                    int num = c.Numbers[0];
                    bool appendix = c.Marker?.StartsWith("付録", StringComparison.Ordinal) == true;
                    if (appendix)
                    {
                        // Numbering state is kept: an appendix that lists another report's 2.1, 2.2 … must not restart it.
                        created = Push(new Node { Id = c.Marker!, Number = c.Marker, Title = c.Title == c.Marker ? "" : c.Title, Style = HeadingStyle.Bare, Depth = 1, StartLine = l, HeadingLine = l });
                        break;
                    }
                    bool chapterMarker = c.Marker?.StartsWith('第') == true;
                    var numbered = NearestDotted();
                    bool chapterOk = (path.Length == 0 ? num <= 2 : num == path[0] + 1) && !SideLabelsContradict(furniture.SideLabels, l, num);
                    bool localOk = !chapterMarker && numbered is { Style: HeadingStyle.Dotted }
                        && ((num == 1 && HasLocalSuccessor(candidates, l, n)) || (num > 1 && num == numbered.LastLocal + 1));
                    // A local sequence already under way (1 …, 2 … inside 1.3.3) wins over a new chapter.
                    bool continuesLocal = localOk && numbered!.LastLocal > 0;
                    if (chapterOk && (chapterMarker || !continuesLocal))
                    {
                        string key = num.ToString(CultureInfo.InvariantCulture);
                        created = Push(new Node { Id = key, Number = chapterMarker ? c.Marker : key, Title = c.Title, Style = HeadingStyle.Bare, Depth = 1, StartLine = l, HeadingLine = l, Numbers = [num] });
                        byNumber[key] = created;
                        path = [num];
                    }
                    else if (localOk)
                    {
                        numbered!.LastLocal = num;
                        created = Push(new Node { Id = $"{numbered.Id}/{num}", Number = num.ToString(CultureInfo.InvariantCulture), Title = c.Title, Style = HeadingStyle.Bare, Depth = numbered.Depth + 1, StartLine = l, HeadingLine = l });
                    }
                    else if (byNumber.TryGetValue(num.ToString(CultureInfo.InvariantCulture), out var existing) && FillRunningTitle(existing, c.Title, l))
                        skipped[l] = true;
                    break;
                }
                case HeadingStyle.Paren:
                {
                    int num = c.Numbers![0];
                    var parent = NearestNumbered();
                    int last = parent?.LastParen ?? rootParen;
                    if (num != last + 1 && num != 1) break;
                    if (wrappedTail[l] && num != last + 1) break;
                    if (parent is null) rootParen = num; else parent.LastParen = num;
                    string id = parent is null ? $"({num})" : $"{parent.Id}({num})";
                    created = Push(new Node { Id = id, Number = c.Marker, Title = c.Title, Style = c.Style, Depth = (parent?.Depth ?? 0) + 1, StartLine = l, HeadingLine = l });
                    break;
                }
                case HeadingStyle.Bracket:
                case HeadingStyle.Bullet:
                {
                    if (c.Style == HeadingStyle.Bullet && wrappedTail[l]) break;
                    var anchor = NearestNonTopic();
                    int depth = (anchor?.Depth ?? 0) + (c.Style == HeadingStyle.Bullet ? 2 : 1);
                    // Under a region line (日本, 米国 …) the bracket topics sit one level deeper, until the next region
                    // or a numbered heading closes it.
                    if (!c.Region)
                        for (int i = stack.Count - 1; i >= 0 && stack[i] != anchor; i--)
                            if (stack[i].Region) { depth = stack[i].Depth + (c.Style == HeadingStyle.Bullet ? 2 : 1); break; }
                    // The parent is whatever stays on the stack once deeper or equal headings close.
                    Node? parent = null;
                    for (int i = stack.Count - 1; i >= 0; i--) if (stack[i].Depth < depth) { parent = stack[i]; break; }
                    int ordinal = parent is null ? ++rootTopics : ++parent.TopicCount;
                    string id = parent is null ? $"#{ordinal}" : $"{parent.Id}#{ordinal}";
                    created = Push(new Node { Id = id, Title = c.Title, Style = c.Style, Depth = depth, StartLine = l, HeadingLine = l, Region = c.Region });
                    break;
                }
                case HeadingStyle.Block:
                    created = Push(new Node { Id = c.Title, Title = c.Title, Style = c.Style, Depth = 1, StartLine = l, HeadingLine = l });
                    break;
                case HeadingStyle.Side:
                {
                    var parent = stack.LastOrDefault(s => s.Style == HeadingStyle.Block);
                    int ordinal = parent is null ? ++rootTopics : ++parent.TopicCount;
                    created = Push(new Node { Id = parent is null ? $"#{ordinal}" : $"{parent.Id}#{ordinal}", Title = c.Title, Style = c.Style, Depth = 2, StartLine = l, HeadingLine = l });
                    break;
                }
            }
            if (created is not null) headingLines[l] = created.Order;
        }

        Classify(nodes);
        ComputeEnds(nodes, source, skipped, n);

        var sections = new List<Section>(nodes.Count);
        foreach (var node in nodes)
            sections.Add(new Section(node.Id, node.Number, node.Title, node.Kind, LevelOf(node), node.StartLine, node.EndLine, node.Parent?.Id));
        return new StructureResult(sections, headingLines, skipped);
    }

    /// <summary>Whether <paramref name="next"/> continues numbering <paramref name="current"/>; <paramref name="differAt"/> is the level where it steps.</summary>
    internal static bool TrySuccessor(int[] current, int[] next, out int differAt)
    {
        differAt = 0;
        if (current.Length == 0)
        {
            // The first numbered heading may start anywhere (an excerpt starts at 2.1.1); its parents are implicit.
            differAt = 0;
            return next[0] <= 20;
        }
        for (int i = 0; i < next.Length; i++)
        {
            if (i < current.Length && next[i] == current[i]) continue;
            int expected = i < current.Length ? current[i] + 1 : 1;
            if (next[i] != expected) return false;
            for (int j = i + 1; j < next.Length; j++) if (next[j] != 1) return false;
            differAt = i;
            return true;
        }
        return false; // equal to the current heading or one of its ancestors
    }

    /// <summary>A local list of numbered headings (1 …, 2 … inside a section) needs its 2 before the next dotted heading.</summary>
    private static bool HasLocalSuccessor(HeadingCandidate?[] candidates, int line, int n)
    {
        for (int k = line + 1; k <= n; k++)
        {
            var c = candidates[k];
            if (c is null) continue;
            if (c.Style == HeadingStyle.Dotted) return false;
            if (c.Style == HeadingStyle.Bare && c.Numbers is [2]) return true;
        }
        return false;
    }

    /// <summary>A side label printed after <paramref name="line"/> with a smaller chapter number says we are still in that chapter.</summary>
    private static bool SideLabelsContradict(IReadOnlyList<SideLabel> labels, int line, int chapter)
    {
        foreach (var label in labels)
        {
            if (label.Line <= line || label.Number is null || !label.OnPageEdge) continue;
            if (label.Line > line + 600) break;
            int dot = label.Number.IndexOf('.');
            var first = dot < 0 ? label.Number : label.Number[..dot];
            if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n < chapter) return true;
            return false;
        }
        return false;
    }

    /// <summary>A numbered title repeated in the body is a running chapter title: it may name an implicit chapter.</summary>
    private static bool FillRunningTitle(Node existing, string title, int line)
    {
        // Only near the chapter's start: further on, "1 …" is a list item that happens to share the number.
        if (existing.Title.Length == 0 && line - existing.StartLine <= 120) { existing.Title = title; return true; }
        return string.Equals(Normalize(existing.Title), Normalize(title), StringComparison.Ordinal);
    }

    private static string Normalize(string s) => TextFolding.Fold(s).Replace(" ", "", StringComparison.Ordinal);

    private static void RejectListings(SourceText source, HeadingCandidate?[] candidates, bool[] skipped, int first, int n)
    {
        int l = first;
        while (l <= n)
        {
            var c = candidates[l];
            if (c is null || c.Style is not (HeadingStyle.Dotted or HeadingStyle.Paren or HeadingStyle.Bare)) { l++; continue; }
            var group = new List<int> { l };
            int k = l + 1;
            while (k <= n)
            {
                if (skipped[k] || source.Line(k).IsWhiteSpace()) { k++; continue; }
                var d = candidates[k];
                if (d is null || d.Style != c.Style) break;
                group.Add(k);
                k++;
            }
            if (group.Count >= 3)
            {
                var depths = new Dictionary<int, int>();
                foreach (var g in group)
                {
                    int depth = candidates[g]!.Numbers?.Length ?? 1;
                    depths[depth] = depths.GetValueOrDefault(depth) + 1;
                }
                if (depths.Values.Max() >= 3)
                    foreach (var g in group) candidates[g] = null;
            }
            l = group[^1] + 1;
        }
    }

    /// <summary>
    /// In hard-wrapped text a "heading" right after a full, unfinished line may be the rest of that sentence
    /// (…が進んでおり、地球温暖化の / 2 セント/kWhを下回る…). Only weakly numbered candidates are refused for it:
    /// a dotted number or a parenthesised one that continues its sequence is evidence enough.
    /// </summary>
    private static void MarkWrappedTails(SourceText source, HeadingCandidate?[] candidates, bool[] skipped, LayoutProfile layout, int first, int n, bool[] wrappedTail)
    {
        int prev = -1;
        var recent = new RecentWidths();
        for (int l = first; l <= n; l++)
        {
            if (skipped[l]) continue;
            var t = source.Line(l).Trim();
            if (t.IsEmpty) continue;
            var c = candidates[l];
            if (c is not null && prev > 0 && c.Style is HeadingStyle.Bare or HeadingStyle.Paren or HeadingStyle.Bullet)
            {
                var p = source.Line(prev).Trim();
                if (!PassageRules.IsTerminated(p) && layout.IsFull(p, recent.Max) && candidates[prev] is null) wrappedTail[l] = true;
            }
            if (c is null) recent.Add(TextFolding.DisplayWidth(t));
            prev = l;
        }
    }

    /// <summary>An implicit chapter or division takes its title from the side labels printed on its pages.</summary>
    private static void FillImplicitTitle(Node node, IReadOnlyList<SideLabel> labels)
    {
        if (node.Number is null) return;
        foreach (var label in labels)
        {
            if (label.Number is null || label.Runs.Count == 0 || !label.OnPageEdge) continue;
            if (label.Number == node.Number)
            {
                node.Title = node.Number.Contains('.') ? label.Runs[^1] : label.Runs[0];
                return;
            }
            if (!node.Number.Contains('.') && label.Number.StartsWith(node.Number + ".", StringComparison.Ordinal))
            {
                node.Title = label.Runs[0];
                return;
            }
        }
    }


    /// <summary>
    /// A country or region name alone on its line (日本, 米国, 欧州（EU）) directly followed by a bracket topic heading
    /// (■基本政策, 【…】): the name heads the topics that follow, so the same topic under each country stays apart.
    /// </summary>
    private HeadingCandidate? RegionHeading(SourceText source, int line, bool[] skipped, bool markdown)
    {
        var t = source.Line(line).Trim();
        if (t.IsEmpty || t.Length > 12 || !Fukan.Extraction.Landscape.CountryNames.MayStartName(t)) return null;
        var name = t.ToString();
        if (Fukan.Extraction.Landscape.CountryNames.CodeOf(name) is null) return null;
        for (int next = line + 1; next <= source.LineCount && next <= line + 3; next++)
        {
            if (skipped[next] || source.Line(next).Trim().IsEmpty) continue;
            var c = _recognizer.Recognize(source, next, markdown, minutesBlocks: false);
            return c is { Style: HeadingStyle.Bracket } ? new HeadingCandidate(HeadingStyle.Bracket, line, null, null, HeadingRecognizer.CleanTitle(t), Region: true) : null;
        }
        return null;
    }

    private static void Classify(List<Node> nodes)
    {
        foreach (var node in nodes)
        {
            node.Kind = node.Style switch
            {
                HeadingStyle.Atx => SectionKind.Heading,
                HeadingStyle.Paren => SectionKind.Subsection,
                HeadingStyle.Bracket or HeadingStyle.Bullet => SectionKind.Topic,
                HeadingStyle.Block or HeadingStyle.Side => SectionKind.Block,
                HeadingStyle.Bare when node.Depth == 1 => SectionKind.Chapter,
                _ => SectionKind.Section,
            };
        }
        foreach (var node in nodes)
        {
            if (node.Style != HeadingStyle.Dotted) continue;
            int parens = 0; bool marker = false;
            foreach (var child in node.Children)
            {
                if (child.Style != HeadingStyle.Paren) continue;
                parens++;
                if (child.Title.Contains("国際比較", StringComparison.Ordinal) || child.Title.Contains("領域の定義", StringComparison.Ordinal)) marker = true;
            }
            if (parens >= 3 && marker)
            {
                node.Kind = SectionKind.Area;
                if (node.Parent is { Style: HeadingStyle.Dotted or HeadingStyle.Bare } parent && parent.Depth >= 2 || node.Parent is { Style: HeadingStyle.Dotted })
                    node.Parent!.Kind = SectionKind.Division;
            }
        }
    }

    private static void ComputeEnds(List<Node> nodes, SourceText source, bool[] skipped, int lastLine)
    {
        var open = new List<Node>();
        foreach (var node in nodes)
        {
            while (open.Count > 0 && !IsAncestor(open[^1], node))
            {
                open[^1].EndLine = Math.Max(open[^1].StartLine, node.StartLine - 1);
                open.RemoveAt(open.Count - 1);
            }
            open.Add(node);
        }
        foreach (var node in open) node.EndLine = lastLine;
        foreach (var node in nodes)
        {
            int end = node.EndLine;
            while (end > node.StartLine && (skipped[end] || source.Line(end).IsWhiteSpace())) end--;
            node.EndLine = end;
        }
    }

    private static bool IsAncestor(Node candidate, Node node)
    {
        for (var p = node.Parent; p is not null; p = p.Parent) if (ReferenceEquals(p, candidate)) return true;
        return false;
    }

    private static int LevelOf(Node node)
    {
        int level = 1;
        for (var p = node.Parent; p is not null; p = p.Parent) level++;
        return level;
    }

    private static string Unique(string id, HashSet<string> ids)
    {
        if (ids.Add(id)) return id;
        for (int k = 2; ; k++)
        {
            var candidate = $"{id}~{k}";
            if (ids.Add(candidate)) return candidate;
        }
    }
}
