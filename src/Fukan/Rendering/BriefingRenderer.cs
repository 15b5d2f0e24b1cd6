using System.Globalization;
using System.Text;
using Fukan.Analysis.Briefing;
using Fukan.Analysis.Landscape;
using Fukan.Analysis.Signals;
using Fukan.Extraction.Landscape;

namespace Fukan.Rendering;

/// <summary>The formats a briefing renders to.</summary>
public enum BriefingFormat
{
    /// <summary>Markdown (GitHub flavour: pipe tables).</summary>
    Markdown,

    /// <summary>One self-contained HTML file: inline style, no scripts, no external resources.</summary>
    Html,
}

/// <summary>
/// Renders a <see cref="Briefing"/>: the same sections and wording in Markdown and in HTML, every statement
/// followed by its document and lines. Document text is escaped for the format (HTML: every markup character;
/// Markdown: the characters that would start markup or break a table), so a document cannot inject either.
/// </summary>
public sealed class BriefingRenderer
{
    public string Render(Briefing briefing, BriefingFormat format)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        IBriefingWriter w = format == BriefingFormat.Html ? new HtmlWriter() : new MarkdownWriter();
        var d = briefing.Document;
        w.Begin($"Briefing: {d.Title}");
        w.Paragraph($"{Path.GetFileName(d.Path)} · {(d.DateText is { } t ? t + " · " : "")}document {d.Id.Short}{(briefing.Defaulted ? " · the newest report with an international comparison" : "")}. " +
                    "Every statement names the document and lines it comes from (fukan source DOC --lines A-B prints them).");

        Heatmap(w, briefing);
        Gaps(w, briefing);
        Ranking(w, briefing);
        Signals(w, briefing);
        Milestones(w, briefing);
        return w.End();
    }

    private static void Heatmap(IBriefingWriter w, Briefing b)
    {
        w.Heading("International comparison");
        var m = b.Heatmap;
        if (m.Areas.Count == 0) { w.Paragraph("The report has no international comparison rows."); return; }
        var head = new List<string> { "area" };
        foreach (var c in m.Countries) { head.Add($"{c} b"); head.Add($"{c} a"); }
        head.Add("lines");
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var area in m.Areas)
        {
            var row = new List<Cell> { new($"{area.AreaId} {area.Title}{(area.OtherPhases ? " *" : "")}", null) };
            int first = int.MaxValue, last = 0;
            foreach (var c in m.Countries)
                for (int s = 0; s < 2; s++)
                {
                    var r = area.Cell(c, s);
                    if (r is null) { row.Add(new("", null)); continue; }
                    first = Math.Min(first, r.Source.Line);
                    last = Math.Max(last, r.Source.EndLine);
                    row.Add(new((r.Rating ?? "?") + (r.Trend is null ? "" : ComparisonSymbols.Arrow(r.Trend)), HeatmapSvgRenderer.Fill(r.Rating)));
                }
            row.Add(new(first == int.MaxValue ? "" : b.Where(b.Document.Id, first, last), null));
            rows.Add(row);
        }
        w.Table(head, rows);
        w.Note("b = 基礎研究 basic research, a = 応用研究・開発 applied research & development. ◎ particularly remarkable, ○ remarkable, △ not remarkable, × nothing notable, ? not readable; ↗ rising, → steady, ↘ falling. * the area rates other dimensions in the b / a columns.");
    }

    private static void Gaps(IBriefingWriter w, Briefing b)
    {
        w.Heading($"Gaps: {b.Country}");
        if (b.Gaps.Count == 0)
        {
            bool rated = b.Heatmap.Countries.Contains(b.Country);
            w.Paragraph(rated ? $"No gaps for {b.Country}." : $"The report does not rate {b.Country}.");
            return;
        }
        foreach (var (kind, title) in new[]
        {
            (Gap.AppliedLagsBasic, "Strong in basic research, weaker in applied research and development"),
            (Gap.Falling, "Falling (↘)"),
            (Gap.TrailsLeader, "Behind the leader"),
        })
        {
            var of = b.Gaps.Where(g => g.Kind == kind).ToList();
            if (of.Count == 0) continue;
            w.SubHeading($"{title} ({of.Count})");
            foreach (var g in of) w.Bullet($"{g.AreaId} {g.Area} — {g.PhaseLabel} {g.Rating ?? "?"}{ComparisonSymbols.Arrow(g.Trend)}: {g.Reason}", b.Where(g.Provenance));
        }
    }

    private static void Ranking(IBriefingWriter w, Briefing b)
    {
        w.Heading("Top-ranked areas");
        if (b.Ranking is not { } r) { w.Paragraph($"No ranking: {b.RankingNote}."); return; }
        w.Paragraph($"{r.Method}, position of {r.Country}, weights {r.Weights}: " +
                    string.Join(", ", r.Criteria.Where(c => c.Weight > 0).Select(c => $"{c.Id} {c.Weight.ToString("0.###", CultureInfo.InvariantCulture)}")) + ".");
        foreach (var a in r.Areas)
        {
            w.SubHeading($"{a.Rank}. {a.AreaId} {a.Title} — score {a.Score.ToString("0.000", CultureInfo.InvariantCulture)}");
            foreach (var c in a.Criteria.Where(c => c.Contribution > 0).OrderByDescending(c => c.Contribution).Take(3))
            {
                var evidence = c.Evidence.FirstOrDefault();
                w.Bullet($"{c.Id} contributes {c.Contribution.ToString("0.000", CultureInfo.InvariantCulture)}: {c.Detail}" + (evidence is null ? "" : $" — e.g. “{Short(evidence.Text, 160)}”"),
                    evidence is null ? (a.Provenance is { } p ? b.Where(p) : null) : b.Where(evidence.Provenance));
            }
        }
    }

    private static void Signals(IBriefingWriter w, Briefing b)
    {
        w.Heading("Watchlist verdicts");
        var s = b.Signals;
        w.Paragraph($"{s.Watchlist}: {s.Signals.Count} signal(s) against the {s.Documents} document(s) of the knowledge base.");
        foreach (var domain in s.Domains)
        {
            w.SubHeading($"{domain.Domain}: {domain.Verdict.ToText().ToUpperInvariant()}");
            foreach (var id in domain.Signals)
            {
                var signal = s.Signals.First(x => x.Id == id);
                var latest = signal.Latest;
                w.Bullet($"{signal.Id} — {signal.Status.ToText()}: {signal.Reason}" + (latest is null ? "" : $" (“{Short(latest.Sentence, 160)}”)"),
                    latest is null ? null : b.Where(latest.Provenance));
            }
        }
    }

    private static void Milestones(IBriefingWriter w, Briefing b)
    {
        w.Heading("Milestones");
        var events = b.Milestones.Lanes.SelectMany(l => l.Events).OrderBy(e => e.Date.Start ?? e.Date.End).ThenBy(e => e.Source.Line).ToList();
        if (events.Count == 0) { w.Paragraph("The report has no dated milestones."); return; }
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var e in events)
            rows.Add([new(e.DateText, null), new(e.Status, null), new(Short(e.Label, 120), null), new(string.Join(", ", e.Actors), null), new(b.Where(e.Source), null)]);
        w.Table(["when", "status", "milestone", "actors", "lines"], rows);
    }

    private static string Short(string s, int max)
    {
        var one = s.ReplaceLineEndings(" ");
        return TextCut.Ellipsis(one, max);
    }

    /// <summary>A table cell: its text and, for heatmap cells, a background colour.</summary>
    private sealed record Cell(string Text, string? Background);

    private interface IBriefingWriter
    {
        void Begin(string title);
        void Heading(string text);
        void SubHeading(string text);
        void Paragraph(string text);
        void Note(string text);
        void Bullet(string text, string? where);
        void Table(IReadOnlyList<string> head, IReadOnlyList<IReadOnlyList<Cell>> rows);
        string End();
    }

    private sealed class MarkdownWriter : IBriefingWriter
    {
        private readonly StringBuilder _sb = new();
        private bool _inList;

        public void Begin(string title) => _sb.Append("# ").Append(Escape(title)).Append("\n\n");

        public void Heading(string text) { EndList(); _sb.Append("## ").Append(Escape(text)).Append("\n\n"); }

        public void SubHeading(string text) { EndList(); _sb.Append("### ").Append(Escape(text)).Append("\n\n"); }

        public void Paragraph(string text) { EndList(); _sb.Append(Escape(text)).Append("\n\n"); }

        public void Note(string text) { EndList(); _sb.Append('_').Append(Escape(text)).Append("_\n\n"); }

        public void Bullet(string text, string? where)
        {
            _inList = true;
            _sb.Append("- ").Append(Escape(text));
            if (where is not null) _sb.Append(" (").Append(Escape(where)).Append(')');
            _sb.Append('\n');
        }

        public void Table(IReadOnlyList<string> head, IReadOnlyList<IReadOnlyList<Cell>> rows)
        {
            EndList();
            _sb.Append("| ").AppendJoin(" | ", head.Select(Escape)).Append(" |\n|");
            foreach (var _ in head) _sb.Append(" --- |");
            _sb.Append('\n');
            foreach (var row in rows) _sb.Append("| ").AppendJoin(" | ", row.Select(c => Escape(c.Text))).Append(" |\n");
            _sb.Append('\n');
        }

        public string End() { EndList(); return _sb.ToString().TrimEnd('\n') + "\n"; }

        private void EndList()
        {
            if (_inList) _sb.Append('\n');
            _inList = false;
        }

        /// <summary>
        /// Document text as literal Markdown: a backslash before every ASCII punctuation mark that can start markup or
        /// end a table cell, and &lt; &gt; &amp; as entities so no HTML passes through.
        /// </summary>
        internal static string Escape(string s)
        {
            var sb = new StringBuilder(s.Length + 8);
            foreach (char c in s.ReplaceLineEndings(" "))
            {
                switch (c)
                {
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '&': sb.Append("&amp;"); break;
                    case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                        sb.Append('\\').Append(c);
                        break;
                    default:
                        if (c >= 0x20 || c == '\t') sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }
    }

    private sealed class HtmlWriter : IBriefingWriter
    {
        private readonly StringBuilder _sb = new();
        private bool _inList;

        public void Begin(string title)
        {
            _sb.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
            _sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            _sb.Append("<title>").Append(XmlText.Escape(title)).Append("</title>\n");
            _sb.Append("<style>body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#1a202c;line-height:1.5}")
               .Append("table{border-collapse:collapse;font-size:13px;margin:1em 0}th,td{border:1px solid #e2e8f0;padding:2px 6px;text-align:left;vertical-align:top}")
               .Append("td.cell{text-align:center;min-width:2.2em}.where{color:#4a5568;font-size:90%}.note{color:#4a5568;font-size:90%}h2{border-bottom:1px solid #e2e8f0}</style>\n");
            _sb.Append("</head>\n<body>\n<h1>").Append(XmlText.Escape(title)).Append("</h1>\n");
        }

        public void Heading(string text) { EndList(); _sb.Append("<h2>").Append(XmlText.Escape(text)).Append("</h2>\n"); }

        public void SubHeading(string text) { EndList(); _sb.Append("<h3>").Append(XmlText.Escape(text)).Append("</h3>\n"); }

        public void Paragraph(string text) { EndList(); _sb.Append("<p>").Append(XmlText.Escape(text)).Append("</p>\n"); }

        public void Note(string text) { EndList(); _sb.Append("<p class=\"note\">").Append(XmlText.Escape(text)).Append("</p>\n"); }

        public void Bullet(string text, string? where)
        {
            if (!_inList) _sb.Append("<ul>\n");
            _inList = true;
            _sb.Append("<li>").Append(XmlText.Escape(text));
            if (where is not null) _sb.Append(" <span class=\"where\">(").Append(XmlText.Escape(where)).Append(")</span>");
            _sb.Append("</li>\n");
        }

        public void Table(IReadOnlyList<string> head, IReadOnlyList<IReadOnlyList<Cell>> rows)
        {
            EndList();
            _sb.Append("<table>\n<thead><tr>");
            foreach (var h in head) _sb.Append("<th>").Append(XmlText.Escape(h)).Append("</th>");
            _sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                _sb.Append("<tr>");
                foreach (var c in row)
                {
                    // Colours come from a fixed table (HeatmapSvgRenderer.Fill), never from the document.
                    if (c.Background is { } bg) _sb.Append("<td class=\"cell\" style=\"background:").Append(bg).Append("\">");
                    else _sb.Append("<td>");
                    _sb.Append(XmlText.Escape(c.Text)).Append("</td>");
                }
                _sb.Append("</tr>\n");
            }
            _sb.Append("</tbody>\n</table>\n");
        }

        public string End()
        {
            EndList();
            _sb.Append("</body>\n</html>\n");
            return _sb.ToString();
        }

        private void EndList()
        {
            if (_inList) _sb.Append("</ul>\n");
            _inList = false;
        }
    }
}
