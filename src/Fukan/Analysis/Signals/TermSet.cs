using Fukan.Normalizing;

namespace Fukan.Analysis.Signals;

/// <summary>
/// Plain terms (aliases) matched in <see cref="TextFolding"/>-folded text with ordinal search. A term that begins or
/// ends with an ASCII letter or digit only matches where its neighbour is not one ("N2" is not in "N2O" or "CN2"),
/// except for an English plural s ("A-sample" matches "A-samples").
/// </summary>
public sealed class TermSet
{
    private readonly string[] _terms;

    public TermSet(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = new List<string>();
        foreach (var t in terms)
        {
            var f = TextFolding.Fold(t.AsSpan().Trim());
            if (f.Length > 0 && !list.Contains(f)) list.Add(f);
        }
        // Longest first, so the reported occurrence is the most specific one.
        list.Sort((a, b) => b.Length.CompareTo(a.Length));
        _terms = list.ToArray();
    }

    public static TermSet Empty { get; } = new([]);

    public bool IsEmpty => _terms.Length == 0;

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>The first occurrence of any term in folded[start..end), or (-1, 0).</summary>
    public (int Index, int Length) Find(string folded, int start, int end)
    {
        int best = -1, bestLength = 0;
        foreach (var term in _terms)
        {
            int i = IndexOf(folded, term, start, end);
            if (i >= 0 && (best < 0 || i < best)) { best = i; bestLength = term.Length; }
        }
        return (best, bestLength);
    }

    /// <summary>True when any term occurs in folded[start..end).</summary>
    public bool Any(string folded, int start, int end)
    {
        foreach (var term in _terms)
            if (IndexOf(folded, term, start, end) >= 0) return true;
        return false;
    }

    public bool Any(string folded) => Any(folded, 0, folded.Length);

    /// <summary>Every occurrence start of every term in folded[start..end).</summary>
    public void Occurrences(string folded, int start, int end, List<int> into)
    {
        foreach (var term in _terms)
        {
            int from = start;
            while (true)
            {
                int i = IndexOf(folded, term, from, end);
                if (i < 0) break;
                into.Add(i);
                from = i + 1;
            }
        }
    }

    private static int IndexOf(string folded, string term, int start, int end)
    {
        int from = start;
        while (from <= end - term.Length)
        {
            int i = folded.IndexOf(term, from, end - from, StringComparison.Ordinal);
            if (i < 0) return -1;
            bool leftOk = !IsWordChar(term[0]) || i == 0 || !IsWordChar(folded[i - 1]);
            int after = i + term.Length;
            bool rightOk = !IsWordChar(term[^1]) || after >= folded.Length || !IsWordChar(folded[after])
                // An English plural: "A-sample" names "A-samples".
                || (folded[after] == 's' && char.IsAsciiLetter(term[^1]) && (after + 1 >= folded.Length || !IsWordChar(folded[after + 1])));
            if (leftOk && rightOk) return i;
            from = i + 1;
        }
        return -1;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
