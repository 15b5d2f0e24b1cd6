using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// Finds the query's terms in a passage and cuts the best window around them: the window of about the
/// requested length that covers the most distinct query terms (then the most matches). Highlights carry
/// passage offsets, snippet offsets and source offsets (through the passage's <see cref="OffsetMap"/>).
/// </summary>
internal sealed class SnippetBuilder
{
    private const char Ellipsis = '…';
    private readonly ISearchAnalyzer _analyzer;
    private readonly TokenBuffer _buffer = new();

    public SnippetBuilder(ISearchAnalyzer analyzer) => _analyzer = analyzer;

    public (string Snippet, IReadOnlyList<SearchHighlight> Highlights) Build(string text, OffsetMap map, IReadOnlyList<AnalyzedTerm> terms, int length)
    {
        var matches = FindMatches(text, terms);
        int windowStart = 0;
        if (text.Length > length && matches.Count > 0)
            windowStart = BestWindow(matches, length, text.Length);
        int windowEnd = Math.Min(text.Length, windowStart + length);
        // Do not split a surrogate pair at either edge.
        if (windowStart > 0 && char.IsLowSurrogate(text[windowStart])) windowStart--;
        if (windowEnd < text.Length && char.IsLowSurrogate(text[windowEnd])) windowEnd++;

        bool before = windowStart > 0, after = windowEnd < text.Length;
        var chars = new char[windowEnd - windowStart + (before ? 1 : 0) + (after ? 1 : 0)];
        int o = 0;
        if (before) chars[o++] = Ellipsis;
        for (int i = windowStart; i < windowEnd; i++)
            chars[o++] = text[i] is '\n' or '\r' or '\t' ? ' ' : text[i];
        if (after) chars[o] = Ellipsis;
        int shift = (before ? 1 : 0) - windowStart;

        var highlights = new List<SearchHighlight>();
        foreach (var (s, e, _) in matches)
        {
            if (s < windowStart || e > windowEnd) continue;
            var src = map.ToSource(s, e);
            highlights.Add(new SearchHighlight(s, e, s + shift, e + shift, src.Start, src.End));
        }
        return (new string(chars), highlights);
    }

    /// <summary>Matched spans of the passage text, sorted and merged, each with the clause it satisfies.</summary>
    internal List<(int Start, int End, int Clause)> FindMatches(string text, IReadOnlyList<AnalyzedTerm> terms)
    {
        _analyzer.Analyze(text, _buffer);
        var found = new List<(int Start, int End, int Clause)>();
        int n = _buffer.Count;
        foreach (var term in terms)
        {
            if (term.Clause < 0) continue;
            var first = term.Terms[0];
            bool lone = term.IsLoneCjkChar;
            for (int i = 0; i < n; i++)
            {
                var tok = _buffer[i];
                var t = _buffer.Term(i);
                if (lone)
                {
                    // A lone character inside a run: highlight just that character of the bigram.
                    if (t.Length == 2 && t[0] == first[0]) found.Add((tok.SourceStart, tok.SourceStart + 1, term.Clause));
                    else if (t.Length == 2 && t[1] == first[0]) found.Add((tok.SourceEnd - 1, tok.SourceEnd, term.Clause));
                    else if (t.SequenceEqual(first)) found.Add((tok.SourceStart, tok.SourceEnd, term.Clause));
                    continue;
                }
                if (!t.SequenceEqual(first)) continue;
                int k = 1;
                for (; k < term.Terms.Length; k++)
                {
                    int j = i + k;
                    if (j >= n || _buffer[j].Position - tok.Position != term.Positions[k] || !_buffer.Term(j).SequenceEqual(term.Terms[k])) break;
                }
                if (k == term.Terms.Length) found.Add((tok.SourceStart, _buffer[i + k - 1].SourceEnd, term.Clause));
            }
        }
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        // Merge overlaps (bigram phrases of two terms can overlap: 固体 in 全固体 and 固体電池).
        var merged = new List<(int Start, int End, int Clause)>(found.Count);
        foreach (var m in found)
        {
            if (merged.Count > 0 && m.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.End, m.End), last.Clause);
                continue;
            }
            merged.Add(m);
        }
        return merged;
    }

    /// <summary>The start of the window that covers the most distinct clauses, then the most matches.</summary>
    private static int BestWindow(List<(int Start, int End, int Clause)> matches, int length, int textLength)
    {
        int bestStart = 0, bestDistinct = -1, bestCount = -1;
        var seen = new HashSet<int>();
        for (int a = 0; a < matches.Count; a++)
        {
            // Leave a little context before the first match.
            int start = Math.Max(0, Math.Min(matches[a].Start - Math.Min(20, length / 6), textLength - length));
            int end = start + length;
            seen.Clear();
            int count = 0;
            for (int b = a; b < matches.Count && matches[b].End <= end; b++)
            {
                seen.Add(matches[b].Clause);
                count++;
            }
            if (seen.Count > bestDistinct || seen.Count == bestDistinct && count > bestCount)
            {
                bestDistinct = seen.Count;
                bestCount = count;
                bestStart = start;
            }
        }
        return bestStart;
    }
}
