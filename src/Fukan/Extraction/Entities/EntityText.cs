using System.Buffers;
using System.Runtime.CompilerServices;
using Fukan.Normalizing;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Character classes and the folding used to match entity names. Folding is one character to one character
/// (full-width to ASCII, upper to lower case, dash and dot variants unified, half-width katakana to full width),
/// so an offset in folded text is the same offset in the original.
/// </summary>
internal static class EntityText
{
    // Half-width katakana U+FF66..U+FF9D mapped one to one (voicing marks stay separate characters).
    private const string HalfWidthKana =
        "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    /// <summary>Legal forms that are not part of a name: 株式会社 Rapidus and Rapidus Inc. are both "Rapidus".</summary>
    internal static readonly string[] LegalForms =
    [
        "特定非営利活動法人", "大学共同利用機関法人", "地方独立行政法人", "国立研究開発法人", "独立行政法人",
        "一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "国立大学法人", "公立大学法人", "学校法人", "社会福祉法人",
        "NPO法人", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "㈱", "(有)", "㈲",
    ];

    // The first and last characters of the legal forms: a name that starts and ends with none of them has none.
    private static readonly SearchValues<char> LegalFormFirsts = SearchValues.Create(string.Concat(LegalForms.Select(f => f[0])));
    private static readonly SearchValues<char> LegalFormLasts = SearchValues.Create(string.Concat(LegalForms.Select(f => f[^1])));

    private static readonly string[] EnglishLegalForms = [", Inc.", " Inc.", " Inc", " Corporation", " Corp.", " Corp", " Co., Ltd.", " Co.,Ltd.", " Ltd.", " Ltd", " LLC", " GmbH", " AG", " plc"];

    // Below the kana, and in the full-width block, characters fold through tables made by FoldAny itself (so they
    // cannot disagree): ASCII, Japanese punctuation (、。「」) and full-width letters are common, and the general fold
    // asks the culture tables for the lower case of every one of them.
    private const char FullWidthFirst = '\uFF00', FullWidthLast = '\uFFEF';
    private static readonly char[] LowFolds = FoldTable('\0', (char)('\u3040' - 1));
    private static readonly char[] FullWidthFolds = FoldTable(FullWidthFirst, FullWidthLast);

    private static char[] FoldTable(char first, char last)
    {
        var table = new char[last - first + 1];
        for (int i = 0; i < table.Length; i++) table[i] = FoldAny((char)(first + i));
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < '\u3040') return LowFolds[c];
        if (c <= '\u9FFF') return c;   // kana and kanji fold to themselves (・ included)
        if (c is >= FullWidthFirst and <= FullWidthLast) return FullWidthFolds[c - FullWidthFirst];
        return FoldAny(c);
    }

    private static char FoldAny(char c)
    {
        if (c is >= '\u3040' and <= '\u9FFF') return c;
        if (c is >= '\uFF66' and <= '\uFF9D') return HalfWidthKana[c - '\uFF66'];
        if (c == '\uFF65') return '・';
        c = TextFolding.Fold(c);
        return c switch
        {
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            '\u00B7' or '\u2027' or '\u30FB' => '・',
            '\u00A0' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\n' or '\r' => ' ',
            _ => c,
        };
    }

    /// <summary>The folded copy of <paramref name="text"/>, same length.</summary>
    public static string FoldAll(ReadOnlySpan<char> text) => string.Create(text.Length, text, static (dest, src) => FoldInto(src, dest));

    /// <summary>Writes the folded <paramref name="text"/> to the start of <paramref name="dest"/>.</summary>
    public static void FoldInto(ReadOnlySpan<char> text, Span<char> dest)
    {
        dest = dest[..text.Length];
        for (int i = 0; i < text.Length; i++) dest[i] = Fold(text[i]);
    }

    /// <summary>The longest text whose key is built on the stack (by <see cref="Key"/> and the gazetteer's lookups).</summary>
    internal const int MaxStackKey = 128;

    /// <summary>The matching key of a name: folded, spaces removed.</summary>
    public static string Key(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= MaxStackKey ? stackalloc char[MaxStackKey] : new char[text.Length];
        return new string(buffer[..KeyInto(text, buffer)]);
    }

    /// <summary>Writes the key of <paramref name="text"/> (see <see cref="Key"/>) to <paramref name="buffer"/>, at least as long; returns its length.</summary>
    public static int KeyInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        int length = 0;
        foreach (char ch in text)
        {
            char c = Fold(ch);
            if (c != ' ') buffer[length++] = c;
        }
        return length;
    }

    /// <summary>The name without legal forms and surrounding spaces: 「株式会社 ABEJA」 → 「ABEJA」.</summary>
    public static string StripLegalForms(string name)
    {
        var s = name.Trim();
        bool changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            if (LegalFormFirsts.Contains(Fold(s[0])) || LegalFormLasts.Contains(Fold(s[^1])))
            {
                var folded = FoldAll(s);
                foreach (var form in LegalForms)
                {
                    if (folded.Length > form.Length && folded.StartsWith(form, StringComparison.Ordinal)) { s = s[form.Length..].Trim(); changed = true; break; }
                    if (folded.Length > form.Length && folded.EndsWith(form, StringComparison.Ordinal)) { s = s[..^form.Length].Trim(); changed = true; break; }
                }
                if (changed) continue;
            }
            foreach (var form in EnglishLegalForms)
                if (s.Length > form.Length && s.EndsWith(form, StringComparison.OrdinalIgnoreCase)) { s = s[..^form.Length].Trim().TrimEnd(','); changed = true; break; }
        }
        return s;
    }

    public static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '々' or '〆' or 'ヶ';

    public static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '\u30FD' or '\u30FE';

    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096' or 'ゝ' or 'ゞ';

    /// <summary>The ASCII letters, for skipping to the next one.</summary>
    public static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>A character that can be part of a name written without spaces: kanji, katakana, ASCII letters and digits.</summary>
    public static bool IsNameChar(char c) => IsKanji(c) || IsKatakana(c) || IsAsciiAlnum(c);
}
