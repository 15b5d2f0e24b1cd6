using System.Globalization;
using System.Text;
using Fukan.Analysis.Timeline;
using Fukan.Extraction.Events;

namespace Fukan.Rendering;

/// <summary>
/// Renders a timeline as a self-contained SVG: one lane per group, a year axis, and each milestone drawn by its
/// precision — a dot for a day, a band for a month, quarter, half, year, fiscal year or period, an arrow for an
/// open end. Done milestones are filled, planned ones hollow and dashed. The legend is printed along the top, so
/// the chart reads without hunting. All document text is XML-escaped.
/// </summary>
public sealed class TimelineSvgRenderer
{
    private const int Width = 1280;
    private const int Gutter = 180;
    private const int RightPad = 30;
    private const int Top = 96;
    private const int RowHeight = 24;
    private const int LanePad = 10;
    private const int MaxLabelChars = 34;

    private static readonly string[] Palette = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#c53030", "#2c7a7b", "#4a5568", "#97266d"];

    public string Render(TimelineView view, string title)
    {
        var lo = new DateOnly(view.FromYear, 1, 1);
        var hi = new DateOnly(view.ToYear + 1, 1, 1);
        double span = hi.DayNumber - lo.DayNumber;
        double plot = Width - Gutter - RightPad;
        double X(DateOnly d) => Gutter + plot * Math.Clamp((d.DayNumber - lo.DayNumber) / span, 0, 1);

        // Pack each lane's events into rows so labels do not overlap. A label goes right of its mark; when it would
        // run past the right edge it goes left of the mark instead, so no label is cut by the canvas.
        var laneRows = new List<List<List<Placed>>>();
        foreach (var lane in view.Lanes)
        {
            var rows = new List<List<Placed>>();
            var rowEnds = new List<double>();
            foreach (var e in lane.Events)
            {
                double x0 = e.Date.Start is { } s ? X(s) : Gutter;
                double x1 = e.Date.End is { } en ? X(en.AddDays(1)) : Width - RightPad;
                if (e.Date.Precision == "day") x1 = x0;
                var label = Short(e.Label);
                double textWidth = TextWidth(label);
                double right = Math.Max(x0, x1);
                bool leftLabel = right + 8 + textWidth > Width - 8 && Math.Min(x0, x1) - 8 - textWidth >= 8;
                if (!leftLabel && right + 8 + textWidth > Width - 8)
                {
                    // No room on either side: shorten the label to what fits right of the mark.
                    label = FitLabel(e.Label, Width - 8 - (right + 8));
                    textWidth = TextWidth(label);
                }
                double start = leftLabel ? Math.Min(x0, x1) - 8 - textWidth : Math.Min(x0, x1);
                double end = leftLabel ? right : right + 8 + textWidth;
                int row = rowEnds.FindIndex(rowEnd => rowEnd + 12 < start);
                if (row < 0) { rows.Add(new()); rowEnds.Add(0); row = rows.Count - 1; }
                bool before = e.Date.Start is { } b0 && b0 < lo || e.Date.Start is null && e.Date.End is not null;
                bool after = e.Date.End is { } e0 && e0 >= hi;
                rows[row].Add(new Placed(e, x0, x1, label, leftLabel, before, after));
                rowEnds[row] = end;
            }
            laneRows.Add(rows);
        }
        int height = Top + laneRows.Sum(r => Math.Max(1, r.Count) * RowHeight + 2 * LanePad) + 40;

        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif\">\n");
        svg.Append("<style>text{fill:#1a202c} .small{font-size:11px} .lane{font-size:13px;font-weight:600} .axis{font-size:11px;fill:#4a5568}</style>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"28\" font-size=\"18\" font-weight=\"700\">{Escape(title)}</text>\n");
        // Legend, in words and shapes, along the top.
        svg.Append("<g class=\"small\" transform=\"translate(16,50)\">");
        svg.Append("<circle cx=\"6\" cy=\"0\" r=\"5\" fill=\"#4a5568\"/><text x=\"16\" y=\"4\">exact day</text>");
        svg.Append("<rect x=\"90\" y=\"-5\" width=\"34\" height=\"10\" rx=\"3\" fill=\"#4a5568\" opacity=\"0.55\"/><text x=\"130\" y=\"4\">fuzzy period (month, half, fiscal year …): band covers it</text>");
        svg.Append("<line x1=\"470\" y1=\"0\" x2=\"500\" y2=\"0\" stroke=\"#4a5568\" stroke-width=\"3\"/><path d=\"M500,-5 L510,0 L500,5 Z\" fill=\"#4a5568\"/><text x=\"516\" y=\"4\">open-ended (以降 / 過ぎ)</text>");
        svg.Append("<rect x=\"690\" y=\"-5\" width=\"20\" height=\"10\" rx=\"3\" fill=\"#4a5568\"/><text x=\"716\" y=\"4\">filled = done</text>");
        svg.Append("<rect x=\"810\" y=\"-5\" width=\"20\" height=\"10\" rx=\"3\" fill=\"#ffffff\" stroke=\"#4a5568\" stroke-dasharray=\"3,2\"/><text x=\"836\" y=\"4\">hollow = planned / targeted</text>");
        svg.Append("</g>\n");

        // Year grid and axis.
        for (int y = view.FromYear; y <= view.ToYear + 1; y++)
        {
            double x = X(new DateOnly(Math.Min(y, 9999), 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{Top - 14}\" x2=\"{x:F1}\" y2=\"{height - 30}\" stroke=\"#e2e8f0\"/>");
            if (y <= view.ToYear)
            {
                double mid = X(new DateOnly(y, 7, 1));
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{mid:F1}\" y=\"{Top - 18}\" text-anchor=\"middle\">{y}</text>");
            }
        }
        svg.Append('\n');

        double laneTop = Top;
        for (int li = 0; li < view.Lanes.Count; li++)
        {
            var lane = view.Lanes[li];
            var rows = laneRows[li];
            double laneHeight = Math.Max(1, rows.Count) * RowHeight + 2 * LanePad;
            string color = Palette[li % Palette.Length];
            if (li % 2 == 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{laneTop:F1}\" width=\"{Width}\" height=\"{laneHeight:F1}\" fill=\"#f7fafc\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"lane\" x=\"16\" y=\"{laneTop + LanePad + 16:F1}\" fill=\"{color}\">{Escape(Truncate(lane.Name, 18))} ({lane.Events.Count})</text>\n");
            for (int r = 0; r < rows.Count; r++)
            {
                double cy = laneTop + LanePad + r * RowHeight + RowHeight / 2.0;
                foreach (var p in rows[r])
                    DrawEvent(svg, p, cy, color);
            }
            laneTop += laneHeight;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"16\" y=\"{height - 10}\">{view.Count} milestone(s), {view.FromYear}–{view.ToYear}, grouped by {view.Grouping.ToString().ToLowerInvariant()}. Hover a milestone for its sentence and source line.</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>An event placed on a row: its mark's ends, its label and on which side it goes, and whether it runs past the axis.</summary>
    private sealed record Placed(EventFact Event, double X0, double X1, string Label, bool LeftLabel, bool StartsBefore, bool EndsAfter);

    private static void DrawEvent(StringBuilder svg, Placed placed, double cy, string color)
    {
        var (e, x0, x1) = (placed.Event, placed.X0, placed.X1);
        bool planned = e.Status == EventStatus.Planned;
        string fill = planned ? "#ffffff" : color;
        string stroke = $"stroke=\"{color}\" stroke-width=\"1.5\"" + (planned ? " stroke-dasharray=\"3,2\"" : "");
        svg.Append("<g>");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape($"{e.DateText} [{e.Status}] {e.Label}\n{string.Join(", ", e.Actors.Concat(e.Technologies))}\n{e.Source.Document.Short} line {e.Source.Line}")}</title>");
        if (e.Date.Precision == "day")
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x0:F1}\" cy=\"{cy:F1}\" r=\"5\" fill=\"{fill}\" {stroke}/>");
        else if (e.Date.Start is null || e.Date.End is null)
        {
            // Open-ended: an arrow towards the unknown side.
            double a = e.Date.Start is null ? x1 : x0, b = e.Date.Start is null ? Math.Max(x1 - 60, 0) : Math.Min(x0 + 60, x1);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{a:F1}\" y1=\"{cy:F1}\" x2=\"{b:F1}\" y2=\"{cy:F1}\" stroke=\"{color}\" stroke-width=\"3\"{(planned ? " stroke-dasharray=\"4,3\"" : "")}/>");
            double dir = b > a ? 1 : -1;
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{b:F1},{cy - 5:F1} L{b + 9 * dir:F1},{cy:F1} L{b:F1},{cy + 5:F1} Z\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{a:F1}\" cy=\"{cy:F1}\" r=\"3.5\" fill=\"{fill}\" {stroke}/>");
            x1 = Math.Max(a, b + 9 * dir);
        }
        else
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0:F1}\" y=\"{cy - 6:F1}\" width=\"{Math.Max(4, x1 - x0):F1}\" height=\"12\" rx=\"3\" fill=\"{fill}\" fill-opacity=\"{(planned ? 1 : 0.55)}\" {stroke}/>");
        // A period that began before the first year shown: a chevron at the axis start says it begins earlier.
        if (placed.StartsBefore && e.Date.Start is not null)
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"earlier\" d=\"M{Gutter - 2:F1},{cy - 6:F1} L{Gutter - 10:F1},{cy:F1} L{Gutter - 2:F1},{cy + 6:F1}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
        if (placed.EndsAfter && e.Date.Start is not null && e.Date.End is not null)
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"later\" d=\"M{Width - RightPad + 2:F1},{cy - 6:F1} L{Width - RightPad + 10:F1},{cy:F1} L{Width - RightPad + 2:F1},{cy + 6:F1}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
        if (placed.LeftLabel)
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{Math.Min(x0, x1) - 8:F1}\" y=\"{cy + 4:F1}\" text-anchor=\"end\">{Escape(placed.Label)}</text>");
        else
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{Math.Max(x0, x1) + 8:F1}\" y=\"{cy + 4:F1}\">{Escape(placed.Label)}</text>");
        svg.Append("</g>\n");
    }

    private static string Short(string label) => Truncate(label, MaxLabelChars);

    /// <summary>The label cut to <paramref name="room"/> pixels (estimated), with an ellipsis.</summary>
    private static string FitLabel(string label, double room)
    {
        var s = Short(label);
        for (int n = s.Length; n > 1 && TextWidth(s) > room; n--) s = Truncate(label, n);
        return s;
    }

    internal static string Truncate(string s, int max) => TextCut.Ellipsis(s, max);

    private static double TextWidth(string s)
    {
        double w = 0;
        foreach (char c in s) w += c < 0x2E80 ? 6.2 : 11;   // 11 px font: Latin about 6, CJK a full 11
        return w;
    }

    /// <summary>XML-escapes document text (it is untrusted).</summary>
    internal static string Escape(string s) => XmlText.Escape(s);
}
