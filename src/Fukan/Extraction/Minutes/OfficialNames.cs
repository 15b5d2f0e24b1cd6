using Fukan.Extraction.Entities;

namespace Fukan.Extraction.Minutes;

/// <summary>
/// Where the name sits in the two shapes officials (事務局, 政府側出席者) are listed in, which put the person after or
/// inside their post rather than first: organisation first, name last (資源エネルギー庁　水素・アンモニア課長　森田　隆;
/// 農政課　西川課長), and the family name glued to the unit (森本研究振興局参事官, 北村研究振興局参事官補佐).
/// </summary>
internal static class OfficialNames
{
    /// <summary>Where organisation units start, after a glued family name: 森本|研究振興局, 佐藤|内閣府.</summary>
    private static readonly string[] UnitStarts =
    [
        "内閣", "文部", "経済", "国土", "総務", "厚生", "農林", "環境", "防衛", "外務", "財務", "法務", "警察", "研究", "科学", "大臣", "官房",
        "産業", "商務", "資源", "中小", "特許", "観光", "水産", "林野", "文化", "高等", "初等", "生涯", "国際", "政策", "総合", "地域", "健康",
        "医政", "製造", "情報", "金融", "消費", "復興", "原子力", "宇宙", "海洋", "農政", "農村", "港湾", "道路", "都市", "住宅", "鉄道",
        "航空", "気象", "技術", "企画", "計画", "デジタル", "こども", "スポーツ",
    ];

    private const string UnitEnds = "省庁府局課室部";

    /// <summary>
    /// The whitespace-separated tokens of an "organisation … name" line, when the name comes last: the index of the
    /// first name token, and the role word glued to a single name token (西川課長 → 課長), or -1.
    /// </summary>
    public static int NameLast(IReadOnlyList<string> tokens, out string? title)
    {
        title = null;
        if (tokens.Count < 2 || !IsUnit(tokens[0])) return -1;
        var last = tokens[^1];
        // … 森田　隆: family and given name as two short tokens after a post.
        if (tokens.Count >= 3 && IsPlainName(tokens[^2], 4) && IsPlainName(last, 4) && HasPost(tokens[^3])) return tokens.Count - 2;
        // … 森田隆 after a post.
        if (IsPlainName(last, 5) && HasPost(tokens[^2])) return tokens.Count - 1;
        // 農政課　西川課長: the name glued to the role word.
        int at = TitleLexicon.FindFirst(last, 0, out int len);
        if (at is >= 2 and <= 4 && at + len == last.Length && IsNamePart(last.AsSpan(0, at), 4))
        {
            title = last[at..];
            return tokens.Count - 1;
        }
        return -1;
    }

    /// <summary>
    /// The length of a family name glued to an official's unit and post (森本研究振興局参事官 → 2), or 0. The unit
    /// must end in 局/課/省 … right before a title word, so a person's full name (山田太郎) is never cut.
    /// </summary>
    public static int GluedName(ReadOnlySpan<char> text)
    {
        int paren = text.IndexOfAny('（', '(');
        var head = paren > 0 ? text[..paren] : text;
        if (head.Length < 6 || head.IndexOfAny(' ', '\u3000', '\t') >= 0) return 0;
        int at = TitleLexicon.FindFirst(head, 2, out int len);
        if (at < 4 || at + len < head.Length - 2 || !UnitEnds.Contains(head[at - 1])) return 0;
        for (int n = 2; n <= 3; n++)
            foreach (var u in UnitStarts)
                if (head[n..].StartsWith(u, StringComparison.Ordinal)) return IsNamePart(head[..n], 3) ? n : 0;
        // Unknown unit: most family names have two characters.
        return IsNamePart(head[..2], 2) && head[1] != '々' ? 2 : IsNamePart(head[..3], 3) ? 3 : 0;
    }

    /// <summary>
    /// The length (2, 3 or 1) of a family name followed by a known unit (萬谷|生涯学習政策局…, 氷見谷|海洋政策局…), or 0.
    /// </summary>
    public static int NameBeforeUnit(ReadOnlySpan<char> text)
    {
        foreach (int n in (ReadOnlySpan<int>)[2, 3, 1])
        {
            if (text.Length <= n + 2 || !IsNamePart(text[..n], 3)) continue;
            foreach (var u in UnitStarts)
                if (text[n..].StartsWith(u, StringComparison.Ordinal)) return n;
        }
        return 0;
    }

    private static bool IsUnit(string token) =>
        token.Length >= 2 && (UnitEnds.Contains(token[^1]) || token.EndsWith("事務局", StringComparison.Ordinal) || token.Contains("株式会社", StringComparison.Ordinal)
            || token.EndsWith("機構", StringComparison.Ordinal) || token.EndsWith("大学", StringComparison.Ordinal));

    private static bool HasPost(string token) => TitleLexicon.FindFirst(token, 0, out _) >= 0 || IsUnit(token);

    // A name part that is neither a post (部長) nor a unit (研究部).
    // A table cell may hold the whole name with its inner space (高木　誠).
    private static bool IsPlainName(string t, int max)
    {
        int space = t.IndexOfAny([' ', '\u3000']);
        if (space > 0) return space < t.Length - 1 && IsPlainName(t[..space], 4) && IsPlainName(t[(space + 1)..].Trim(), 4) && t.Length <= 9;
        return IsNamePart(t, max) && !IsUnit(t) && TitleLexicon.FindFirst(t, 0, out _) < 0;
    }

    private static bool IsNamePart(ReadOnlySpan<char> t, int max)
    {
        if (t.IsEmpty || t.Length > max) return false;
        foreach (char c in t)
            if (!(EntityText.IsKanji(c) || EntityText.IsHiragana(c) || EntityText.IsKatakana(c))) return false;
        return true;
    }
}
