using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Structure;

/// <summary>
/// Repairs body lines into passages. Japanese wraps join without a space, Latin ones with one; in hard-wrapped
/// (PDF) text a paragraph continues across blank lines and page breaks while its last line is full and
/// unfinished, or the next line cannot start a sentence. Bullets, table rows, footnotes and captions start their
/// own passages. Markdown emphasis and link targets are dropped from the text. Every passage keeps an
/// <see cref="OffsetMap"/> to the source, so any span of it maps back to original lines and characters.
/// </summary>
public sealed class PassageBuilder
{
    private const string PathSeparator = " › ";

    public IReadOnlyList<Passage> Build(DocumentId id, SourceText source, StructureResult structure, LayoutProfile layout, bool markdown)
    {
        var sections = structure.Sections;
        var paths = new string[sections.Count];
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sections.Count; i++)
        {
            indexById[sections[i].Id] = i;
            var parent = sections[i].ParentId;
            paths[i] = parent is not null && indexById.TryGetValue(parent, out int p) && paths[p].Length > 0
                ? paths[p] + PathSeparator + sections[i].Label
                : sections[i].Label;
        }

        var passages = new List<Passage>(source.LineCount / 3 + 1);
        int currentSection = -1;
        MappedTextBuilder? text = null;
        PassageKind kind = PassageKind.Paragraph;
        bool pipeRow = false;
        int prevLine = -1;
        bool sawBlank = false;
        var recent = new RecentWidths();
        int prevWidth = 0;   // display width of prevLine, trimmed, once it holds body text
        bool inFence = false;
        // One builder serves every passage of the document: Build copies its text and map out.
        var builder = new MappedTextBuilder();
        int firstLine = -1;

        void Flush()
        {
            if (text is null) return;
            text.TrimEnd();
            if (text.Length > 0)
            {
                var (t, map) = text.Build();
                var span = map.ToSource(0, t.Length);
                var prov = Provenance.Of(id, source, span);
                string? sectionId = currentSection >= 0 ? sections[currentSection].Id : null;
                string path = currentSection >= 0 ? paths[currentSection] : "";
                passages.Add(new Passage(id, passages.Count, kind, t, sectionId, path, prov, map));
            }
            text = null;
        }

        for (int l = 1; l <= source.LineCount; l++)
        {
            if (structure.Skipped[l]) continue;
            if (structure.HeadingLines.TryGetValue(l, out int sectionIndex))
            {
                Flush();
                // The section a heading opens is the last one created on its line (implicit parents come first).
                currentSection = sectionIndex;
                text = builder.Clear();
                kind = PassageKind.Heading;
                AppendLine(text, source, l, markdown, heading: true);
                Flush();
                prevLine = l; sawBlank = false;
                continue;
            }
            var raw = source.Line(l);
            var trimmed = raw.Trim();
            if (trimmed.IsEmpty)
            {
                sawBlank = true;
                if (!layout.HardWrapped) Flush();
                continue;
            }
            if (markdown && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")))
            {
                Flush();
                inFence = !inFence;
                prevLine = l; sawBlank = false;
                continue;
            }

            var start = inFence ? LineStart.Plain : PassageRules.Classify(trimmed, layout.HardWrapped);
            // A "field" (究総括：…) straight after a full, unfinished line of wrapped text is the rest of a word cut at
            // the margin (（研 / 究総括：伊藤…）), not a label that starts a block.
            if (start == LineStart.Field && text is not null && layout.HardWrapped && kind != PassageKind.Heading
                && !PassageRules.IsTerminated(source.Line(prevLine))
                && (!sawBlank && layout.IsFull(prevWidth, recent.Max) || PassageRules.LeavesBracketOpen(source.Line(prevLine))))
                start = LineStart.Plain;
            bool startNew;
            if (firstLine < 0) firstLine = prevLine < 0 ? l : 0;
            if (text is null || inFence && sawBlank) startNew = true;
            // The document's first line (its title in PDF text) stands alone once a blank line follows it.
            else if (sawBlank && prevLine == firstLine) startNew = true;
            else if (start != LineStart.Plain || pipeRow) startNew = true;
            else if (kind == PassageKind.Heading) startNew = true;
            else
            {
                var prev = source.Line(prevLine).Trim();
                bool terminated = PassageRules.IsTerminated(prev);
                bool full = layout.IsFull(prevWidth, recent.Max);
                if (sawBlank)
                    startNew = !(layout.HardWrapped && !terminated && (full || PassageRules.IsContinuationStart(trimmed) || PassageRules.LeavesBracketOpen(prev)));
                else if (!layout.HardWrapped || kind == PassageKind.TableRow)
                    startNew = false;
                else if (terminated)
                    // A finished sentence on a short line ends the paragraph; so does a new PDF text block
                    // (leading space) or a short label (日本 / 欧州) after a finished sentence.
                    startNew = !full || char.IsWhiteSpace(raw[0]) || TextFolding.DisplayWidth(trimmed) <= 12;
                else
                    // A short unfinished line is a caption or an unmarked heading, not a wrapped line; a line that
                    // opens a new PDF text block (leading space) after a line that stopped short ends it too
                    // (a list item's last line, then the paragraph after the list).
                    startNew = !full && (prevWidth <= 40 && prevWidth < recent.Max * 0.6 || char.IsWhiteSpace(raw[0]) && !PassageRules.LeavesBracketOpen(prev))
                        && !PassageRules.IsContinuationStart(trimmed);
            }

            if (startNew)
            {
                Flush();
                text = builder.Clear();
                pipeRow = start == LineStart.PipeRow;
                kind = start switch
                {
                    LineStart.Bullet => PassageKind.Bullet,
                    LineStart.TableRow or LineStart.PipeRow => PassageKind.TableRow,
                    LineStart.Footnote => PassageKind.Footnote,
                    _ => PassageKind.Paragraph,
                };
                if (pipeRow && IsPipeSeparator(trimmed)) { text = null; prevLine = l; sawBlank = false; continue; }
            }
            else
            {
                AppendSeparator(text!, trimmed, inFence);
            }
            AppendLine(text!, source, l, markdown && !inFence, heading: false);

            prevWidth = TextFolding.DisplayWidth(trimmed);
            recent.Add(prevWidth);
            prevLine = l;
            sawBlank = false;
        }
        Flush();
        return passages;
    }

    private static void AppendSeparator(MappedTextBuilder text, ReadOnlySpan<char> next, bool fence)
    {
        if (text.Length == 0) return;
        if (fence) { text.AppendInserted("\n"); return; }
        char last = text[text.Length - 1];
        char first = next[0];
        if (last == ' ') return;
        // Japanese wraps join without a space; anything else (Latin words, arrows, ratings) gets one.
        if (!IsJapanese(last) && !IsJapanese(first)) text.AppendInserted(" ");
    }

    private static bool IsJapanese(char c) => TextFolding.IsCjk(c) || TextFolding.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF60';

    /// <summary>Appends the trimmed line: tabs become spaces, markdown emphasis and link targets are dropped.</summary>
    private static void AppendLine(MappedTextBuilder text, SourceText source, int line, bool markdown, bool heading)
    {
        int lineStart = source.LineStart(line);
        var raw = source.Line(line);
        int s = 0, e = raw.Length;
        while (s < e && char.IsWhiteSpace(raw[s])) s++;
        while (e > s && char.IsWhiteSpace(raw[e - 1])) e--;
        if (heading && markdown)
        {
            while (s < e && raw[s] == '#') s++;
            while (s < e && raw[s] is ' ' or '\t') s++;
            while (e > s && raw[e - 1] == '#') e--;
            while (e > s && raw[e - 1] is ' ' or '\t') e--;
        }
        if (!markdown)
        {
            AppendPlain(text, raw[s..e], lineStart + s);
            return;
        }
        int runStart = s;
        int i = s;
        while (i < e)
        {
            char c = raw[i];
            if ((c == '*' || c == '_') && i + 1 < e && raw[i + 1] == c)
            {
                AppendPlain(text, raw[runStart..i], lineStart + runStart);
                i += 2; runStart = i; continue;
            }
            if (c == '`')
            {
                AppendPlain(text, raw[runStart..i], lineStart + runStart);
                i++; runStart = i; continue;
            }
            if (c == '[' || (c == '!' && i + 1 < e && raw[i + 1] == '['))
            {
                int open = c == '!' ? i + 1 : i;
                int close = raw[open..e].IndexOf("](");
                if (close > 0)
                {
                    int textEnd = open + close;
                    int urlEnd = raw[(textEnd + 2)..e].IndexOf(')');
                    if (urlEnd >= 0)
                    {
                        AppendPlain(text, raw[runStart..i], lineStart + runStart);
                        AppendPlain(text, raw[(open + 1)..textEnd], lineStart + open + 1);
                        i = textEnd + 2 + urlEnd + 1; runStart = i; continue;
                    }
                }
            }
            i++;
        }
        AppendPlain(text, raw[runStart..e], lineStart + runStart);
    }

    private static void AppendPlain(MappedTextBuilder text, ReadOnlySpan<char> run, int sourceStart)
    {
        if (run.IsEmpty) return;
        if (run.IndexOf('\t') < 0) { text.Append(run, sourceStart); return; }
        Span<char> copy = run.Length <= 512 ? stackalloc char[run.Length] : new char[run.Length];
        run.CopyTo(copy);
        for (int i = 0; i < copy.Length; i++) if (copy[i] == '\t') copy[i] = ' ';
        text.Append(copy, sourceStart);
    }

    private static bool IsPipeSeparator(ReadOnlySpan<char> t)
    {
        foreach (char c in t) if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }
}
