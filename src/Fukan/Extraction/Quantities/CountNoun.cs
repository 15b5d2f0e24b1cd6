namespace Fukan.Extraction.Quantities;

/// <summary>
/// English counts the unit table cannot list: a number followed by a plural noun (<c>over 320 patents</c>,
/// <c>up to 20,000 robots a year</c>) counts that noun, and the singular noun is the unit. Conservative on purpose:
/// a year-shaped number (in 2024 robots), a number after "of the" (3 of the 5 sites) or after a capitalised word
/// (Model 3 sales, March 3 officials), and plural-looking words that are not counted things (years, series, has) are
/// not counts; nor are vowel-less abbreviations (kbps, fps).
/// </summary>
internal static class CountNoun
{
    private const int MinLength = 4;
    private const int MaxLength = 24;

    /// <summary>Words ending in s that are time spans, function words or uncountable: never a count's unit.</summary>
    private static readonly string[] NotCounts =
    [
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries", "times", "others",
        "ones", "does", "goes", "series", "species", "news", "plus", "always", "perhaps", "towards", "afterwards",
        "whereas", "unless", "thus", "basis", "percents", "points", "degrees", "steps", "levels", "stages", "phases",
    ];

    /// <summary>Capitalised words that may open a sentence before a count (Over 300 sites, The 5 plants).</summary>
    private static readonly string[] SentenceOpeners =
        ["Over", "About", "Nearly", "Some", "Around", "Approximately", "Roughly", "Almost", "Only", "Just", "The", "Its",
         "Our", "Their", "With", "By", "In", "All", "At", "Up", "More", "Fewer", "Less", "Under", "Below", "Above"];

    /// <summary>
    /// The singular unit of the plural noun after the number [<paramref name="numStart"/>, <paramref name="numEnd"/>),
    /// and where it ends; null when the number is not an English count.
    /// </summary>
    public static string? Read(ReadOnlySpan<char> f, int numStart, int numEnd, NumberToken tok, out int end)
    {
        end = numEnd;
        if (tok.LooksLikeYear || tok.Is(NumberFlags.Kanji)) return null;
        if (numEnd >= f.Length || f[numEnd] != ' ') return null;
        int s = numEnd + 1, e = s;
        while (e < f.Length && e - s <= MaxLength && f[e] is >= 'a' and <= 'z') e++;
        if (e - s < MinLength || e - s > MaxLength) return null;
        // https://, names.txt, e-mails: not a word of prose.
        if (e < f.Length && (ScanText.IsAsciiLetterOrDigit(f[e]) || f[e] is '-' or '\'' or ':' or '/' or '@' or '_'
            || f[e] == '.' && e + 1 < f.Length && ScanText.IsAsciiLetterOrDigit(f[e + 1]))) return null;
        var word = f[s..e];
        if (word[^1] != 's' || word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is")) return null;
        if (word[..^1].IndexOfAny("aeiouy") < 0) return null; // kbps, fps: a unit abbreviation, not a noun
        foreach (var w in NotCounts)
            if (word.SequenceEqual(w)) return null;
        if (!LeftAllows(f, numStart)) return null;
        end = e;
        return Singular(word);
    }

    /// <summary>3 of the 5 sites, Model 3 sales: the word before the number must not make it a part or a name.</summary>
    private static bool LeftAllows(ReadOnlySpan<char> f, int numStart)
    {
        if (numStart < 2 || f[numStart - 1] != ' ') return numStart == 0 || !ScanText.IsAsciiLetterOrDigit(f[numStart - 1]);
        int we = numStart - 1, w = we;
        while (w > 0 && ScanText.IsAsciiLetter(f[w - 1])) w--;
        if (w == we) return true;
        var word = f[w..we];
        if (word.SequenceEqual("the") && w >= 4 && ScanText.EndsWithWord(f, w - 1, "of")) return false;
        if (word[0] is >= 'A' and <= 'Z')
        {
            foreach (var o in SentenceOpeners)
                if (word.SequenceEqual(o)) return true;
            return false;
        }
        return true;
    }

    private static string Singular(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("ies")) return string.Concat(word[..^3], "y");
        if (word.EndsWith("sses") || word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("xes"))
            return word[..^2].ToString();
        return word[..^1].ToString();
    }
}
