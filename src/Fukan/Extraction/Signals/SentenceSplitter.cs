namespace Fukan.Extraction.Signals;

/// <summary>
/// Cuts a passage into sentences: after 。！？ (and ! ? or a full stop followed by a space in Latin text), keeping
/// closing brackets with the sentence they close. Spans are trimmed of surrounding white space and never empty.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/> as half-open spans, in order.</summary>
    public static List<(int Start, int End)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c is '。' or '！' or '？' or '!' or '?'
                || (c is '.' or '．' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && i > 0 && !char.IsAsciiDigit(text[i - 1]) && !IsAbbreviation(text, i));
            if (!end) continue;
            int e = i + 1;
            while (e < text.Length && text[e] is '」' or '』' or '）' or ')' or '"' or '”' or '’') e++;
            Add(text, start, e, result);
            start = e;
            i = e - 1;
        }
        Add(text, start, text.Length, result);
        return result;
    }

    private static void Add(string text, int start, int end, List<(int, int)> into)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add((start, end));
    }

    private static readonly string[] Abbreviations = ["e.g", "i.e", "vs", "etc", "cf", "al", "fig", "no", "approx", "inc", "ltd", "co", "mr", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

    // "e.g. ", "vs. ", "U.S. ": a known abbreviation, or one letter after another full stop.
    private static bool IsAbbreviation(string text, int dot)
    {
        int j = dot - 1;
        while (j >= 0 && (char.IsAsciiLetter(text[j]) || (text[j] == '.' && j > 0 && char.IsAsciiLetter(text[j - 1])))) j--;
        var word = text.AsSpan(j + 1, dot - j - 1);
        if (word.Length == 0) return false;
        foreach (var a in Abbreviations)
            if (word.Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        // U.S. / U.K.: single letters separated by stops.
        return word.Length >= 3 && word[1] == '.';
    }
}
