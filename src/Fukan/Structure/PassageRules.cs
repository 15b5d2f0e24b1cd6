using System.Buffers;
using Fukan.Normalizing;

namespace Fukan.Structure;

/// <summary>How a body line begins: a new block of some kind, or a plain line that may continue the last one.</summary>
public enum LineStart
{
    Plain,
    Bullet,
    TableRow,
    PipeRow,
    Footnote,
    Caption,
    /// <summary>A labelled field: 日時：…, 場所：…, 出席者：… — its own passage even where lines otherwise join.</summary>
    Field,
}

/// <summary>Line-level rules for repairing wrapped text into passages.</summary>
public static class PassageRules
{
    private static readonly SearchValues<char> BulletMarks = SearchValues.Create("•・●◦▪▫■□◆◇◎○〇△▲▽▼×※➢►▶✓✔");
    private static readonly SearchValues<char> CircledNumbers = SearchValues.Create("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳");
    private static readonly SearchValues<char> Ratings = SearchValues.Create("◎○〇△×");
    private static readonly SearchValues<char> Trends = SearchValues.Create("↗→↘↑↓");
    private static readonly SearchValues<char> NoLineStart = SearchValues.Create("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー、。，．）」』】〕］｝〉》を");
    private static readonly SearchValues<char> ClosingBrackets = SearchValues.Create("」』）)】］〕\"'”’");

    /// <summary>True when the line ends a sentence (。．！？!? . or a colon), looking through closing brackets.</summary>
    public static bool IsTerminated(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd();
        while (t.Length > 1 && ClosingBrackets.Contains(t[^1])) t = t[..^1];
        if (t.IsEmpty) return true;
        char c = t[^1];
        return TextFolding.SentenceEnds.Contains(c) || c is ':' or '：';
    }

    // Hiragana that commonly open a sentence (これ, また, しかし, さらに …); any other hiragana at the start of a
    // line after an unfinished one is the rest of a word (…トップ誌であ / るJournal…).
    private static readonly string[] SentenceOpeners =
        ["これ", "この", "こう", "こと", "ここ", "それ", "その", "そう", "そこ", "そし", "あら", "あく", "いず", "いわ", "いま", "いく", "いっ", "おい", "およ",
         "かつ", "かか", "さら", "さま", "さき", "しか", "した", "すな", "すで", "すべ", "ただ", "たと", "ため", "つま", "つい", "とこ", "とく", "とり", "とも",
         "なお", "なぜ", "など", "なか", "また", "まず", "まだ", "まさ", "もち", "もし", "もっ", "もと", "よう", "より", "よっ", "わが", "わず"];

    /// <summary>
    /// True when a line cannot begin a sentence: small kana, closing punctuation, a lower-case Latin letter, a short
    /// sentence tail (る。 / である。), or hiragana that is not a usual sentence opener.
    /// </summary>
    public static bool IsContinuationStart(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.IsEmpty) return false;
        char c = t[0];
        if (NoLineStart.Contains(c) || c is >= 'a' and <= 'z') return true;
        if (t.Length <= 5 && t[^1] == '。') return true;
        if (c is >= 'ぁ' and <= 'ゖ')
        {
            foreach (var opener in SentenceOpeners) if (t.StartsWith(opener, StringComparison.Ordinal)) return false;
            return true;
        }
        return false;
    }

    /// <summary>True when the line opens more brackets than it closes: its sentence goes on past the line end (…（研 / 究総括：…）).</summary>
    public static bool LeavesBracketOpen(ReadOnlySpan<char> line)
    {
        int depth = 0;
        foreach (char c in line)
        {
            if (c is '（' or '(' or '「' or '『') depth++;
            else if (c is '）' or ')' or '」' or '』' && depth > 0) depth--;
        }
        return depth > 0;
    }

    /// <summary>How a (trimmed) body line starts.</summary>
    public static LineStart Classify(ReadOnlySpan<char> t, bool hardWrapped)
    {
        if (t.IsEmpty) return LineStart.Plain;
        char c = t[0];
        if (c == '|' || c == '｜') return LineStart.PipeRow;
        if (IsRatingRow(t)) return LineStart.TableRow;
        if (BulletMarks.Contains(c) || CircledNumbers.Contains(c)) return LineStart.Bullet;
        if (c is '-' or '*' or '+' or '＊' or '－' && t.Length > 1 && t[1] is ' ' or '\t' or '\u3000') return LineStart.Bullet;
        if (c is '(' or '（' && t.Length > 2 && t[1] is '註' or '注') return LineStart.Footnote;
        if (c is '注' or '註' && t.Length > 1 && (char.IsAsciiDigit(t[1]) || t[1] is '：' or ':' or ')' or '）' or ' ')) return LineStart.Footnote;
        if (c is '(' or '（')
        {
            int close = t.IndexOfAny(')', '）');
            if (close is > 1 and <= 4 && IsAllDigitsOrLetter(t[1..close])) return LineStart.Bullet;
        }
        if (char.IsAsciiDigit(c) || c is >= '０' and <= '９')
        {
            int i = 0;
            while (i < t.Length && i < 3 && (char.IsAsciiDigit(t[i]) || t[i] is >= '０' and <= '９')) i++;
            if (i < t.Length && i <= 2)
            {
                char next = t[i];
                bool spaced = i + 1 < t.Length && t[i + 1] is ' ' or '\t' or '\u3000';
                if (next is '.' or '．' or ')' or '）' && spaced) return LineStart.Bullet;
                if (hardWrapped && next is ' ' or '\t' && i + 1 < t.Length && !char.IsAsciiDigit(t[i + 1]) && LooksLikeFootnote(t)) return LineStart.Footnote;
            }
        }
        if (t.StartsWith("図") || t.StartsWith("表") || t.StartsWith("Figure ") || t.StartsWith("Table ") || t.StartsWith("Fig."))
        {
            int k = t[0] is '図' or '表' ? 1 : t.IndexOf(' ') + 1;
            if (k > 0 && k < t.Length && (char.IsAsciiDigit(t[k]) || t[k] is >= '０' and <= '９')) return LineStart.Caption;
        }
        if (IsField(t)) return LineStart.Field;
        if (!hardWrapped)
        {
            int tab = t.IndexOf('\t');
            if (tab > 0 && tab < t.Length - 1 && !t[(tab + 1)..].Trim().IsEmpty) return LineStart.TableRow;
        }
        return LineStart.Plain;
    }

    /// <summary>"日時：令和8年…": one to six kanji or kana, a full-width colon, then a value.</summary>
    private static bool IsField(ReadOnlySpan<char> t)
    {
        int colon = t.IndexOf('：');
        if (colon is < 1 or > 6 || colon + 1 >= t.Length || t[(colon + 1)..].Trim().IsEmpty) return false;
        foreach (char c in t[..colon])
            if (!(c is >= '\u3040' and <= '\u30ff' || c is >= '\u4e00' and <= '\u9fff')) return false;
        return true;
    }

    /// <summary>A comparison-table row: a label followed by a rating (◎○△×) and a trend arrow.</summary>
    public static bool IsRatingRow(ReadOnlySpan<char> t)
    {
        int r = t.IndexOfAny(Ratings);
        if (r <= 0 || r > 16) return false;
        var after = t[(r + 1)..].TrimStart();
        return !after.IsEmpty && (Trends.Contains(after[0]) || after[0] is '-' or '－' or '―');
    }

    private static bool LooksLikeFootnote(ReadOnlySpan<char> t) =>
        t.Contains("http", StringComparison.OrdinalIgnoreCase) || t.Contains("年", StringComparison.Ordinal) || IsTerminated(t);

    private static bool IsAllDigitsOrLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!(char.IsAsciiDigit(c) || c is >= '０' and <= '９' || char.IsAsciiLetterLower(c) || "一二三四五六七八九十".Contains(c))) return false;
        return true;
    }
}
