namespace Fukan.Extraction.Signals;

/// <summary>
/// A KPI heading read as a topic: <c>1. AIエージェント：SWE-benchの解決率</c> has the prefix "AIエージェント" (the
/// domain it belongs to) and the metric "SWE-benchの解決率". A heading without a colon is all metric.
/// </summary>
public sealed record SignalTopic(string? Prefix, string Metric)
{
    /// <summary>Reads a section title: numbering and marks removed, split at the first colon.</summary>
    public static SignalTopic Parse(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = StripNumbering(title.AsSpan().Trim());
        int colon = t.IndexOfAny(':', '：');
        if (colon > 0 && colon < t.Length - 1)
        {
            var prefix = t[..colon].Trim();
            var rest = t[(colon + 1)..].Trim();
            if (prefix.Length > 0 && rest.Length > 0) return new SignalTopic(prefix.ToString(), rest.ToString());
        }
        return new SignalTopic(null, t.ToString());
    }

    private static ReadOnlySpan<char> StripNumbering(ReadOnlySpan<char> t)
    {
        while (t.Length > 0 && t[0] is '#' or '■' or '●' or '◆' or '□' or '▼' or '▶' or '【' or '［' or '[') t = t[1..].TrimStart();
        if (t.Length > 0 && t[^1] is '】' or '］' or ']') t = t[..^1].TrimEnd();
        int i = 0;
        if (t.Length > 0 && t[0] is '(' or '（')
        {
            int close = t.IndexOfAny(')', '）');
            if (close > 0 && close <= 4) return t[(close + 1)..].TrimStart();
        }
        if (t.StartsWith("第"))
        {
            int j = 1;
            while (j < t.Length && (char.IsDigit(t[j]) || "一二三四五六七八九十".Contains(t[j]))) j++;
            if (j > 1 && j < t.Length && t[j] is '章' or '節' or '部') return t[(j + 1)..].TrimStart();
        }
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || (t[i] is '.' or '．' && i > 0))) i++;
        if (i > 0 && i < t.Length && (t[i] is ' ' or '\u3000' || t[i - 1] is '.' or '．')) return t[i..].TrimStart(" \u3000.．)）");
        return t;
    }
}
