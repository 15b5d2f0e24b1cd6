namespace Fukan.Search;

/// <summary>How the analyzers treat a folded character.</summary>
internal enum SearchCharClass : byte
{
    /// <summary>Punctuation, symbols and spaces: they end a run and are not indexed.</summary>
    Separator,
    /// <summary>Kana, ideographs, 々〆〇ー and hangul: written without spaces, indexed as bigrams.</summary>
    Cjk,
    /// <summary>Letters and digits of space-separated scripts: indexed as words.</summary>
    Word,
    /// <summary>Half of a surrogate pair: a supplementary character, indexed alone.</summary>
    Surrogate,
}

internal static class SearchCharClasses
{
    public static SearchCharClass Of(char c)
    {
        if (c < 0x80)
            return c is >= 'a' and <= 'z' or >= '0' and <= '9' or >= 'A' and <= 'Z' ? SearchCharClass.Word : SearchCharClass.Separator;
        if (c is >= '\u3041' and <= '\u3096' or >= '\u309D' and <= '\u309F' or >= '\u30A1' and <= '\u30FA' or >= '\u30FC' and <= '\u30FF'
                or >= '\u31F0' and <= '\u31FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF'
                or >= '\uAC00' and <= '\uD7A3' or '\u3005' or '\u3006' or '\u3007' or '\u303B')
            return SearchCharClass.Cjk;
        if (char.IsSurrogate(c)) return SearchCharClass.Surrogate;
        return char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            ? SearchCharClass.Word : SearchCharClass.Separator;
    }
}
