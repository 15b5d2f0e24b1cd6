namespace Fukan.Extraction.Quantities;

/// <summary>
/// One-to-one character folding for the quantity and date scanners (unlike <see cref="Fukan.Normalizing.TextFolding"/>
/// it keeps case, since mW is not MW, and unifies dashes and wave dashes): full-width digits, letters and symbols become
/// ASCII, ideographic spaces become spaces, dash variants become one dash, wave dashes become <c>〜</c>.
/// The folded string has the same length as the input, so every offset found in it is an offset in the input.
/// </summary>
internal static class ScanText
{
    /// <summary>The dash every dash variant (‐ ‑ ‒ – — ― −) folds to; ASCII '-' stays as it is.</summary>
    public const char Dash = '–';

    /// <summary>The wave dash (〜, ～, ∼) used for Japanese ranges.</summary>
    public const char Wave = '〜';

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (dst, src) =>
        {
            for (int i = 0; i < dst.Length; i++) dst[i] = FoldChar(src[i]);
        });
    }

    public static char FoldChar(char c)
    {
        if (c < 0x80) return c;
        if (c >= '\uFF01' && c <= '\uFF5E')
            return c == '\uFF5E' ? Wave : (char)(c - 0xFEE0);
        return c switch
        {
            '\u3000' or '\u00A0' or '\u2009' or '\u202F' => ' ',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => Dash,
            '\u223C' => Wave,
            '\u00B5' => 'μ',
            '\uFFE5' => '¥',
            '\uFFE1' => '£',
            '\uFFE0' => '¢',
            '\u2215' => '/',
            _ => c,
        };
    }

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiLetterOrDigit(char c) => IsDigit(c) || IsAsciiLetter(c);

    /// <summary>CJK ideographs and the iteration mark 々.</summary>
    public static bool IsKanji(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '々' || c == '〆';

    /// <summary>Katakana, the long-vowel mark and half-width katakana.</summary>
    public static bool IsKatakana(char c) => (c >= '\u30A1' && c <= '\u30FA') || c == 'ー' || (c >= '\uFF66' && c <= '\uFF9D');

    public static bool IsHiragana(char c) => c >= '\u3041' && c <= '\u309F';

    /// <summary>Space, tab or ideographic space (after folding, only space and tab remain).</summary>
    public static bool IsBlank(char c) => c == ' ' || c == '\t';

    /// <summary>A dash or wave that joins the two ends of a range.</summary>
    public static bool IsRangeSeparator(char c) => c == Wave || c == '~' || c == Dash || c == '-';

    /// <summary>The end of the word that ends just before <paramref name="end"/> matches <paramref name="word"/>, ASCII case-insensitively, and starts at a word boundary.</summary>
    public static bool EndsWithWord(ReadOnlySpan<char> f, int end, string word)
    {
        int start = end - word.Length;
        if (start < 0) return false;
        if (!f.Slice(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        return start == 0 || !IsAsciiLetter(f[start - 1]);
    }

    /// <summary>The text at <paramref name="start"/> is <paramref name="word"/>, ASCII case-insensitively, and no letter follows it.</summary>
    public static bool StartsWithWord(ReadOnlySpan<char> f, int start, string word)
    {
        if (start + word.Length > f.Length) return false;
        if (!f.Slice(start, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        int after = start + word.Length;
        return after == f.Length || !IsAsciiLetter(f[after]);
    }

    /// <summary>The text at <paramref name="start"/> is exactly <paramref name="s"/>.</summary>
    public static bool At(ReadOnlySpan<char> f, int start, string s) =>
        start >= 0 && start + s.Length <= f.Length && f.Slice(start, s.Length).SequenceEqual(s);

    /// <summary>The text just before <paramref name="end"/> is exactly <paramref name="s"/>.</summary>
    public static bool Before(ReadOnlySpan<char> f, int end, string s) =>
        end - s.Length >= 0 && end <= f.Length && f.Slice(end - s.Length, s.Length).SequenceEqual(s);

    /// <summary>Skips at most one blank at <paramref name="i"/>.</summary>
    public static int SkipBlank(ReadOnlySpan<char> f, int i) => i < f.Length && IsBlank(f[i]) ? i + 1 : i;
}
