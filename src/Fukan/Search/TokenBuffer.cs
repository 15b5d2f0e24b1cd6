namespace Fukan.Search;

/// <summary>
/// Reusable output of an <see cref="ISearchAnalyzer"/>: the tokens of one text plus the folded characters of
/// their terms. One buffer per thread; <see cref="Clear"/> keeps the arrays so analysing allocates nothing.
/// </summary>
public sealed class TokenBuffer
{
    private char[] _terms = new char[256];
    private int _termLength;
    private SearchToken[] _tokens = new SearchToken[64];

    // The folded text: one entry per folded char, with the source span it stands for.
    internal char[] Folded = new char[256];
    internal int[] FoldedStart = new int[256];
    internal int[] FoldedEnd = new int[256];
    internal int FoldedLength;

    public int Count { get; private set; }

    public SearchToken this[int index] => index < Count ? _tokens[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The folded term of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index) => _terms.AsSpan(this[index].TermStart, _tokens[index].TermLength);

    public string TermString(int index) => Term(index).ToString();

    public void Clear()
    {
        Count = 0;
        _termLength = 0;
        FoldedLength = 0;
    }

    /// <summary>Adds a token whose term is <paramref name="term"/>.</summary>
    public void Add(ReadOnlySpan<char> term, int sourceStart, int sourceEnd, int position)
    {
        if (_termLength + term.Length > _terms.Length) Array.Resize(ref _terms, Math.Max(_terms.Length * 2, _termLength + term.Length));
        term.CopyTo(_terms.AsSpan(_termLength));
        if (Count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[Count++] = new SearchToken(_termLength, term.Length, sourceStart, sourceEnd, position);
        _termLength += term.Length;
    }

    internal void AddFolded(char c, int sourceStart, int sourceEnd)
    {
        if (FoldedLength == Folded.Length)
        {
            int n = Folded.Length * 2;
            Array.Resize(ref Folded, n);
            Array.Resize(ref FoldedStart, n);
            Array.Resize(ref FoldedEnd, n);
        }
        Folded[FoldedLength] = c;
        FoldedStart[FoldedLength] = sourceStart;
        FoldedEnd[FoldedLength] = sourceEnd;
        FoldedLength++;
    }

    /// <summary>
    /// Fills the folded text from <paramref name="text"/>: NFKC and lower case per character, voiced marks composed
    /// with their kana, supplementary characters kept whole (as a surrogate pair) for the caller to treat alone.
    /// </summary>
    internal void Fold(ReadOnlySpan<char> text)
    {
        FoldedLength = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AddFolded(c, i, i + 2);
                AddFolded(text[i + 1], i, i + 2);
                i++;
                continue;
            }
            if (SearchCharFolder.IsVoicedMark(c) && FoldedLength > 0)
            {
                char composed = SearchCharFolder.Compose(Folded[FoldedLength - 1], c);
                if (composed != '\0')
                {
                    Folded[FoldedLength - 1] = composed;
                    FoldedEnd[FoldedLength - 1] = i + 1;
                    continue;
                }
            }
            if (SearchCharFolder.TryFoldSingle(c, out char f))
            {
                AddFolded(f, i, i + 1);
                continue;
            }
            foreach (char e in SearchCharFolder.Expand(c)) AddFolded(e, i, i + 1);
        }
    }
}
