using System.Globalization;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// Reads Arabic and kanji numbers and the Japanese scale words between them, over folded text:
/// <c>1,000</c>, <c>18.5</c>, <c>三千</c>, <c>二〇二三</c>, <c>7億9,300万</c>, <c>209百万</c>, <c>4万8千</c>.
/// Values are decimals; a number that does not fit is flagged <see cref="NumberFlags.Overflow"/>, never thrown.
/// </summary>
internal static class NumberReader
{
    private const int MaxDigits = 40;
    private const int MaxKanjiRun = 12;

    public static bool IsKanjiDigit(char c) => KanjiDigit(c) >= 0;

    /// <summary>Kanji that start or continue a kanji number: digits and 十百千.</summary>
    public static bool IsKanjiNumeral(char c) => KanjiDigit(c) >= 0 || c is '十' or '百' or '千';

    public static int KanjiDigit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>The value of a Japanese big scale word, or 0.</summary>
    public static decimal BigScale(char c) => c switch
    {
        '万' => 1_0000m,
        '億' => 1_0000_0000m,
        '兆' => 1_0000_0000_0000m,
        _ => 0m,
    };

    /// <summary>
    /// Reads an Arabic number at <paramref name="i"/>: digits, thousands groups of exactly three digits, one decimal
    /// part. A second dot makes it a dotted number (2.1.1), returned with <see cref="NumberFlags.Dotted"/>.
    /// </summary>
    public static bool TryReadArabic(ReadOnlySpan<char> f, int i, out NumberToken token)
    {
        token = default;
        if (i >= f.Length || !ScanText.IsDigit(f[i])) return false;
        Span<char> buf = stackalloc char[MaxDigits + 2];
        int n = 0;
        bool overflow = false;
        var flags = NumberFlags.None;
        int j = i;
        while (j < f.Length && ScanText.IsDigit(f[j])) Put(buf, ref n, f[j++], ref overflow);
        int intDigits = j - i;
        if (intDigits <= 3)
        {
            while (j < f.Length && f[j] == ',' && IsThreeDigitGroup(f, j + 1))
            {
                flags |= NumberFlags.Grouped;
                for (int k = 1; k <= 3; k++) Put(buf, ref n, f[j + k], ref overflow);
                intDigits += 3;
                j += 4;
            }
        }
        if (j + 1 < f.Length && f[j] == '.' && ScanText.IsDigit(f[j + 1]))
        {
            flags |= NumberFlags.Decimal;
            Put(buf, ref n, '.', ref overflow);
            j++;
            while (j < f.Length && ScanText.IsDigit(f[j])) Put(buf, ref n, f[j++], ref overflow);
            if (j + 1 < f.Length && f[j] == '.' && ScanText.IsDigit(f[j + 1]))
            {
                // 2.1.1, 4.8.0: a section or version number, never a value.
                while (j + 1 < f.Length && f[j] == '.' && ScanText.IsDigit(f[j + 1]))
                {
                    j++;
                    while (j < f.Length && ScanText.IsDigit(f[j])) j++;
                }
                token = new NumberToken(i, j, 0m, flags | NumberFlags.Dotted, intDigits);
                return true;
            }
        }
        decimal value = 0m;
        if (overflow || !decimal.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            flags |= NumberFlags.Overflow;
        token = new NumberToken(i, j, value, flags, intDigits);
        return true;
    }

    private static bool IsThreeDigitGroup(ReadOnlySpan<char> f, int at) =>
        at + 3 <= f.Length && ScanText.IsDigit(f[at]) && ScanText.IsDigit(f[at + 1]) && ScanText.IsDigit(f[at + 2])
        && (at + 3 == f.Length || !ScanText.IsDigit(f[at + 3]));

    private static void Put(Span<char> buf, ref int n, char c, ref bool overflow)
    {
        if (n < buf.Length) buf[n++] = c;
        else overflow = true;
    }

    /// <summary>
    /// Reads a run of kanji numerals at <paramref name="i"/>: positional (二〇二三 = 2023) when it has only digits,
    /// else with 十百千 as multipliers (三千 = 3000, 千二百 = 1200).
    /// </summary>
    public static bool TryReadKanji(ReadOnlySpan<char> f, int i, out NumberToken token)
    {
        token = default;
        int j = i;
        bool onlyDigits = true;
        while (j < f.Length && IsKanjiNumeral(f[j]))
        {
            if (KanjiDigit(f[j]) < 0) onlyDigits = false;
            j++;
        }
        int len = j - i;
        if (len == 0) return false;
        if (len > MaxKanjiRun)
        {
            token = new NumberToken(i, j, 0m, NumberFlags.Kanji | NumberFlags.Overflow, len);
            return true;
        }
        long value;
        if (onlyDigits)
        {
            value = 0;
            for (int k = i; k < j; k++) value = value * 10 + KanjiDigit(f[k]);
        }
        else
        {
            long total = 0, cur = -1;
            for (int k = i; k < j; k++)
            {
                int d = KanjiDigit(f[k]);
                if (d >= 0) { cur = (cur < 0 ? 0 : cur) * 10 + d; continue; }
                long mult = f[k] switch { '十' => 10, '百' => 100, _ => 1000 };
                total += (cur < 0 ? 1 : cur) * mult;
                cur = -1;
            }
            value = total + (cur < 0 ? 0 : cur);
        }
        token = new NumberToken(i, j, value, NumberFlags.Kanji, onlyDigits ? len : value.ToString(CultureInfo.InvariantCulture).Length);
        return true;
    }

    /// <summary>
    /// Reads a Japanese number with big scale words at <paramref name="i"/>: groups in descending scale
    /// (兆 &gt; 億 &gt; 万) and an optional trailing group, as in <c>19兆7,408億</c>, <c>4万8千</c>, <c>209百万</c>.
    /// One blank is allowed before the first scale word (PDF text: <c>19.9 億</c>).
    /// </summary>
    public static bool TryReadCompound(ReadOnlySpan<char> f, int i, out NumberToken token)
    {
        token = default;
        decimal total = 0m;
        decimal lastBig = decimal.MaxValue;
        var flags = NumberFlags.None;
        int pos = i;
        bool any = false;
        int intDigits = 0;
        decimal scale = 1m;
        while (pos < f.Length)
        {
            NumberToken group;
            if (ScanText.IsDigit(f[pos]))
            {
                if (!TryReadArabic(f, pos, out group)) break;
                if (group.Is(NumberFlags.Dotted))
                {
                    if (any) break;
                    token = group;
                    return true;
                }
                // 8千, 209百万: an Arabic number times 千 or 百.
                if (group.End < f.Length && f[group.End] is '千' or '百' && !group.Is(NumberFlags.Overflow))
                {
                    decimal mult = f[group.End] == '千' ? 1000m : 100m;
                    group = group with { End = group.End + 1, Value = group.Value * mult, Flags = group.Flags | NumberFlags.Scaled, Scale = mult };
                }
            }
            else if (IsKanjiNumeral(f[pos]))
            {
                if (!TryReadKanji(f, pos, out group)) break;
            }
            else break;

            int s = group.End;
            if (!any && s + 1 < f.Length && ScanText.IsBlank(f[s]) && BigScale(f[s + 1]) > 0) s++;
            decimal big = s < f.Length ? BigScale(f[s]) : 0m;
            if (big == 0m)
            {
                if (!any)
                {
                    token = group;
                    return true;
                }
                // A trailing group without a scale (4万8千): only an Arabic number or a kanji number ending in 十百千,
                // so that 1億一般 does not read as 100000001.
                bool kanjiTail = group.Is(NumberFlags.Kanji) && f[group.End - 1] is '十' or '百' or '千';
                if (group.Is(NumberFlags.Kanji) && !kanjiTail) break;
                if (group.Is(NumberFlags.Overflow) || group.Value >= lastBig) break;
                // 2兆7,655 at the very end: a line break probably cut off the scale word (2兆7,655億円), so the
                // value cannot be trusted either way.
                if (group.End >= f.Length)
                {
                    flags |= NumberFlags.Overflow;
                    pos = group.End;
                    break;
                }
                total += group.Value;
                flags |= group.Flags & (NumberFlags.Kanji | NumberFlags.Decimal | NumberFlags.Grouped);
                pos = group.End;
                break;
            }
            if (big >= lastBig) break;
            flags |= (group.Flags & (NumberFlags.Kanji | NumberFlags.Decimal | NumberFlags.Grouped | NumberFlags.Overflow)) | NumberFlags.Scaled;
            if (!any) { intDigits = group.IntegerDigits; scale = group.Scale * big; }
            any = true;
            pos = s + 1;
            if ((flags & NumberFlags.Overflow) == 0)
            {
                if (group.Value > decimal.MaxValue / big) flags |= NumberFlags.Overflow;
                else
                {
                    decimal add = group.Value * big;
                    if (add > decimal.MaxValue - total) flags |= NumberFlags.Overflow;
                    else total += add;
                }
            }
            lastBig = big;
            if (pos >= f.Length || !(ScanText.IsDigit(f[pos]) || IsKanjiNumeral(f[pos]))) break;
        }
        if (!any) return false;
        token = new NumberToken(i, pos, (flags & NumberFlags.Overflow) != 0 ? 0m : total, flags, intDigits, scale);
        return true;
    }
}
