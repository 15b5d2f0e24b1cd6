namespace Fukan.Search;

/// <summary>
/// The default analyzer. Runs of kana and ideographs become overlapping character bigrams (a run of one
/// character stays a unigram), so any Japanese word of two or more characters is found as a phrase of its
/// bigrams, whatever the compound around it. Letters and digits become words (English plurals folded).
/// Text is folded per character (NFKC, lower case) for matching; offsets stay those of the original.
/// </summary>
public sealed class BigramAnalyzer : ISearchAnalyzer
{
    public string Name => "bigram";

    public void Analyze(ReadOnlySpan<char> text, TokenBuffer output)
    {
        output.Clear();
        output.Fold(text);
        Tokenize(output, 0, output.FoldedLength, 0);
    }

    /// <summary>
    /// Tokenizes folded chars [from, to) of <paramref name="output"/> starting at <paramref name="position"/>;
    /// returns the next position. Shared with analyzers that segment only part of the text.
    /// </summary>
    internal static int Tokenize(TokenBuffer output, int from, int to, int position)
    {
        var folded = output.Folded;
        Span<char> word = stackalloc char[64];
        int i = from;
        while (i < to)
        {
            var cls = SearchCharClasses.Of(folded[i]);
            if (cls == SearchCharClass.Separator) { i++; continue; }
            int j = i + 1;
            if (cls == SearchCharClass.Surrogate)
            {
                if (j < to && char.IsLowSurrogate(folded[j])) j++;
                output.Add(folded.AsSpan(i, j - i), output.FoldedStart[i], output.FoldedEnd[j - 1], position++);
                i = j;
                continue;
            }
            while (j < to && SearchCharClasses.Of(folded[j]) == cls) j++;
            if (cls == SearchCharClass.Cjk)
            {
                position = EmitBigrams(output, i, j, position);
            }
            else
            {
                var term = folded.AsSpan(i, j - i);
                int len = term.Length;
                if (len <= word.Length && EnglishMinimalStemmer.IsAsciiLetters(term))
                {
                    term.CopyTo(word);
                    len = EnglishMinimalStemmer.Stem(word[..len]);
                    output.Add(word[..len], output.FoldedStart[i], output.FoldedEnd[j - 1], position++);
                }
                else
                {
                    output.Add(term, output.FoldedStart[i], output.FoldedEnd[j - 1], position++);
                }
            }
            i = j;
        }
        return position;
    }

    /// <summary>Emits the bigrams of the CJK run [from, to) (a unigram for a run of one).</summary>
    internal static int EmitBigrams(TokenBuffer output, int from, int to, int position)
    {
        var folded = output.Folded;
        if (to - from == 1)
        {
            output.Add(folded.AsSpan(from, 1), output.FoldedStart[from], output.FoldedEnd[from], position);
            return position + 1;
        }
        for (int k = from; k + 1 < to; k++)
            output.Add(folded.AsSpan(k, 2), output.FoldedStart[k], output.FoldedEnd[k + 1], position++);
        return position;
    }
}
