namespace Fukan.Extraction.Quantities;

/// <summary>
/// Finds the phrase a quantity measures, by the shapes Japanese and English use around numbers:
/// <list type="number">
/// <item><c>25〜30%の消費電力削減</c>: the noun after の;</item>
/// <item><c>40兆ウォン投資</c>, <c>3nmプロセス</c>: the noun right after it;</item>
/// <item><c>予算18.5億ユーロ</c>: the noun right before the number (年間 and 毎年 are read as the period);</item>
/// <item><c>予算規模は209百万ドル</c>: the topic before は, が, も or a colon;</item>
/// <item><c>GDP が 0.2~1.3% 上昇</c>: a change word after it, when nothing better is found.</item>
/// </list>
/// Nouns are runs of kanji, katakana and Latin letters (CO2 keeps its digit), at most <see cref="MaxLength"/> characters.
/// </summary>
internal static class SubjectFinder
{
    public const int MaxLength = 16;

    private static readonly string[] ChangeWords =
        ["上昇", "増加", "減少", "低下", "向上", "増", "減", "拡大", "縮小", "改善", "成長", "伸び", "下落", "上回", "下回", "達成", "到達"];

    private static readonly string[] EmptyNouns = ["合計", "総額", "計", "総計", "全体", "約", "今後", "過去", "ここ", "この", "年間", "毎年", "月間", "毎月", "年産", "月産", "相当", "当たり", "あたり"];

    private static readonly (string Word, string Per)[] PeriodPrefixes =
        [("年間", "year"), ("毎年", "year"), ("年産", "year"), ("月間", "month"), ("毎月", "month"), ("月産", "month"), ("日産", "day")];

    /// <summary>
    /// The subject of the quantity at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="f"/>, looking
    /// back no further than <paramref name="floor"/>; <paramref name="per"/> gets a period prefix found on the way.
    /// </summary>
    public static string? Find(string text, ReadOnlySpan<char> f, int start, int end, int floor, ref string? per)
    {
        // A period word before the number (年間予算1.2億ユーロの実証計画) holds whichever noun is the subject.
        {
            int pb = start > floor && ScanText.IsBlank(f[start - 1]) ? start - 1 : start;
            var (rs, re) = BackwardRun(f, pb, floor);
            if (re > rs && !(rs > 0 && (ScanText.IsDigit(f[rs - 1]) || NumberReader.IsKanjiNumeral(f[rs - 1]))))
                per ??= StripPeriod(f, rs, re).Per;
        }

        // 1. 〜の + noun.
        if (end < f.Length && f[end] == 'の')
        {
            var (s, e) = ForwardRun(f, end + 1);
            if (e - s >= 2 && !IsEmptyNoun(f[s..e])) return text[s..e];
        }

        // 2. A noun touching it from after (3nmプロセス, 40兆ウォン投資), unless it is only a change word.
        int a = end < f.Length && ScanText.IsBlank(f[end]) ? end + 1 : end;
        var (fs, fe) = ForwardRun(f, a);
        bool change = fe - fs >= 1 && StartsWithChangeWord(f[fs..fe]);
        if (fe - fs >= 2 && !change && !IsEmptyNoun(f[fs..fe])) return text[fs..fe];

        // 3–4. A noun touching the number from before, else the topic before は.
        int b = start;
        if (b > floor && ScanText.IsBlank(f[b - 1])) b--;
        if (Before(text, f, b, floor, ref per) is string before) return before;

        // 年間配当は1株当たり62円: the amount is per share; the subject is named before the per-unit phrase.
        int u = PerUnitStart(text, f, b, floor, ref per);
        if (u < b && Before(text, f, u, floor, ref per) is string perUnit) return perUnit;

        // 5. English: "a net loss of $1.2bn", "capacity of up to 20,000 robots"; "a €75 million grant".
        if (EnglishSubject(f, start, end, floor) is var (es, ee)) return text[es..ee];

        // 6. 総額約850億円を投資する: after a bare total (総額, 合計) the verb noun after を names what it totals.
        if (end < f.Length && f[end] == 'を' && TotalBefore(f, b, floor))
        {
            var (os, oe) = ForwardRun(f, end + 1);
            if (oe - os >= 2 && !IsEmptyNoun(f[os..oe]) && !StartsWithChangeWord(f[os..oe])) return text[os..oe];
        }

        // 7. 従業員数は2025年9月末時点で12,480名: the topic earlier in the same clause, across a date or time phrase.
        if (ClauseTopic(f, b, floor) is var (cs, ce)) return text[cs..ce];

        // 8. A change word after it (上昇, 増加) is better than nothing.
        if (change && fe - fs >= 1) return text[fs..fe];
        return null;
    }

    /// <summary>Steps 3 and 4 of <see cref="Find"/> from <paramref name="b"/>, the position just before the number.</summary>
    private static string? Before(string text, ReadOnlySpan<char> f, int b, int floor, ref string? per)
    {
        // 3. A noun touching the number from before (予算18.5億ユーロ); 年間 and 毎年 give the period.
        var (bs, be) = BackwardRun(f, b, floor);
        // 2019年度2万人: the run before is the tail of a date or another number, not a noun; 2025年度売上高 keeps 売上高.
        bs = SkipDateTail(f, bs, be);
        if (be > bs && !(bs > 0 && (ScanText.IsDigit(f[bs - 1]) || NumberReader.IsKanjiNumeral(f[bs - 1]))))
        {
            var (ps, pe, p) = StripPeriod(f, bs, be);
            if (p is not null) per ??= p;
            // 研究開発費は前年度比15～20%増: a comparison (…比) says against what, not what; the topic before it says what.
            if (pe > ps && f[pe - 1] == '比' && ps > floor && ps > 0 && f[ps - 1] is 'は' or 'が') b = ps;
            else if (pe - ps >= 2 && !IsEmptyNoun(f[ps..pe])) return text[ps..pe];
        }

        // 4. The topic: 予算規模は…, GDP が…, 目標：….
        int t = b;
        if (t > floor && f[t - 1] is 'は' or 'が' or 'も' or ':')
        {
            int q = t - 1;
            if (q > floor && ScanText.IsBlank(f[q - 1])) q--;
            var (ts, te) = BackwardRun(f, q, floor);
            ts = SkipDateTail(f, ts, te); // 令和8年度概算要求額は: 概算要求額, not 年度概算要求額
            var (ps, pe, _) = StripPeriod(f, ts, te);
            if (pe - ps >= 2 && !IsEmptyNoun(f[ps..pe])) return text[ps..pe];
        }
        return null;
    }

    private static readonly string[] TotalWords = ["総額", "合計", "総計", "総額で", "合計で"];

    /// <summary>A bare total word (総額, 合計で) right before the number.</summary>
    private static bool TotalBefore(ReadOnlySpan<char> f, int b, int floor)
    {
        foreach (var w in TotalWords)
            if (b - w.Length >= Math.Max(floor, 0) && ScanText.Before(f, b, w)) return true;
        return false;
    }

    private static readonly string[] PerUnitWords = ["当たり", "あたり", "当り"];

    /// <summary>
    /// The start of a per-unit phrase (1株当たり, 1人あたり) ending at <paramref name="b"/>, its counter noun given as
    /// <paramref name="per"/>; <paramref name="b"/> when there is none.
    /// </summary>
    private static int PerUnitStart(string text, ReadOnlySpan<char> f, int b, int floor, ref string? per)
    {
        foreach (var w in PerUnitWords)
        {
            if (b - w.Length <= floor || !ScanText.Before(f, b, w)) continue;
            var (rs, re) = BackwardRun(f, b - w.Length, floor);
            if (re - rs is < 1 or > 4 || rs - 1 < Math.Max(floor, 0) || f[rs - 1] is not ('1' or '一')) return b;
            if (rs - 1 > 0 && (ScanText.IsDigit(f[rs - 2]) || f[rs - 2] is '.' or ',')) return b; // 21株: not one unit
            per ??= text[rs..re];
            int k = rs - 1;
            if (k > floor && ScanText.IsBlank(f[k - 1])) k--;
            return k;
        }
        return b;
    }

    /// <summary>How far back <see cref="ClauseTopic"/> looks for the topic.</summary>
    private const int ClauseReach = 20;

    /// <summary>
    /// A topic (noun + は) earlier in the clause before <paramref name="b"/>, with no punctuation between:
    /// the subject of a figure that a date or a time phrase separates from it.
    /// </summary>
    private static (int Start, int End)? ClauseTopic(ReadOnlySpan<char> f, int b, int floor)
    {
        int low = Math.Max(Math.Max(floor, 0), b - ClauseReach);
        for (int k = b - 1; k > low; k--)
        {
            char c = f[k];
            if (c == 'は')
            {
                var (ts, te) = BackwardRun(f, k, floor);
                ts = SkipDateTail(f, ts, te);
                var (ps, pe, _) = StripPeriod(f, ts, te);
                if (pe - ps >= 2 && !IsEmptyNoun(f[ps..pe])) return (ps, pe);
                return null;
            }
            // Only a date or time phrase may stand between: words, digits, and the particles で and に. Not の or が:
            // 中国が市場の87%を占める has another subject, and the share is of the market.
            if (!(ScanText.IsKanji(c) || ScanText.IsKatakana(c) || ScanText.IsDigit(c) || ScanText.IsBlank(c) || c is 'で' or 'に'))
                return null;
        }
        return null;
    }

    /// <summary>Words that end an English noun phrase: articles, prepositions, conjunctions, auxiliaries.</summary>
    private static readonly string[] EnglishStops =
    [
        "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "of", "in", "on", "at", "for",
        "to", "by", "from", "with", "and", "or", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
        "would", "can", "could", "than", "over", "under", "about", "some", "each", "per", "into", "which", "who", "while",
    ];

    private static readonly string[] Determiners = ["a", "an", "the", "its", "their", "our", "his", "her"];

    /// <summary>
    /// The English noun phrase a quantity measures: up to three words before "of" (<c>cycle life of 800 cycles</c>), else
    /// up to two words after a determined quantity (<c>the 5 MW pilot plant</c>). Word runs only, bounded, no allocation.
    /// </summary>
    private static (int Start, int End)? EnglishSubject(ReadOnlySpan<char> f, int start, int end, int floor)
    {
        if (start - 1 > floor && ScanText.IsBlank(f[start - 1]) && ScanText.EndsWithWord(f, start - 1, "of"))
        {
            int phraseEnd = start - 1 - 2 - 1; // the blank before "of"
            // The head noun before "of", widened to two or three words only when a determiner or preposition closes the
            // phrase on the left ("a net loss of"): "now deliver torque of" gives "torque", not a verb phrase.
            int s = phraseEnd + 1, words = 0, best = -1;
            while (words < 3 && s - 1 >= floor && s - 1 < f.Length && ScanText.IsBlank(f[s - 1]))
            {
                int we = s - 1, w = we;
                while (w > floor && (ScanText.IsAsciiLetter(f[w - 1]) || f[w - 1] == '-')) w--;
                if (w == we || IsStop(f[w..we])) { if (words > 0) best = s; break; }
                if (w > floor && !ScanText.IsBlank(f[w - 1])) break;
                s = w;
                words++;
                if (words == 1) best = s;
                if (w <= floor) { best = s; break; }
            }
            if (words > 0 && best >= 0) return (best, phraseEnd);
        }
        int d = start - 1;
        if (d > floor && ScanText.IsBlank(f[d]) && end < f.Length && ScanText.IsBlank(f[end]))
        {
            int w = d;
            while (w > floor && ScanText.IsAsciiLetter(f[w - 1])) w--;
            if (w < d && (w == 0 || !ScanText.IsAsciiLetterOrDigit(f[w - 1])) && IsDeterminer(f[w..d]))
            {
                int s = end + 1, e = s, words = 0;
                while (words < 2)
                {
                    int k = words == 0 ? s : e + 1;
                    if (words > 0 && (e >= f.Length || !ScanText.IsBlank(f[e]))) break;
                    int j = k;
                    while (j < f.Length && (ScanText.IsAsciiLetter(f[j]) || f[j] == '-')) j++;
                    if (j == k || IsStop(f[k..j])) break;
                    e = j;
                    words++;
                }
                if (words > 0) return (s, e);
            }
        }
        return null;
    }

    private static bool IsStop(ReadOnlySpan<char> word)
    {
        foreach (var w in EnglishStops)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsDeterminer(ReadOnlySpan<char> word)
    {
        foreach (var w in Determiners)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Skips 年度, 年, 月, 日 and 期 that open a run right after digits: the tail of a date, not part of the noun.</summary>
    private static int SkipDateTail(ReadOnlySpan<char> f, int s, int e)
    {
        if (s == 0 || !(ScanText.IsDigit(f[s - 1]) || NumberReader.IsKanjiNumeral(f[s - 1]))) return s;
        int k = s;
        if (ScanText.At(f, k, "年度")) k += 2;
        else if (k < e && f[k] is '年' or '月' or '日' or '期') k++;
        if (k < e && f[k] is '月' or '日' or '末') k++;
        return k == s ? s : k;
    }

    /// <summary>A period word (年間, 毎年, 年産 …) opening the noun just before the number.</summary>
    public static string? PeriodBefore(ReadOnlySpan<char> f, int start, int floor)
    {
        foreach (var (word, per) in PeriodPrefixes)
        {
            int s = start - word.Length;
            if (s < floor || !ScanText.At(f, s, word)) continue;
            // 5年間で: a duration, not "per year".
            if (s > 0 && (ScanText.IsDigit(f[s - 1]) || NumberReader.IsKanjiNumeral(f[s - 1]))) continue;
            return per;
        }
        return null;
    }

    private static (int Start, int End, string? Per) StripPeriod(ReadOnlySpan<char> f, int s, int e)
    {
        foreach (var (word, per) in PeriodPrefixes)
        {
            if (e - s < word.Length || !ScanText.At(f, s, word)) continue;
            if (s > 0 && (ScanText.IsDigit(f[s - 1]) || NumberReader.IsKanjiNumeral(f[s - 1]))) return (s, e, null);
            return (s + word.Length, e, per);
        }
        return (s, e, null);
    }

    private static bool IsNounChar(ReadOnlySpan<char> f, int i) =>
        ScanText.IsKanji(f[i]) || ScanText.IsKatakana(f[i]) || ScanText.IsAsciiLetter(f[i]);

    private static (int Start, int End) ForwardRun(ReadOnlySpan<char> f, int i)
    {
        int j = i;
        while (j < f.Length && j - i < MaxLength)
        {
            if (IsNounChar(f, j) && !NumberReader.IsKanjiNumeral(f[j]) || (j > i && ScanText.IsDigit(f[j]) && ScanText.IsAsciiLetter(f[j - 1])))
                j++;
            else if (j > i && NumberReader.IsKanjiNumeral(f[j]) && ScanText.IsKanji(f[j - 1]) && !NumberReader.IsKanjiNumeral(f[j - 1]))
                j++; // 統一, 同一: a numeral inside a word
            else break;
        }
        while (j > i && f[j - 1] == '・') j--;
        return (i, j);
    }

    private static (int Start, int End) BackwardRun(ReadOnlySpan<char> f, int end, int floor)
    {
        int j = end;
        while (j > floor && end - j < MaxLength)
        {
            char c = f[j - 1];
            if (IsNounChar(f, j - 1) && !NumberReader.IsKanjiNumeral(c)) { j--; continue; }
            if (ScanText.IsDigit(c) && j - 2 >= floor && ScanText.IsAsciiLetter(f[j - 2])) { j--; continue; }
            if (NumberReader.IsKanjiNumeral(c) && j - 2 >= floor && ScanText.IsKanji(f[j - 2]) && !NumberReader.IsKanjiNumeral(f[j - 2])) { j--; continue; }
            break;
        }
        while (j < end && f[j] == '・') j++;
        int e = end;
        while (e > j && f[e - 1] == '・') e--;
        return (j, e);
    }

    /// <summary>A subject needs a kanji or katakana, or is an acronym (GDP, NNI): English prose words ("and") are not subjects.</summary>
    private static bool IsSubjectLike(ReadOnlySpan<char> s)
    {
        bool upper = true;
        foreach (char c in s)
        {
            if (ScanText.IsKanji(c) || ScanText.IsKatakana(c)) return true;
            if (c is >= 'a' and <= 'z') upper = false;
        }
        return upper && s.Length >= 2;
    }

    private static bool StartsWithChangeWord(ReadOnlySpan<char> s)
    {
        foreach (var w in ChangeWords)
            if (s.StartsWith(w)) return true;
        return false;
    }

    private static bool IsEmptyNoun(ReadOnlySpan<char> s)
    {
        if (!IsSubjectLike(s)) return true;
        foreach (var w in EmptyNouns)
            if (s.SequenceEqual(w)) return true;
        return false;
    }
}
