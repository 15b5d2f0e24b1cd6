using System.Text;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Splits a keyword list (（2）キーワード) written over wrapped lines: lines are joined first — without a space in
/// Japanese (ガス / 分離膜 → ガス分離膜, ISO/ / TC229 → ISO/TC229), with one between Latin words (Direct Air /
/// Capture) — then the list is split on 、 ， ; (and on commas in a list that has no 、), never inside brackets.
/// </summary>
public static class KeywordSplitter
{
    /// <summary>Joins the (trimmed) lines of a keyword list and splits it into keywords.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.AsSpan().Trim().Trim('\u3000');
            if (line.IsEmpty) continue;
            if (sb.Length > 0)
            {
                char last = sb[^1];
                char first = line[0];
                if (!IsSeparator(last) && !IsSeparator(first) && !IsWide(last) && !IsWide(first) && last is not ('/' or '-' or '–' or '・'))
                    sb.Append(' ');
            }
            sb.Append(line);
        }
        return SplitJoined(sb.ToString());
    }

    /// <summary>Splits an already joined keyword list.</summary>
    public static IReadOnlyList<string> SplitJoined(string text)
    {
        bool ideographicCommas = text.Contains('、') || text.Contains('，');
        var result = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        foreach (char c in text)
        {
            if (c is '（' or '(' or '「' or '『' or '［' or '[' or '【') depth++;
            else if (c is '）' or ')' or '」' or '』' or '］' or ']' or '】') depth = Math.Max(0, depth - 1);
            bool split = depth == 0 && (c is '、' or '，' or ';' or '；' || (!ideographicCommas && c == ','));
            if (split) { Add(result, current); continue; }
            current.Append(c);
        }
        Add(result, current);
        return result;
    }

    private static void Add(List<string> result, StringBuilder current)
    {
        var k = current.ToString().Trim().Trim('\u3000').TrimEnd('。', '.', '．').Trim();
        current.Clear();
        if (k.Length > 0) result.Add(k);
    }

    private static bool IsSeparator(char c) => c is '、' or '，' or ',' or ';' or '；';

    private static bool IsWide(char c) =>
        Normalizing.TextFolding.IsCjk(c) || Normalizing.TextFolding.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF60';
}
