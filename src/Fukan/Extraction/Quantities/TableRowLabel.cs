namespace Fukan.Extraction.Quantities;

/// <summary>
/// The row label of a markdown table row (<c>| 水電解装置コスト | 20万円/kW | 5.2万円/kW |</c>): in a table the first
/// cell names what every other cell's figure measures, and the cells themselves rarely carry a subject of their own.
/// A first cell that is itself a figure or a date (2025年度, 1,200) is no label.
/// </summary>
internal static class TableRowLabel
{
    /// <summary>Longer first cells are prose, not labels.</summary>
    private const int MaxLength = 40;

    /// <summary>The label of <paramref name="row"/> and the index where its cell ends, or null when it has none.</summary>
    public static (string Label, int CellEnd)? Of(string row)
    {
        var r = row.AsSpan();
        int open = 0;
        while (open < r.Length && char.IsWhiteSpace(r[open])) open++;
        if (open >= r.Length || r[open] != '|') return null;
        int rel = r[(open + 1)..].IndexOf('|');
        if (rel < 0) return null;
        int close = open + 1 + rel;
        var cell = r[(open + 1)..close].Trim().Trim('*').Trim();
        if (cell.Length == 0 || cell.Length > MaxLength) return null;
        if (ScanText.IsDigit(ScanText.FoldChar(cell[0]))) return null; // 2025年度, 1,200: a figure, not a name
        bool word = false;
        foreach (char c in cell)
        {
            char d = ScanText.FoldChar(c);
            if (ScanText.IsKanji(d) || ScanText.IsKatakana(d) || ScanText.IsAsciiLetter(d)) word = true;
        }
        return word ? (cell.ToString(), close) : null;
    }
}
