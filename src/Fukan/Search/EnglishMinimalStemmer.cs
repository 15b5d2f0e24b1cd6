namespace Fukan.Search;

/// <summary>
/// Plural folding for English words (batteries → battery, devices → device, chips → chip), the rules of
/// Lucene's EnglishMinimalStemFilter. Deliberately light: it never merges unrelated words.
/// </summary>
internal static class EnglishMinimalStemmer
{
    /// <summary>The stemmed length of <paramref name="word"/> (lower-case ASCII); may rewrite its last char.</summary>
    public static int Stem(Span<char> word)
    {
        int len = word.Length;
        if (len < 3 || word[len - 1] != 's') return len;
        switch (word[len - 2])
        {
            case 'u':
            case 's':
                return len;
            case 'e':
                if (len > 3 && word[len - 3] == 'i' && word[len - 4] != 'e' && word[len - 4] != 'a')
                {
                    word[len - 3] = 'y';
                    return len - 2;
                }
                if (word[len - 3] is 'i' or 'a' or 'o' or 'e') return len;
                return len - 1;
            default:
                return len - 1;
        }
    }

    public static bool IsAsciiLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (c is < 'a' or > 'z') return false;
        return true;
    }
}
