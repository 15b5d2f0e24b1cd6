using System.Text;

namespace Fukan.Search;

/// <summary>
/// Folding for matching only: NFKC of each character (full-width ASCII to ASCII, half-width katakana to
/// full-width, ① to 1, ㈱ to (株)), then lower case. Tables are built once per process and never change;
/// the original text is never rewritten, so every folded character keeps the source offset it came from.
/// </summary>
internal static class SearchCharFolder
{
    // For each BMP char: the single folded char, or '\0' when the fold expands (see Expansions) or removes it.
    private static readonly char[] Single = new char[0x10000];
    private static readonly Dictionary<char, string> Expansions = BuildTables();

    /// <summary>Folds <paramref name="c"/> to one char; false when it folds to several (<see cref="Expand"/>) or none.</summary>
    public static bool TryFoldSingle(char c, out char folded)
    {
        folded = Single[c];
        return folded != '\0';
    }

    /// <summary>The multi-char fold of <paramref name="c"/> ("" when NFKC removes it).</summary>
    public static string Expand(char c) => Expansions.TryGetValue(c, out var s) ? s : "";

    /// <summary>
    /// Composes a half-width or combining voiced mark with the kana before it (ｶﾞ, か゛ → ガ, が); '\0' when
    /// they do not compose.
    /// </summary>
    public static char Compose(char kana, char mark)
    {
        char combining = mark switch
        {
            '\uFF9E' or '\u309B' or '\u3099' => '\u3099',
            '\uFF9F' or '\u309C' or '\u309A' => '\u309A',
            _ => '\0',
        };
        // Only kana take voiced marks; anything else (a surrogate half included) keeps the mark apart.
        if (combining == '\0' || kana is < '\u3040' or > '\u30FF') return '\0';
        Span<char> pair = [kana, combining];
        var composed = pair.ToString().Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : '\0';
    }

    public static bool IsVoicedMark(char c) => c is '\uFF9E' or '\uFF9F' or '\u3099' or '\u309A' or '\u309B' or '\u309C';

    private static Dictionary<char, string> BuildTables()
    {
        var expansions = new Dictionary<char, string>();
        Span<char> one = stackalloc char[1];
        for (int i = 0; i < 0x10000; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c)) continue;
            if (i < 0x80)
            {
                Single[i] = i is >= 'A' and <= 'Z' ? (char)(i + 32) : c;
                continue;
            }
            // Ideographs, kana and hangul syllables are NFKC-stable; skip the costly normalize for them.
            if (i is >= 0x3041 and <= 0x3096 or >= 0x30A1 and <= 0x30FA or >= 0x4E00 and <= 0x9FFF or >= 0xAC00 and <= 0xD7A3 or >= 0x3400 and <= 0x4DBF)
            {
                Single[i] = c;
                continue;
            }
            one[0] = c;
            string n;
            try { n = one.ToString().Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { Single[i] = c; continue; } // unassigned code points: keep as is
            n = n.ToLowerInvariant();
            if (n.Length == 1) Single[i] = n[0];
            else expansions[c] = n;
        }
        Single[0] = ' ';
        return expansions;
    }
}
