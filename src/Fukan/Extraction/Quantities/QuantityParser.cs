using System.Buffers;
using Fukan.Model;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// Finds quantities in a string (a passage's repaired text): Japanese and English numbers with their scale words,
/// currencies, percentages and physical units, normalised to a decimal value. Handles 万/億/兆 (7500万ドル),
/// decimals with scales (18.5億ユーロ), kanji numerals (三千億円), ranges (10〜15%, 50～70億ユーロ), 約 and
/// other approximations, one-sided bounds (75%以上, up to 10 GW), per-period amounts (年間予算2400万ドル) and
/// fractions (100万分の1気圧). Years (2023年), section numbers (2.1.1), list markers and chemical formulas
/// (CO2, LiPF6) are not quantities; vague amounts (数百気圧, 十数社) have no value and are skipped.
/// </summary>
/// <remarks>
/// One instance is immutable and reusable across threads; its tables are built once. The scan is linear: it jumps
/// between digits, kanji numerals and currency signs, and every look-around is bounded by a small constant.
/// </remarks>
public sealed class QuantityParser
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789〇一二三四五六七八九十百千零$€£¥");

    private static readonly (string Word, QuantityBound? Bound, bool Approximate)[] JapanesePrefixes =
    [
        ("少なくとも", QuantityBound.Min, false), ("最低でも", QuantityBound.Min, false), ("最大で", QuantityBound.Max, false),
        ("最大", QuantityBound.Max, false), ("最高", QuantityBound.Max, false), ("上限", QuantityBound.Max, false),
        ("最低", QuantityBound.Min, false), ("最小", QuantityBound.Min, false),
        ("約", null, true), ("およそ", null, true), ("おおよそ", null, true), ("凡そ", null, true), ("概ね", null, true),
        ("おおむね", null, true), ("ほぼ", null, true), ("大体", null, true), ("推定", null, true),
    ];

    private static readonly (string Phrase, QuantityBound? Bound, bool Approximate)[] EnglishPrefixes =
    [
        // Negated bounds before the plain ones: "no more than 10%" is at most 10%, not more than 10%.
        ("no more than", QuantityBound.Max, false), ("not more than", QuantityBound.Max, false),
        // Deadlines and limits of policy texts: "no later than 60 days following", "may not exceed 5 years".
        ("no later than", QuantityBound.Max, false), ("not later than", QuantityBound.Max, false),
        ("not to exceed", QuantityBound.Max, false), ("not exceed", QuantityBound.Max, false),
        ("no less than", QuantityBound.Min, false), ("not less than", QuantityBound.Min, false),
        ("no fewer than", QuantityBound.Min, false),
        ("more than", QuantityBound.Min, false), ("over", QuantityBound.Min, false), ("at least", QuantityBound.Min, false),
        ("above", QuantityBound.Min, false), ("exceeding", QuantityBound.Min, false), ("in excess of", QuantityBound.Min, false),
        ("upwards of", QuantityBound.Min, false), ("up to", QuantityBound.Max, false), ("less than", QuantityBound.Max, false),
        ("fewer than", QuantityBound.Max, false), ("under", QuantityBound.Max, false), ("below", QuantityBound.Max, false),
        ("within", QuantityBound.Max, false), ("at most", QuantityBound.Max, false),
        ("about", null, true), ("approximately", null, true), ("approx.", null, true), ("around", null, true),
        ("roughly", null, true), ("nearly", null, true), ("almost", null, true), ("some", null, true), ("circa", null, true),
        ("an estimated", null, true), ("estimated", null, true),
    ];

    private static readonly (string Word, QuantityBound? Bound, bool Approximate)[] JapaneseSuffixes =
    [
        ("以上", QuantityBound.Min, false), ("を超える", QuantityBound.Min, false), ("を超え", QuantityBound.Min, false),
        ("を越える", QuantityBound.Min, false), ("を越え", QuantityBound.Min, false), ("を上回る", QuantityBound.Min, false),
        ("を上回", QuantityBound.Min, false), ("超え", QuantityBound.Min, false), ("超", QuantityBound.Min, false),
        ("余り", QuantityBound.Min, false), ("以下", QuantityBound.Max, false), ("未満", QuantityBound.Max, false),
        ("以内", QuantityBound.Max, false), ("を下回る", QuantityBound.Max, false), ("を下回", QuantityBound.Max, false),
        ("まで", QuantityBound.Max, false), ("強", null, true), ("弱", null, true), ("近く", null, true), ("近い", null, true),
        ("程度", null, true), ("前後", null, true), ("ほど", null, true), ("くらい", null, true), ("ぐらい", null, true),
        ("規模", null, true), ("級", null, true), ("台", null, true),
    ];

    private static readonly (string Phrase, QuantityBound? Bound)[] EnglishSuffixes =
    [
        ("or more", QuantityBound.Min), ("or above", QuantityBound.Min), ("or higher", QuantityBound.Min),
        ("or less", QuantityBound.Max), ("or fewer", QuantityBound.Max), ("or lower", QuantityBound.Max),
    ];

    private static readonly string[] EnglishReferenceWords = ["Fig.", "Figure", "Table", "No.", "Section", "Chapter", "p.", "pp.", "Vol.", "Ref."];

    private static readonly string[] YearDurationSuffixes =
        ["間", "以上", "以下", "以内", "未満", "超", "近く", "余り", "あまり", "程度", "前後", "弱", "強", "ぶり", "を超え", "を越え", "で", "が経", "経過", "を経"];

    /// <summary>Words before N年 that make it a span of time: 今後10年, 過去10年, 実用化から20年.</summary>
    private static readonly string[] YearDurationPrefixes = ["今後", "過去", "ここ", "この", "最長", "最短", "約", "から"];

    private static readonly (string Word, string Per)[] SlashPeriods = [("year", "year"), ("yr", "year"), ("month", "month"), ("day", "day")];
    private static readonly (string Word, string Per)[] PerPeriods = [("year", "year"), ("annum", "year"), ("month", "month"), ("day", "day")];
    private static readonly (string Word, string Per)[] PeriodPhrases = [("a year", "year"), ("annually", "year"), ("a month", "month"), ("a day", "day")];

    /// <summary>Approximations that may open the right end of an English range: 640 to roughly 900.</summary>
    private static readonly string[] RangeApproximations = ["roughly", "about", "approximately", "around", "nearly", "almost", "some"];

    /// <summary>English verbs of change before "from": "grow from 640 to 900" states two values, not a range.</summary>
    private static readonly string[] ChangeVerbs =
    [
        "grow", "grows", "grew", "grown", "rise", "rises", "rose", "risen", "increase", "increases", "increased", "fall",
        "falls", "fell", "fallen", "decline", "declines", "declined", "drop", "drops", "dropped", "expand", "expands",
        "expanded", "climb", "climbs", "climbed", "jump", "jumps", "jumped", "reduce", "reduces", "reduced", "cut", "cuts",
        "shrink", "shrinks", "shrank", "go", "goes", "went", "double", "doubled", "triple", "tripled",
    ];

    private readonly UnitTable _units = new();

    /// <summary>The quantities in <paramref name="text"/>, in order, not overlapping.</summary>
    public IReadOnlyList<QuantityMatch> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var results = new List<QuantityMatch>();
        if (text.Length == 0) return results;
        string folded = ScanText.Fold(text);
        var f = folded.AsSpan();
        int i = 0, floor = 0;
        while (i < f.Length)
        {
            int rel = f[i..].IndexOfAny(Triggers);
            if (rel < 0) break;
            i += rel;
            int next = ParseAt(text, f, i, floor, out var match);
            if (match is not null)
            {
                // 96億5千万円（同8.1%減）: the change figure measures the amount before it.
                if (results.Count > 0 && ChangeAmount.IsChangeOf(f, results[^1], match))
                    match = match with { Subject = results[^1].Subject };
                results.Add(match);
                floor = match.Span.End;
            }
            i = Math.Max(next, i + 1);
        }
        return results;
    }

    /// <summary>One end of a possible range: [sign] number [scale] [unit].</summary>
    private struct Side
    {
        public int Start;
        public int NumberEnd;
        public int End;
        public decimal Value;
        public decimal Scale;
        public bool Scaled;
        public bool BigScaled;
        public bool Kanji;
        public UnitDefinition? Unit;
        public string? Currency;
        /// <summary>The singular noun of an English count (320 patents → patent), when no unit matched.</summary>
        public string? Count;

        public readonly string? Symbol => Currency ?? Unit?.Symbol ?? Count;
        public readonly decimal Factor => Currency is null && Unit is not null ? Unit.Factor : 1m;
    }

    private int ParseAt(string text, ReadOnlySpan<char> f, int i, int floor, out QuantityMatch? match)
    {
        match = null;
        if (!TryReadSide(f, i, floor, out var left, out int skipTo)) return skipTo;

        decimal value = left.Value;
        decimal? valueMax = null;
        string? unit = left.Symbol;
        decimal factor = left.Factor;
        int end = left.End;
        bool ranged = false;

        // A range: 10〜15%, 50～70億ユーロ, 100V～600V, $15,000,000 ～ $25,000,000, 600万ドルから1億ドル.
        int rs = ScanText.SkipBlank(f, left.End);
        int sepLength = 0;
        bool kara = false, approximateEnd = false;
        if (rs < f.Length)
        {
            if (ScanText.IsRangeSeparator(f[rs])) sepLength = 1;
            else if (ScanText.At(f, rs, "から")) { sepLength = 2; kara = true; }
            else if (rs > left.End && ScanText.StartsWithWord(f, rs, "to")) sepLength = 2;
        }
        if (sepLength > 0)
        {
            int r2 = ScanText.SkipBlank(f, rs + sepLength);
            if (r2 < f.Length && f[r2] == '約') r2++;
            else if (sepLength == 2 && !kara)
            {
                // 640 to roughly 900: an approximation of the right end.
                foreach (var w in RangeApproximations)
                    if (ScanText.StartsWithWord(f, r2, w) && r2 + w.Length < f.Length && f[r2 + w.Length] == ' ') { r2 += w.Length + 1; approximateEnd = true; break; }
            }
            if (r2 < f.Length && (ScanText.IsDigit(f[r2]) || NumberReader.IsKanjiNumeral(f[r2]) || f[r2] is '$' or '€' or '£' or '¥')
                && TryReadSide(f, r2, -1, out var right, out _))
            {
                bool dashed = f[rs] is '-' or ScanText.Dash;
                if (dashed && left.Value == 10m && left.Symbol is null && !left.Scaled && !left.Kanji && rs == left.End && r2 == rs + 1
                    && right.Value < 10m && right.Value >= 1m && right.Value == decimal.Truncate(right.Value) && right.Unit is not null && !right.Scaled)
                {
                    // 10-3 S/cm, 10−3 S/cm: a power of ten whose superscript minus was flattened by PDF extraction.
                    value = Pow10Negative((int)right.Value);
                    unit = right.Symbol;
                    factor = right.Factor;
                    end = right.End;
                    left.Unit = right.Unit;
                }
                else if (sepLength == 2 && !kara && left.Symbol is null && right.Symbol is not null && ChangeFromBefore(f, left.Start))
                {
                    // grow from 640 to 900 researchers: two values of a change, not a range; each is its own fact,
                    // the first in the unit of the second. The scan resumes at the second.
                    unit = right.Symbol;
                    factor = right.Factor;
                    end = left.NumberEnd;
                    approximateEnd = false;
                }
                else if (!kara || !IsChangeAfter(f, right.End))
                {
                    string? ul = left.Symbol, ur = right.Symbol;
                    // 21カ国から165の機関: a unit on the left only is not a range.
                    if ((ul is null || ul == ur) && (ur is not null || (ul is null && right.Scaled)))
                    {
                        decimal lv = left.Value;
                        bool ok = true;
                        if (!left.Scaled && right.Scaled && left.Unit is null)
                        {
                            if (lv > decimal.MaxValue / right.Scale) ok = false;
                            else lv *= right.Scale;
                        }
                        if (ok && lv <= right.Value && !(left.Kanji && !right.Kanji && ul is null && !left.Scaled))
                        {
                            value = lv;
                            valueMax = right.Value;
                            unit = ur ?? ul;
                            factor = right.Symbol is not null ? right.Factor : left.Factor;
                            end = right.End;
                            ranged = true;
                        }
                    }
                }
            }
        }

        if (unit is null && !ranged && !(left.BigScaled && !left.Kanji)) return left.NumberEnd;
        if (unit is null && ranged && !left.BigScaled && !IsBigScaled(value)) return left.NumberEnd;

        value *= factor;
        if (valueMax is decimal vm) valueMax = vm * factor;

        // Per-period and per-unit suffixes: /年, per year, 円/Nm3.
        string? per = null;
        end = ReadPer(f, end, ref per);

        // Suffix modifiers: 以上, 程度, を超え, or more, a lone trailing 〜 (2nm〜).
        bool approximate = ranged && approximateEnd;
        QuantityBound? bound = null;
        // 10%から80%まで: まで closes the から range; it is not an upper bound on top of it.
        if (ranged && kara && ScanText.At(f, end, "まで")) end += 2;
        for (int round = 0; round < 2; round++)
        {
            int e2 = ReadSuffix(f, end, unit, ref bound, ref approximate);
            if (e2 == end) break;
            end = e2;
        }
        if (!ranged && end < f.Length && f[end] == ScanText.Wave)
        {
            int after = ScanText.SkipBlank(f, end + 1);
            if (after >= f.Length || !(ScanText.IsDigit(f[after]) || NumberReader.IsKanjiNumeral(f[after]) || f[after] is '$' or '€' or '£' or '¥'))
            {
                bound ??= QuantityBound.Min;
                end++;
            }
        }

        // Prefix modifiers: 約, 最大, 少なくとも, about, more than, a lone leading 〜 (〜3nm).
        int start = left.Start;
        for (int round = 0; round < 2; round++)
        {
            int s2 = ReadPrefix(f, start, floor, ref bound, ref approximate);
            if (s2 == start) break;
            start = s2;
        }
        per ??= SubjectFinder.PeriodBefore(f, start, floor);
        string? subject = SubjectFinder.Find(text, f, start, end, floor, ref per);

        match = new QuantityMatch(new CharSpan(start, end), text[start..end], Normalize(value), valueMax is decimal m ? Normalize(m) : null,
            unit, approximate, bound, per, subject, ChangeAmount.After(f, end));
        return end;
    }

    /// <summary>Reads [sign] number [scale] [unit] at <paramref name="i"/>; false when no quantity can start there.</summary>
    private bool TryReadSide(ReadOnlySpan<char> f, int i, int floor, out Side side, out int skipTo)
    {
        side = default;
        skipTo = i + 1;
        int start = i;
        int numStart = i;
        string? currency = null;
        bool codeGlued = false;
        char c = f[i];
        if (c is '$' or '€' or '£' or '¥')
        {
            UnitTable.TryMatchCurrencySignBefore(f, i + 1, out var code, out int signStart);
            currency = code;
            start = Math.Max(signStart, Math.Max(floor, 0));
            numStart = ScanText.SkipBlank(f, i + 1);
            if (numStart >= f.Length || !ScanText.IsDigit(f[numStart])) return false;
        }
        else if (ScanText.IsDigit(c))
        {
            // USD 5 billion, USD5bn.
            int k = i > 0 && ScanText.IsBlank(f[i - 1]) ? i - 1 : i;
            if (k >= 3 && k - 3 >= Math.Max(floor, 0) && _units.TryMatchCode(f, k - 3, out var code))
            {
                currency = code;
                start = k - 3;
                codeGlued = k == i;
            }
        }
        bool kanji = !ScanText.IsDigit(f[numStart]);
        bool negative = false;
        // The right end of a range (the 15 of 10〜15%) follows a separator the left end already accounted for.
        if (floor >= 0 && !LeftContextAllows(f, numStart, kanji, codeGlued, ref negative))
        {
            skipTo = SkipNumber(f, numStart);
            return false;
        }
        if (negative && currency is null) start = numStart - 1;
        if (!NumberReader.TryReadCompound(f, numStart, out var tok)) return false;
        skipTo = tok.End;
        if (tok.Is(NumberFlags.Dotted) || tok.Is(NumberFlags.Overflow)) return false;
        if (tok.End < f.Length && f[tok.End] == '数') return false; // 十数社, 10数社: vague
        if (!kanji && tok.End + 1 < f.Length && f[tok.End] == ',')
        {
            // $ 1, 200, 000 or 1,8000,000: separators that are not thousands groups; no trustworthy value.
            int d = ScanText.SkipBlank(f, tok.End + 1);
            if (d < f.Length && ScanText.IsDigit(f[d])) { skipTo = SkipNumber(f, d); return false; }
        }
        if (kanji && !tok.Is(NumberFlags.Scaled) && tok.End - tok.Start == 1 && f[tok.Start] == '一') return false; // 一つ, 一方, 一部
        if (kanji && UnitDeclarationBefore(f, numStart)) return false; // （単位：百万円）: the unit of a table, not an amount

        decimal value = negative ? -tok.Value : tok.Value;
        decimal scale = tok.Scale;
        bool scaled = tok.Is(NumberFlags.Scaled);
        bool bigScaled = scaled && tok.Scale >= 1_0000m;
        int pos = tok.End;

        // N分のM: 100万分の1気圧 is a millionth of an atmosphere.
        if (ScanText.At(f, pos, "分の") && pos + 2 < f.Length && (ScanText.IsDigit(f[pos + 2]) || NumberReader.IsKanjiNumeral(f[pos + 2]))
            && NumberReader.TryReadCompound(f, pos + 2, out var num) && !num.Is(NumberFlags.Dotted) && !num.Is(NumberFlags.Overflow) && value != 0m)
        {
            value = num.Value / value;
            scale = 1m;
            scaled = bigScaled = false;
            pos = num.End;
            skipTo = pos;
            if (!TryUnitAfter(f, pos, tok, scaled, out var fu, out int fe) || fu.Kind == UnitKind.Currency && fu.Has(UnitRules.NeedsScale))
                return false; // 3分の1: a bare fraction
            side = new Side { Start = start, NumberEnd = pos, End = fe, Value = value, Scale = 1m, Unit = fu, Kanji = kanji };
            return true;
        }

        // English scale words: 75 million, 1.5 billion, $5bn; after a currency sign also $5m, $1.5B, $50k.
        int sp = ScanText.SkipBlank(f, pos);
        if (sp < f.Length && ScanText.IsAsciiLetter(f[sp]) && !kanji)
        {
            if (_units.TryMatchScaleWord(f, sp, out var sc, out int sl))
            {
                if (Math.Abs(value) > decimal.MaxValue / sc) return false;
                value *= sc;
                scale = sc;
                scaled = bigScaled = true;
                pos = sp + sl;
            }
            else if (currency is not null && sp == pos && f[sp] is 'm' or 'M' or 'b' or 'B' or 'k' or 'K' or 't' or 'T'
                     && (sp + 1 == f.Length || !ScanText.IsAsciiLetter(f[sp + 1])))
            {
                decimal s2 = f[sp] switch { 'm' or 'M' => 1e6m, 'b' or 'B' => 1e9m, 't' or 'T' => 1e12m, _ => 1e3m };
                if (Math.Abs(value) > decimal.MaxValue / s2) return false;
                value *= s2;
                scale = s2;
                scaled = true;
                bigScaled = s2 >= 1e6m;
                pos = sp + 1;
            }
        }

        side = new Side { Start = start, NumberEnd = pos, End = pos, Value = value, Scale = scale, Scaled = scaled, BigScaled = bigScaled, Kanji = kanji, Currency = currency };
        if (currency is null && TryUnitAfter(f, pos, tok, scaled, out var unit, out int ue))
        {
            side.Unit = unit;
            side.End = ue;
        }
        else if (currency is null && !kanji && CountNoun.Read(f, numStart, pos, tok, out int ce) is string noun)
        {
            side.Count = noun;
            side.End = ce;
        }
        skipTo = side.NumberEnd;
        return true;
    }

    private bool TryUnitAfter(ReadOnlySpan<char> f, int pos, NumberToken tok, bool scaled, out UnitDefinition unit, out int end)
    {
        unit = null!;
        end = pos;
        int up = ScanText.SkipBlank(f, pos);
        if (up >= f.Length) return false;
        bool glued = up == pos;
        if (_units.TryMatchSymbol(f, up, glued, out var u, out int ul))
        {
            if (UnitAllowed(f, u, up + ul, tok, scaled))
            {
                unit = u;
                end = up + ul;
                return true;
            }
            return false;
        }
        if (!glued && ScanText.IsAsciiLetter(f[up]) && _units.TryMatchWord(f, up, out u, out ul) && UnitAllowed(f, u, up + ul, tok, scaled))
        {
            unit = u;
            end = up + ul;
            return true;
        }
        return false;
    }

    private static bool UnitAllowed(ReadOnlySpan<char> f, UnitDefinition unit, int unitEnd, NumberToken tok, bool scaled)
    {
        bool kanji = tok.Is(NumberFlags.Kanji);
        if (unit.Has(UnitRules.ArabicOnly) && kanji) return false;
        if (unit.Has(UnitRules.NeedsScale) && !scaled) return false;
        // 1回のクエリ, 2回繰り返す: a count of occurrences; 1,000回 (cycle life, repetitions) measures something.
        if (unit.Symbol == "回" && !scaled && tok.Value < 100m) return false;
        bool yearShaped = !scaled && !tok.Is(NumberFlags.Decimal) && tok.Value >= 1800m && tok.Value <= 2199m;
        if (unit.Kind == UnitKind.Duration && unit.Symbol == "yr" && yearShaped) return false;
        if (unit.Has(UnitRules.YearDuration))
        {
            // 2023年 and 令和8年 are dates; 20年以上 and 10年間 are spans of time.
            if (EraBefore(f, tok.Start)) return false;
            bool suffix = false;
            int s = ScanText.SkipBlank(f, unitEnd);
            foreach (var w in YearDurationSuffixes)
                if (ScanText.At(f, s, w)) { suffix = true; break; }
            int b = tok.Start > 0 && ScanText.IsBlank(f[tok.Start - 1]) ? tok.Start - 1 : tok.Start;
            foreach (var w in YearDurationPrefixes)
                if (ScanText.Before(f, b, w)) { suffix = true; break; }
            if (!suffix) return false;
        }
        return true;
    }

    private static bool EraBefore(ReadOnlySpan<char> f, int numStart)
    {
        int k = numStart > 0 && ScanText.IsBlank(f[numStart - 1]) ? numStart - 1 : numStart;
        return ScanText.Before(f, k, "令和") || ScanText.Before(f, k, "平成") || ScanText.Before(f, k, "昭和")
            || ScanText.Before(f, k, "大正") || ScanText.Before(f, k, "明治");
    }

    /// <summary>Whether a number may start at <paramref name="n"/>, judging by what comes before it.</summary>
    private static bool LeftContextAllows(ReadOnlySpan<char> f, int n, bool kanji, bool codeGlued, ref bool negative)
    {
        if (n == 0) return true;
        char p = f[n - 1];
        char q = n >= 2 ? f[n - 2] : '\0';
        if (p is '数' or '何' or '幾' or '第') return false; // 数百気圧 is vague; 第3 is an ordinal
        if (kanji) return true;
        if (ScanText.IsDigit(p)) return false;
        // CO2, LiPF6, Battery500, N2P: digits inside a formula or a name.
        if (ScanText.IsAsciiLetter(p)) return codeGlued;
        if (p is '_' or '#' or '\\' or '@' or '^' or '&' or '+') return false;
        // x=5, n=30: a variable's value; 1ドル=148円: an exchange rate, whose right side is a quantity too.
        if (p == '=') return !(ScanText.IsAsciiLetterOrDigit(q) || q is '_' or '=' or '<' or '>' or '!');
        if (p == '/' && (ScanText.IsAsciiLetterOrDigit(q) || q is '/' or '.' or '-')) return false; // 1/2, km/h, a URL
        if (p == '.') return !(ScanText.IsAsciiLetterOrDigit(q)); // No.5, Fig.3, ver.2
        if (p is '-' or ScanText.Dash or ScanText.Wave or '~')
        {
            if (ScanText.IsAsciiLetter(q) || ScanText.IsDigit(q)) return false; // COVID-19, post-50, a rejected range
            // -40℃: a minus sign after anything that is not a word, a number or a range.
            if (p is '-' or ScanText.Dash && (n == 1 || !(ScanText.IsAsciiLetterOrDigit(q) || ScanText.IsKanji(q) || ScanText.IsKatakana(q)
                || ScanText.IsHiragana(q) && !IsParticle(q) || ScanText.IsRangeSeparator(q) || q is '%' or '.' or ')' or '）'))) negative = true;
            return true;
        }
        if (p is ':' or ',' && ScanText.IsDigit(q)) return false; // 00:18, a list 1,2,3
        if (p is '図' or '表' or '式' or '章' or '節' or '項' or '号' or '頁' or '巻') return false;
        if (p == '時' && ScanText.IsDigit(q)) return false; // 16時30分 is a time of day
        if (p == ' ')
        {
            foreach (var w in EnglishReferenceWords)
                if (ScanText.EndsWithWord(f, n - 1, w) || (w[^1] == '.' && ScanText.Before(f, n - 1, w))) return false;
        }
        return true;
    }

    /// <summary>は−253℃, では−40℃: a case particle before a dash leaves it a minus sign, as a blank would.</summary>
    private static bool IsParticle(char c) => c is 'は' or 'が' or 'を' or 'に' or 'で' or 'と' or 'も' or 'の' or 'へ';

    /// <summary>単位：百万円, 単位: 千円: a kanji scale that names the unit of the figures around it.</summary>
    private static bool UnitDeclarationBefore(ReadOnlySpan<char> f, int n)
    {
        int k = n;
        while (k > 0 && n - k < 3 && (ScanText.IsBlank(f[k - 1]) || f[k - 1] is ':' or '：' or '=')) k--;
        return ScanText.Before(f, k, "単位");
    }

    private static int SkipNumber(ReadOnlySpan<char> f, int i)
    {
        int j = i;
        while (j < f.Length && (ScanText.IsDigit(f[j]) || NumberReader.IsKanjiNumeral(f[j]) || NumberReader.BigScale(f[j]) > 0
               || (f[j] is '.' or ',' && j + 1 < f.Length && ScanText.IsDigit(f[j + 1]))))
            j++;
        return Math.Max(j, i + 1);
    }

    /// <summary>"grew from " before <paramref name="start"/>: a change verb, then "from".</summary>
    private static bool ChangeFromBefore(ReadOnlySpan<char> f, int start)
    {
        int k = start - 1;
        if (k < 5 || f[k] != ' ' || !ScanText.EndsWithWord(f, k, "from")) return false;
        k -= 5;
        if (k < 1 || f[k] != ' ') return false;
        int w = k;
        while (w > 0 && ScanText.IsAsciiLetter(f[w - 1])) w--;
        var verb = f[w..k];
        foreach (var v in ChangeVerbs)
            if (verb.Equals(v, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsChangeAfter(ReadOnlySpan<char> f, int end)
    {
        int a = ScanText.SkipBlank(f, end);
        if (a >= f.Length) return false;
        // 2.9億ドルから5.5億ドルへ: a change from one value to another, not a range.
        return f[a] == 'へ' || (f[a] == 'に' && !ScanText.At(f, a, "にわた"));
    }

    private int ReadPer(ReadOnlySpan<char> f, int end, ref string? per)
    {
        if (end < f.Length && f[end] == '/')
        {
            int a = end + 1;
            if (ScanText.At(f, a, "年間")) { per = "year"; return a + 2; }
            if (a < f.Length && f[a] == '年') { per = "year"; return a + 1; }
            if (a < f.Length && f[a] == '月') { per = "month"; return a + 1; }
            if (a < f.Length && f[a] == '日') { per = "day"; return a + 1; }
            foreach (var (w, p) in SlashPeriods)
                if (ScanText.StartsWithWord(f, a, w)) { per = p; return a + w.Length; }
            if (_units.TryMatchSymbol(f, a, true, out var u, out int ul) && u.Kind is UnitKind.Physical or UnitKind.Counter)
            {
                per = u.Symbol;
                return a + ul;
            }
            return end;
        }
        int b = ScanText.SkipBlank(f, end);
        if (b == end) return end;
        if (ScanText.StartsWithWord(f, b, "per"))
        {
            int c = ScanText.SkipBlank(f, b + 3);
            foreach (var (w, p) in PerPeriods)
                if (ScanText.StartsWithWord(f, c, w)) { per = p; return c + w.Length; }
        }
        foreach (var (w, p) in PeriodPhrases)
            if (ScanText.StartsWithWord(f, b, w)) { per = p; return b + w.Length; }
        return end;
    }

    private static int ReadSuffix(ReadOnlySpan<char> f, int end, string? unit, ref QuantityBound? bound, ref bool approximate)
    {
        int a = ScanText.SkipBlank(f, end);
        if (a >= f.Length) return end;
        if (f[a] is '(' or '（' or ')' or '）')
        {
            // 1 Pa（100万分の1気圧）以下: a bound after a parenthetical applies to the value before it, and to the
            // value inside it. The bound counts; the text stays the number and its unit.
            int k = a;
            if (f[a] is '(' or '（')
            {
                int close = f.Slice(a, Math.Min(32, f.Length - a)).IndexOfAny(')', '）');
                if (close < 0) return end;
                k = a + close;
            }
            QuantityBound? b = null;
            bool ap = false;
            if (ReadSuffix(f, k + 1, unit, ref b, ref ap) > k + 1 && b is not null) bound ??= b;
            return end;
        }
        if (f[a] == '*')
        {
            // **50%**を超えた: markdown emphasis between the number and its bound; the bound counts, the text stays clean.
            int k = a;
            while (k < f.Length && f[k] == '*' && k - a < 3) k++;
            QuantityBound? b = null;
            bool ap = false;
            if (k > a && ReadSuffix(f, k, unit, ref b, ref ap) > k)
            {
                bound ??= b;
                approximate |= ap;
            }
            return end;
        }
        foreach (var (w, b, ap) in JapaneseSuffixes)
        {
            if (!ScanText.At(f, a, w)) continue;
            int after = a + w.Length;
            char next = after < f.Length ? f[after] : '\0';
            switch (w)
            {
                // 超伝導, 強化, 弱点, 台湾: the start of another word.
                case "超" when ScanText.IsKanji(next):
                case "強" or "弱" when ScanText.IsKanji(next) || ScanText.IsHiragana(next):
                case "台" when unit is null || ScanText.IsKanji(next):
                case "級" when next == '数':
                    continue;
            }
            if (b is not null) bound ??= b;
            approximate |= ap;
            return after;
        }
        if (a > end)
        {
            foreach (var (w, b) in EnglishSuffixes)
            {
                if (!ScanText.StartsWithWord(f, a, w)) continue;
                bound ??= b;
                return a + w.Length;
            }
        }
        else if (f[a] == '+' && (a + 1 == f.Length || !ScanText.IsDigit(f[a + 1])))
        {
            bound ??= QuantityBound.Min;
            return a + 1;
        }
        return end;
    }

    private static int ReadPrefix(ReadOnlySpan<char> f, int start, int floor, ref QuantityBound? bound, ref bool approximate)
    {
        if (start <= floor) return start;
        int s = start;
        if (f[s - 1] == '~' )
        {
            approximate = true;
            return s - 1;
        }
        if (f[s - 1] == ScanText.Wave)
        {
            // 〜3nm: "up to", unless it closes a range the scanner did not take (a date, a time).
            char q = s - 2 >= 0 ? f[s - 2] : '\0';
            if (!ScanText.IsAsciiLetterOrDigit(q) && q != '%' && !ScanText.IsKanji(q))
            {
                bound ??= QuantityBound.Max;
                return s - 1;
            }
            return start;
        }
        foreach (var (w, b, ap) in JapanesePrefixes)
        {
            if (s - w.Length < floor || !ScanText.Before(f, s, w)) continue;
            if (b is not null) bound ??= b;
            approximate |= ap;
            return s - w.Length;
        }
        if (ScanText.IsBlank(f[s - 1]) && s - 1 > floor)
        {
            foreach (var (w, b, ap) in EnglishPrefixes)
            {
                if (s - 1 - w.Length < floor || !ScanText.EndsWithWord(f, s - 1, w)) continue;
                if (b is not null) bound ??= b;
                approximate |= ap;
                return s - 1 - w.Length;
            }
        }
        return start;
    }

    private static bool IsBigScaled(decimal value) => Math.Abs(value) >= 1_0000m;

    private static decimal Pow10Negative(int n)
    {
        decimal v = 1m;
        for (int k = 0; k < n; k++) v /= 10m;
        return v;
    }

    /// <summary>Drops trailing zeros a scale multiplication leaves (18.5 × 1e8 is 1850000000.0).</summary>
    internal static decimal Normalize(decimal d) => d / 1.0000000000000000000000000000m;
}
