namespace Fukan.Search;

/// <summary>
/// A passage's terms as the FTS5 index holds them: the analyzer's terms, each split once more where FTS5's
/// <c>ascii</c> tokenizer splits (at ASCII characters other than letters and digits, so <c>3.5</c> is 3, 5) and
/// ASCII-lower-cased. Position i in this list is the term's position in the index, which is what phrase matching
/// and the row lengths of BM25 count. One list per thread; <see cref="Clear"/> keeps the arrays.
/// </summary>
internal sealed class FtsTerms
{
    private char[] _chars = new char[1024];
    private int _length;
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    /// <summary>Appends the index terms of everything in <paramref name="buffer"/>.</summary>
    public void Add(TokenBuffer buffer)
    {
        for (int i = 0; i < buffer.Count; i++) Add(buffer.Term(i));
    }

    /// <summary>Appends the index terms of one analyzer term.</summary>
    public void Add(ReadOnlySpan<char> term)
    {
        int i = 0;
        while (i < term.Length)
        {
            if (IsSeparator(term[i])) { i++; continue; }
            int j = i;
            while (j < term.Length && !IsSeparator(term[j])) j++;
            Append(term[i..j]);
            i = j;
        }
    }

    /// <summary>The index terms of one query term's analyzer terms (a phrase's terms in order).</summary>
    public static string[] Of(IReadOnlyList<string> terms)
    {
        var list = new FtsTerms();
        foreach (var t in terms) list.Add(t);
        var result = new string[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = list[i].ToString();
        return result;
    }

    /// <summary>How often <paramref name="phrase"/> occurs as consecutive terms.</summary>
    public int CountPhrase(string[] phrase)
    {
        if (phrase.Length == 0) return 0;
        int n = 0;
        for (int p = 0; p + phrase.Length <= Count; p++)
        {
            int k = 0;
            while (k < phrase.Length && this[p + k].SequenceEqual(phrase[k])) k++;
            if (k == phrase.Length) n++;
        }
        return n;
    }

    /// <summary>How many terms start with <paramref name="prefix"/> (a lone CJK character matches the bigrams it starts).</summary>
    public int CountPrefix(string prefix)
    {
        int n = 0;
        for (int p = 0; p < Count; p++)
            if (this[p].StartsWith(prefix, StringComparison.Ordinal)) n++;
        return n;
    }

    private static bool IsSeparator(char c) => c < 0x80 && !char.IsAsciiLetterOrDigit(c);

    private void Append(ReadOnlySpan<char> term)
    {
        if (_length + term.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + term.Length));
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }
        var dest = _chars.AsSpan(_length, term.Length);
        for (int i = 0; i < term.Length; i++) dest[i] = char.IsAsciiLetterUpper(term[i]) ? (char)(term[i] | 0x20) : term[i];
        _starts[Count] = _length;
        _lengths[Count] = term.Length;
        _length += term.Length;
        Count++;
    }
}
