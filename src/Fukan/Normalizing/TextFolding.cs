using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fukan.Normalizing;

/// <summary>
/// Length-preserving folding for matching: full-width ASCII to ASCII, the ideographic space and tabs to a
/// space, upper to lower case, 〇 (U+3007) kept as is. Because every character maps to exactly one character,
/// offsets in folded text are offsets in the original, so spans survive without a map. The rating and trend
/// symbols ◎○△×↗→↘ are never touched.
/// </summary>
public static class TextFolding
{
    /// <summary>Characters that end a sentence or a clause-final line in Japanese and English text.</summary>
    public static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。．.！？!?");

    /// <summary>Folds one character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // called per character of every line folded or keyed
    public static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0);      // full-width ASCII
        else if (c == '\u3000' || c == '\t') return ' ';
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        // Kana and kanji (most of a Japanese text) have no case: skip the casing tables.
        if (c is >= '\u3040' and <= '\u9FFF') return c;
        return char.ToLowerInvariant(c);
    }

    /// <summary>A folded copy of <paramref name="text"/>, the same length.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        return string.Create(text.Length, text, static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++) dest[i] = Fold(src[i]);
        });
    }

    /// <summary>True for hiragana, katakana and CJK ideographs (the characters that wrap without spaces).</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F' or '\u3005' or '\u3007' or '\u30FC';

    /// <summary>True for Japanese punctuation and full-width brackets.</summary>
    public static bool IsCjkPunctuation(char c) => c is >= '\u3000' and <= '\u303F' or >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20';

    /// <summary>Display width: full-width characters count 2, others 1.</summary>
    public static int DisplayWidth(ReadOnlySpan<char> text)
    {
        // Every character counts 1 and a wide one 1 more. The wide ones are counted a vector of characters at a
        // time: this runs on nearly every line of every stage that looks for the wrap column.
        int wide = 0, i = 0;
        if (Vector.IsHardwareAccelerated && text.Length >= Vector<ushort>.Count)
        {
            var units = MemoryMarshal.Cast<char, ushort>(text);
            var wideFrom = new Vector<ushort>(0x1100);
            var halfFrom = new Vector<ushort>(0xFF61);
            var halfTo = new Vector<ushort>(0xFF9F);
            for (; i <= units.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                var v = new Vector<ushort>(units[i..]);
                var halfWidthKana = Vector.GreaterThanOrEqual(v, halfFrom) & Vector.LessThanOrEqual(v, halfTo);
                var isWide = Vector.AndNot(Vector.GreaterThanOrEqual(v, wideFrom), halfWidthKana);
                wide += Vector.Sum(isWide & Vector<ushort>.One);
            }
        }
        for (; i < text.Length; i++) if (IsWide(text[i])) wide++;
        return text.Length + wide;
    }

    /// <summary>Full-width for display: from U+1100 on, except the half-width katakana.</summary>
    private static bool IsWide(char c) => c >= '\u1100' && !(c >= '\uFF61' && c <= '\uFF9F');
}
