using Fukan.Normalizing;

namespace Fukan.Extraction.Signals;

/// <summary>
/// The words that mark signal statements: headings that announce KPIs to watch, labels such as <c>Signal:</c>,
/// conditional endings (…を超えた時, …れば, if/when …), cues that a value is the current one (現在, SOTA, currently),
/// and questions (…か。, whether). Every match is on <see cref="TextFolding"/>-folded text.
/// </summary>
public static class SignalLexicon
{
    /// <summary>Heading words that make a section (and its subsections) a list of signals to watch.</summary>
    private static readonly string[] SectionCues =
    [
        "signal", "シグナル", "kpi", "注目ポイント", "注目点", "監視", "チェックポイント", "what to watch", "things to watch",
        "watch list", "watchlist", "watchpoint", "leading indicator", "先行指標", "判断材料", "試金石", "バロメーター",
        "key indicator", "key metric", "tripwire", "trigger point",
    ];

    /// <summary>Labels that introduce a signal sentence: <c>Signal:</c>, <c>シグナル：</c>, <c>KPI:</c> …</summary>
    private static readonly string[] LabelCues =
    [
        "signal", "signals", "シグナル", "kpi", "指標", "trigger", "トリガー", "watch", "what to watch", "注目点", "注目ポイント",
        "チェックポイント", "milestone", "マイルストーン", "判断基準", "閾値", "threshold", "tripwire",
    ];

    /// <summary>Words saying a value is the present one.</summary>
    private static readonly string[] CurrentCues =
    [
        "現在", "現状", "足元", "目下", "直近", "最新", "現時点", "sota", "最先端", "currently", "today", "at present", "as of",
        " now", "state of the art", "state-of-the-art", "stands at", "to date",
    ];

    /// <summary>Japanese conditional endings after a threshold: …を超えた時, …れば, …たら, …場合.</summary>
    private static readonly string[] JapaneseConditionals = ["時", "とき", "場合", "れば", "たら", "なら", "瞬間", "段階", "際", "ても", "限り", "かどうか", "か否か"];

    /// <summary>English words that open a conditional clause before a threshold.</summary>
    private static readonly string[] EnglishConditionals = ["if", "when", "once", "as soon as", "whenever", "should", "unless", "until"];

    /// <summary>True when a heading announces signals or KPIs to watch.</summary>
    public static bool IsSignalHeading(string title) => ContainsAny(TextFolding.Fold(title), SectionCues);

    /// <summary>True when a label (the text before a colon) introduces a signal.</summary>
    public static bool IsSignalLabel(ReadOnlySpan<char> label)
    {
        var folded = TextFolding.Fold(label.Trim());
        foreach (var cue in LabelCues)
            if (folded == cue || (folded.StartsWith(cue, StringComparison.Ordinal) && folded.Length <= cue.Length + 12 && !TextFolding.IsCjk(folded[cue.Length]))) return true;
        return false;
    }

    /// <summary>True when the sentence says its value is the current one.</summary>
    public static bool HasCurrentCue(ReadOnlySpan<char> sentence) => ContainsAny(TextFolding.Fold(sentence), CurrentCues);

    /// <summary>
    /// The length of a bullet or list marker at the start of <paramref name="text"/> (with the spaces after it):
    /// <c>*   </c>, <c>- </c>, <c>• </c>, <c>・</c>, <c>1. </c>, <c>2) </c>, <c>(3) </c>, <c>①</c>; 0 when there is none.
    /// </summary>
    public static int BulletMarkerLength(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] is ' ' or '\u3000') i++;
        if (i >= text.Length) return 0;
        int after;
        char c = text[i];
        if (c is '*' or '-' or '+' or '•' or '●' or '○' or '◆' or '◇' or '■' or '□' or '▪' or '►' or '‐' or '–')
        {
            after = i + 1;
            if (after < text.Length && text[after] != ' ' && text[after] != '\u3000') return 0;
        }
        else if (c is '・') after = i + 1;
        else if (c is >= '①' and <= '⑳') after = i + 1;
        else if (char.IsAsciiDigit(c))
        {
            int j = i;
            while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
            if (j - i > 2 || j >= text.Length || text[j] is not ('.' or ')' or '．' or '）')) return 0;
            after = j + 1;
            if (after < text.Length && text[after] is not (' ' or '\u3000')) return 0;
        }
        else if (c is '(' or '（')
        {
            int j = i + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
            if (j == i + 1 || j - i > 3 || j >= text.Length || text[j] is not (')' or '）')) return 0;
            after = j + 1;
        }
        else return 0;
        while (after < text.Length && text[after] is ' ' or '\u3000') after++;
        return after;
    }

    /// <summary>
    /// A label at <paramref name="start"/>: the text up to a colon (: or ：) within 40 characters, with no sentence end
    /// before it. Returns the label's end (the colon) or -1.
    /// </summary>
    public static int LabelEnd(string text, int start, int end)
    {
        int limit = Math.Min(end, start + 40);
        for (int i = start; i < limit; i++)
        {
            char c = text[i];
            if (c is ':' or '：')
            {
                // "16:30", "http://": not labels.
                if (i == start || (i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '/'))) return -1;
                return i;
            }
            if (c is '。' or '、' or '，' or ',' or '！' or '？' or '!' or '?' or '「' or '（' or '(') return -1;
        }
        return -1;
    }

    /// <summary>True when the sentence asks whether something will happen (…か。, …かどうか, whether …, ends with ?).</summary>
    public static bool IsQuestion(ReadOnlySpan<char> sentence)
    {
        var t = sentence.TrimEnd(" 。．.」』）)\"”");
        if (t.Length == 0) return false;
        if (t[^1] is '?' or '？' or 'か') return true;
        return t.Contains("かどうか", StringComparison.Ordinal) || t.Contains("か否か", StringComparison.Ordinal)
            || TextFolding.Fold(t).Contains("whether", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the clause after a threshold phrase (from <paramref name="after"/> to the next comma or the sentence
    /// end) is a Japanese conditional: を超えた時, 以上になれば, に達したら, を下回る場合 ….
    /// </summary>
    public static bool IsJapaneseConditionalAfter(string text, int after, int sentenceEnd)
    {
        int limit = Math.Min(sentenceEnd, after + 16);
        int i = after;
        while (i < limit && text[i] is not ('、' or '，' or ',' or '。')) i++;
        var tail = text.AsSpan(after, i - after);
        foreach (var m in JapaneseConditionals)
            if (tail.Contains(m, StringComparison.Ordinal)) return true;
        // "…を超えると、": a verb closed by と before the comma.
        return i < sentenceEnd && text[i] is '、' or '，' or ',' && tail.Length >= 2 && tail[^1] == 'と' && tail[^2] is 'る' or 'た' or 'い' or 'す';
    }

    /// <summary>
    /// True when the English clause holding the threshold (from the sentence start or the last comma before
    /// <paramref name="at"/>) opens with a conditional word: "If the rate exceeds 50%", "when yields top 70%".
    /// </summary>
    public static bool IsEnglishConditionalBefore(string text, int sentenceStart, int at)
    {
        int from = at;
        while (from > sentenceStart && text[from - 1] is not (',' or ';' or '、' or ':' or '：')) from--;
        var clause = TextFolding.Fold(text.AsSpan(from, at - from));
        foreach (var w in EnglishConditionals)
        {
            int i = clause.IndexOf(w, StringComparison.Ordinal);
            while (i >= 0)
            {
                bool startOk = i == 0 || !char.IsAsciiLetter(clause[i - 1]);
                bool endOk = i + w.Length >= clause.Length || !char.IsAsciiLetter(clause[i + w.Length]);
                if (startOk && endOk) return true;
                i = clause.IndexOf(w, i + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private static readonly string[] EnglishReportWords =
        [" reported ", " announced ", " reached ", " was ", " were ", " began ", " started ", " shipped ", " achieved ", " has ", " have ", " had ", " hit ", " rose ", " fell "];

    /// <summary>
    /// True when the sentence reports what happened rather than naming something to watch: a Japanese sentence that
    /// ends in the past or progressive (…した。 …していた。 …している。), an English one with a reporting verb.
    /// </summary>
    public static bool IsReport(ReadOnlySpan<char> sentence)
    {
        if (IsQuestion(sentence)) return false;
        var t = sentence.TrimEnd(" 。．.」』）)\"”");
        if (t.EndsWith("た") || t.EndsWith("ました") || t.EndsWith("でした") || t.EndsWith("ている") || t.EndsWith("ています")) return true;
        var folded = " " + TextFolding.Fold(t) + " ";
        return ContainsAny(folded, EnglishReportWords);
    }

    internal static bool ContainsAny(string folded, string[] words)
    {
        foreach (var w in words)
            if (folded.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
