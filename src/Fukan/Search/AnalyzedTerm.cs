namespace Fukan.Search;

/// <summary>
/// A query term after analysis: its terms in order with their positions relative to the first, and the
/// index of the clause it belongs to (-1 for an excluded term). A lone CJK character (熱) also matches the
/// bigrams that start with it, since a character inside a longer run is only indexed as part of bigrams.
/// </summary>
internal sealed record AnalyzedTerm(QueryTerm Source, string[] Terms, int[] Positions, int Clause)
{
    public bool IsLoneCjkChar => Terms.Length == 1 && Terms[0].Length == 1 && SearchCharClasses.Of(Terms[0][0]) == SearchCharClass.Cjk;

    public static AnalyzedTerm? Analyze(ISearchAnalyzer analyzer, TokenBuffer buffer, QueryTerm term, int clause)
    {
        analyzer.Analyze(term.Text, buffer);
        if (buffer.Count == 0) return null;
        var terms = new string[buffer.Count];
        var positions = new int[buffer.Count];
        int p0 = buffer[0].Position;
        for (int i = 0; i < buffer.Count; i++)
        {
            terms[i] = buffer.TermString(i);
            positions[i] = buffer[i].Position - p0;
        }
        return new AnalyzedTerm(term, terms, positions, clause);
    }
}
