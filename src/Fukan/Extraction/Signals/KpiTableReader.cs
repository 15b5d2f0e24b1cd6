using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Signals;

/// <summary>
/// Reads a KPI table in a signal section: pipe rows (<c>| 指標 | 現状 | 閾値 | 意味 |</c>) whose header names a
/// threshold column (閾値, しきい値, 目標, 基準, トリガー, 条件, threshold, target, trigger …). Each data row is a
/// signal: the metric column (指標, KPI, 項目, metric …; else the first column), the threshold cell (a quantity with
/// its comparison, or text for a qualitative condition), the current column (現状, 現在, current …) and the
/// implication column (意味, 示唆, 影響, implication …). A threshold stated without a comparison is read as the
/// value to reach from the current one: at least it when the current value is below, at most it when above.
/// </summary>
public static class KpiTableReader
{
    private static readonly string[] MetricWords = ["指標", "kpi", "項目", "metric", "indicator", "シグナル", "signal"];
    private static readonly string[] CurrentWords = ["現状", "現在", "足元", "直近", "実績", "current", "today", "now", "sota", "as of"];
    private static readonly string[] ThresholdWords = ["閾値", "しきい値", "目標", "基準", "トリガー", "条件", "水準", "ライン", "threshold", "target", "trigger", "condition", "watch for", "line"];
    private static readonly string[] ImplicationWords = ["意味", "示唆", "影響", "帰結", "インパクト", "implication", "meaning", "impact", "so what", "what it means"];

    /// <summary>The cells of a pipe row as spans of <paramref name="text"/>, trimmed; empty when it is not a pipe row.</summary>
    public static List<(int Start, int End)> Cells(string text)
    {
        var cells = new List<(int, int)>();
        int first = text.IndexOf('|');
        if (first < 0) return cells;
        int start = first + 1;
        for (int i = start; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '|') continue;
            if (i == text.Length && text.AsSpan(start).Trim().Length == 0) break;
            int s = start, e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            cells.Add((s, e));
            start = i + 1;
        }
        return cells;
    }

    /// <summary>Signals from the rows of one table (header first), or none when the header names no threshold column.</summary>
    public static List<SignalFact> Read(IReadOnlyList<Passage> rows, QuantityParser parser, ExtractionContext context, Func<string, string, string> domain)
    {
        var result = new List<SignalFact>();
        if (rows.Count < 2) return result;
        var header = rows[0];
        var headerCells = Cells(header.Text);
        int metric = -1, current = -1, threshold = -1, implication = -1;
        for (int c = 0; c < headerCells.Count; c++)
        {
            var name = TextFolding.Fold(header.Text.AsSpan(headerCells[c].Start, headerCells[c].End - headerCells[c].Start));
            if (threshold < 0 && SignalLexicon.ContainsAny(name, ThresholdWords)) threshold = c;
            else if (current < 0 && SignalLexicon.ContainsAny(name, CurrentWords)) current = c;
            else if (implication < 0 && SignalLexicon.ContainsAny(name, ImplicationWords)) implication = c;
            else if (metric < 0 && SignalLexicon.ContainsAny(name, MetricWords)) metric = c;
        }
        if (threshold < 0) return result;
        if (metric < 0) metric = threshold == 0 ? 1 : 0;

        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var text = row.Text;
            var cells = Cells(text);
            if (cells.Count <= Math.Max(metric, threshold) || IsRule(text, cells)) continue;
            var quantities = parser.Parse(text);
            var (ms, me) = cells[metric];
            var (ts, te) = cells[threshold];
            if (me <= ms || te <= ts) continue;
            var parts = new List<SignalPart> { new("metric", text[ms..me], row.ProvenanceOf(ms, me, context.Source)) };

            SignalValue? currentValue = null;
            if (current >= 0 && current < cells.Count && Quantity(quantities, cells[current]) is { } cq)
            {
                currentValue = new SignalValue(cq.Text, cq.Value, cq.ValueMax, cq.Unit, cq.Approximate, row.ProvenanceOf(cq.Span.Start, cq.Span.End, context.Source));
                var (cs, ce) = cells[current];
                parts.Add(new SignalPart("current", text[cs..ce], row.ProvenanceOf(cs, ce, context.Source)));
            }
            parts.Add(new SignalPart("signal", text[ts..te], row.ProvenanceOf(ts, te, context.Source)));
            string? implicationText = null;
            if (implication >= 0 && implication < cells.Count && cells[implication].End > cells[implication].Start)
            {
                var (xs, xe) = cells[implication];
                implicationText = text[xs..xe];
                parts.Add(new SignalPart("implication", implicationText, row.ProvenanceOf(xs, xe, context.Source)));
            }

            SignalComparator? comparator = null;
            decimal? value = null;
            string? unit = null;
            if (Quantity(quantities, cells[threshold]) is { } tq)
            {
                value = tq.Value;
                unit = tq.Unit;
                comparator = ComparatorReader.Read(text, tq, out _);
                if (comparator is null && currentValue is not null && string.Equals(currentValue.Unit, unit, StringComparison.OrdinalIgnoreCase))
                    comparator = (currentValue.ValueMax ?? currentValue.Value) < tq.Value ? SignalComparator.AtLeast
                        : currentValue.Value > tq.Value ? SignalComparator.AtMost : null;
            }
            var metricText = text[ms..me];
            var span = new CharSpan(parts.Min(p => p.Provenance.Span.Start), parts.Max(p => p.Provenance.Span.End));
            result.Add(new SignalFact(metricText, comparator?.ToSymbol(), value, unit, currentValue, text[ts..te], implicationText,
                domain(metricText, implicationText is null ? text[ts..te] : text[ts..te] + " " + implicationText), row.SectionId, parts.OrderBy(p => p.Provenance.Span.Start).ToList(), Provenance.Of(context.Document.Id, context.Source, span)));
        }
        return result;
    }

    private static QuantityMatch? Quantity(IReadOnlyList<QuantityMatch> quantities, (int Start, int End) cell)
    {
        foreach (var q in quantities)
            if (q.Span.Start >= cell.Start && q.Span.End <= cell.End) return q;
        return null;
    }

    // "| :--- | ---: |": a markdown alignment row.
    private static bool IsRule(string text, List<(int Start, int End)> cells)
    {
        foreach (var (s, e) in cells)
            for (int i = s; i < e; i++)
                if (text[i] is not ('-' or ':' or ' ')) return false;
        return true;
    }
}
