using System.Text.RegularExpressions;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Reads one entry of 関連する他の研究開発領域: 「・分離技術（ナノテク・材料分野　2.1.2）」 is the area 分離技術 of the
/// field ナノテク・材料分野, numbered 2.1.2 there. The reference is the last bracket pair that ends in a section
/// number, so titles with brackets of their own (CO2 回収・貯留（CCS）, ライフサイクル管理（設計・評価・運用）) stay
/// whole; half-width brackets and missing spaces are read alike.
/// </summary>
public static partial class RelatedAreaParser
{
    [GeneratedRegex(@"(\d{1,2}(?:\s*[.．]\s*\d{1,2}){1,4})\s*$")]
    private static partial Regex TrailingNumber();

    /// <summary>The title, field and number of an entry (its bullet already removed or not).</summary>
    public static (string Text, string? Field, string? Number) Parse(string entry)
    {
        var t = entry.Trim().Trim('\u3000');
        int mark = EvidenceBuilder.MarkerLength(t);
        if (mark > 0) t = t[mark..].Trim().Trim('\u3000');
        var body = t.TrimEnd();
        if (body.Length > 0 && body[^1] is '）' or ')')
        {
            int depth = 0;
            for (int i = body.Length - 1; i >= 0; i--)
            {
                if (body[i] is '）' or ')') depth++;
                else if (body[i] is '（' or '(' && --depth == 0)
                {
                    var inner = body[(i + 1)..^1].Trim().Trim('\u3000');
                    var m = TrailingNumber().Match(inner);
                    if (!m.Success) break;
                    var number = Compact(m.Groups[1].Value);
                    var field = inner[..m.Index].Trim().Trim('\u3000').TrimEnd('、', ',', ' ');
                    var text = body[..i].Trim().Trim('\u3000');
                    return (text, field.Length > 0 ? field : null, number);
                }
            }
        }
        var bare = TrailingNumber().Match(body);
        if (bare.Success && bare.Index > 0 && char.IsWhiteSpace(body[bare.Index - 1]))
            return (body[..bare.Index].Trim().Trim('\u3000'), null, Compact(bare.Groups[1].Value));
        return (body, null, null);
    }

    /// <summary>
    /// True when <paramref name="field"/> (as an entry writes it, often abbreviated: ナノテク・材料分野) names the
    /// report's own field (ナノテクノロジー・材料分野), or says "this report" (本報告書).
    /// </summary>
    public static bool IsSameField(string field, string? reportField)
    {
        var f = TextFolding.Fold(field).Replace(" ", "", StringComparison.Ordinal);
        if (f is "本報告書" or "本書" or "本報告" or "本編" or "thisreport") return true;
        if (reportField is null) return false;
        var r = TextFolding.Fold(reportField).Replace(" ", "", StringComparison.Ordinal);
        f = f.EndsWith("分野", StringComparison.Ordinal) ? f[..^2] : f;
        r = r.EndsWith("分野", StringComparison.Ordinal) ? r[..^2] : r;
        if (f == r) return true;
        var fs = f.Split('・');
        var rs = r.Split('・');
        if (fs.Length != rs.Length) return false;
        for (int i = 0; i < fs.Length; i++)
            if (fs[i].Length == 0 || !(rs[i].StartsWith(fs[i], StringComparison.Ordinal) || fs[i].StartsWith(rs[i], StringComparison.Ordinal))) return false;
        return true;
    }

    /// <summary>The report's own field from its title: 「ナノテクノロジー・材料分野（2023年）研究開発の俯瞰報告書」 → ナノテクノロジー・材料分野.</summary>
    public static string? ReportField(string title)
    {
        int at = title.IndexOf("分野", StringComparison.Ordinal);
        if (at <= 0) return null;
        int start = at;
        while (start > 0 && !IsBreak(title[start - 1])) start--;
        return start < at ? title[start..(at + 2)] : null;
    }

    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || c is '\u3000' or '（' or '(' or '）' or ')' or '「' or '」' or '『' or '』' or '、' or '。' or '：' or ':';

    private static string Compact(string number)
    {
        var sb = new System.Text.StringBuilder(number.Length);
        foreach (char c in number)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(TextFolding.Fold(c));
        }
        return sb.ToString();
    }
}
