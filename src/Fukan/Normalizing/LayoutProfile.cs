using Fukan.Model;

namespace Fukan.Normalizing;

/// <summary>
/// How a document's lines are laid out. PDF-extracted text is hard-wrapped: most body lines stop at one
/// column width, mid-word, and paragraphs continue across blank lines. Markdown, minutes and blog text put a
/// paragraph on one line. The profile decides which joining rules apply.
/// </summary>
public sealed record LayoutProfile(bool HardWrapped, int WrapWidth)
{
    /// <summary>Measures the display widths of content lines and looks for a dominant wrap column.</summary>
    public static LayoutProfile Measure(SourceText source, bool[] furniture, int firstLine)
    {
        var widths = new List<int>(source.LineCount);
        for (int line = firstLine; line <= source.LineCount; line++)
        {
            if (furniture[line]) continue;
            var text = source.Line(line).Trim();
            if (text.Length < 4) continue;
            int w = TextFolding.DisplayWidth(text);
            if (w >= 24) widths.Add(w);   // labels and table cells say nothing about the wrap column
        }
        if (widths.Count < 40) return new LayoutProfile(false, int.MaxValue);
        widths.Sort();
        int p90 = widths[(int)(widths.Count * 0.9)];
        // The wrap column is the most common width band near the top of the distribution.
        var bands = new Dictionary<int, int>();
        foreach (var w in widths) if (w >= p90 / 2) bands[w / 4] = bands.GetValueOrDefault(w / 4) + 1;
        int bestBand = 0, bestCount = 0;
        foreach (var (band, count) in bands) if (count > bestCount || (count == bestCount && band > bestBand)) (bestBand, bestCount) = (band, count);
        int wrap = bestBand * 4 + 3;
        int near = 0;
        foreach (var w in widths) if (w >= wrap * 0.85 && w <= wrap * 1.15) near++;
        bool hard = wrap >= 40 && near >= widths.Count * 0.25;
        return new LayoutProfile(hard, hard ? wrap : int.MaxValue);
    }

    /// <summary>True when a line reaches the wrap column, so it probably continues on the next line.</summary>
    public bool IsFull(ReadOnlySpan<char> line, int localWidth) => IsFull(TextFolding.DisplayWidth(line.Trim()), localWidth);

    /// <summary>True when a line of (trimmed) display width <paramref name="displayWidth"/> reaches the wrap column;
    /// for callers that already measured the line.</summary>
    public bool IsFull(int displayWidth, int localWidth)
    {
        int width = HardWrapped ? Math.Min(WrapWidth, Math.Max(localWidth, 24)) : localWidth;
        return displayWidth >= width * 0.85;
    }
}
