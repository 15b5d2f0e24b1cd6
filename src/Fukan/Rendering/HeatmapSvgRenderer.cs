using System.Globalization;
using System.Text;
using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;

namespace Fukan.Rendering;

/// <summary>
/// Renders a landscape heatmap (areas × countries × basic/applied) as a self-contained SVG: one row per area under
/// its division, a cell per country and phase coloured by rating with the rating and trend written in it, and a
/// tooltip with the evidence and the source line. A legend at the foot. All document text is XML-escaped.
/// </summary>
public sealed class HeatmapSvgRenderer
{
    private const int LabelWidth = 330;
    private const int CellWidth = 34;
    private const int CountryGap = 8;
    private const int RowHeight = 22;
    private const int Top = 92;
    private const int Margin = 16;
    private const int MaxLabelChars = 26;

    /// <summary>Fill colours by rating, and the empty (unreadable) cell.</summary>
    internal static string Fill(string? rating) => rating switch
    {
        "◎" => "#2f855a",
        "○" => "#9ae6b4",
        "△" => "#fbd38d",
        "×" => "#feb2b2",
        _ => "#e2e8f0",
    };

    public string Render(LandscapeMatrix matrix, string? phase, string title)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int slots = phase is PhaseLabels.Basic or PhaseLabels.Applied ? 1 : 2;
        int slot0 = phase == PhaseLabels.Applied ? 1 : 0;
        int countryWidth = slots * CellWidth + CountryGap;
        int width = Math.Max(640, Margin + LabelWidth + matrix.Countries.Count * countryWidth + Margin);
        int rows = 0;
        string? division = null;
        foreach (var a in matrix.Areas)
        {
            if (a.Division is { } d && d != division) { division = d; rows++; }
            rows++;
        }
        int height = Top + rows * RowHeight + 70;

        var svg = new StringBuilder(16384);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif\">\n");
        svg.Append("<style>text{fill:#1a202c;font-size:12px} .head{font-weight:700} .division{font-weight:700;fill:#2d3748} .cell{font-size:13px} .note{font-size:11px;fill:#4a5568}</style>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"28\" font-size=\"18\" font-weight=\"700\" style=\"font-size:18px\">{XmlText.Escape(Truncate(title, 90))}</text>\n");

        // Column heads: the country, and under it b / a.
        for (int c = 0; c < matrix.Countries.Count; c++)
        {
            double x = Margin + LabelWidth + c * countryWidth + slots * CellWidth / 2.0;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"head\" x=\"{x:F1}\" y=\"{Top - 30}\" text-anchor=\"middle\">{XmlText.Escape(matrix.Countries[c])}</text>");
            if (slots == 2)
                for (int s = 0; s < 2; s++)
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"note\" x=\"{Margin + LabelWidth + c * countryWidth + s * CellWidth + CellWidth / 2.0:F1}\" y=\"{Top - 12}\" text-anchor=\"middle\">{(s == 0 ? "b" : "a")}</text>");
        }
        svg.Append('\n');

        double y = Top;
        division = null;
        foreach (var area in matrix.Areas)
        {
            if (area.Division is { } d && d != division)
            {
                division = d;
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"division\" x=\"{Margin}\" y=\"{y + 15:F1}\">{XmlText.Escape(Truncate(d, 60))}</text>\n");
                y += RowHeight;
            }
            var label = $"{area.AreaId} {area.Title}{(area.OtherPhases ? " *" : "")}";
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{XmlText.Escape(label)}</title><text x=\"{Margin + 8}\" y=\"{y + 15:F1}\">{XmlText.Escape(Truncate(label, MaxLabelChars))}</text></g>");
            for (int c = 0; c < matrix.Countries.Count; c++)
                for (int s = 0; s < slots; s++)
                {
                    var row = area.Cell(matrix.Countries[c], slot0 + s);
                    double x = Margin + LabelWidth + c * countryWidth + s * CellWidth;
                    if (row is null)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 1:F1}\" y=\"{y + 1:F1}\" width=\"{CellWidth - 2}\" height=\"{RowHeight - 2}\" fill=\"none\" stroke=\"#edf2f7\"/>");
                        continue;
                    }
                    var text = (row.Rating ?? "?") + (row.Trend is null ? "" : ComparisonSymbols.Arrow(row.Trend));
                    var tip = $"{row.AreaId} {row.Area} · {row.CountryLabel} {row.PhaseLabel}: {text} (line {row.Source.Line})" +
                              (row.Evidence.Count > 0 ? "\n" + string.Join("\n", row.Evidence.Select(e => "• " + Truncate(e, 120))) : "");
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<g><title>{XmlText.Escape(tip)}</title><rect x=\"{x + 1:F1}\" y=\"{y + 1:F1}\" width=\"{CellWidth - 2}\" height=\"{RowHeight - 2}\" rx=\"3\" fill=\"{Fill(row.Rating)}\"/>" +
                        $"<text class=\"cell\" x=\"{x + CellWidth / 2.0:F1}\" y=\"{y + 16:F1}\" text-anchor=\"middle\"{(row.Rating == "◎" ? " style=\"fill:#ffffff\"" : "")}>{XmlText.Escape(text)}</text></g>");
                }
            svg.Append('\n');
            y += RowHeight;
        }

        // Legend.
        y += 16;
        double lx = Margin;
        foreach (var (rating, words) in new[] { ("◎", "particularly remarkable"), ("○", "remarkable"), ("△", "not remarkable"), ("×", "nothing notable"), ("?", "not readable") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:F1}\" y=\"{y - 11:F1}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{Fill(rating == "?" ? null : rating)}\"/><text class=\"note\" x=\"{lx + 20:F1}\" y=\"{y:F1}\">{XmlText.Escape(rating + " " + words)}</text>");
            lx += 40 + words.Length * 6.2;
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"note\" x=\"{Margin}\" y=\"{y + 20:F1}\">{XmlText.Escape("↗ rising  → steady  ↘ falling · b = 基礎研究 basic research, a = 応用研究・開発 applied research & development · hover a cell for its evidence and line")}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Truncate(string s, int max) => TextCut.Ellipsis(s, max);
}
